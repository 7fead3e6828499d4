import { describe, expect, it } from "vitest";
import { checkDate, datePartsOf, dateText, formRecord, partsForError, type DateRules } from "./date-input";

const now = new Date("2026-11-28T21:27:00Z");
const count: DateRules = { name: "Date of the count", required: true, when: "todayOrPast", earliestYear: 2000 };
const parts = (day: string, month: string, year: string) => ({ day, month, year });
const check = (value: unknown, rules: DateRules = count) => checkDate(value, rules, now);

describe("checkDate, in the GOV.UK order of errors", () => {
  it.each([
    [parts("", "", ""), "Enter date of the count", ["day", "month", "year"]],
    [parts("", "3", "2026"), "Date of the count must include a day", ["day"]],
    [parts("27", "", "2026"), "Date of the count must include a month", ["month"]],
    [parts("27", "3", ""), "Date of the count must include a year", ["year"]],
    [parts("", "", "2026"), "Date of the count must include a day and month", ["day", "month"]],
    [parts("27", "", ""), "Date of the count must include a month and year", ["month", "year"]],
    [parts("", "3", ""), "Date of the count must include a day and year", ["day", "year"]],
    [parts("32", "3", "2026"), "Date of the count must be a real date", ["day"]],
    [parts("27", "13", "2026"), "Date of the count must be a real date", ["month"]],
    [parts("x", "y", "2026"), "Date of the count must be a real date", ["day", "month"]],
    [parts("27", "3", "twenty"), "Date of the count must be a real date", ["year"]],
    [parts("29", "2", "2026"), "Date of the count must be a real date", ["day"]],
    [parts("27", "3", "26"), "Year must include 4 numbers", ["year"]],
    [parts("27", "3", "1999"), "Date of the count must be the same as or after 1 January 2000", ["day", "month", "year"]],
    [parts("29", "11", "2026"), "Date of the count must be today or in the past", ["day", "month", "year"]],
  ])("%j → %s", (value, message, wrong) => {
    expect(check(value)).toEqual({ ok: false, message, parts: wrong });
    // The component marks the same boxes from what was typed and the message alone.
    expect(partsForError(value, message)).toEqual(wrong);
  });

  it("accepts today for a field that may be today, and refuses it for one that must be in the past", () => {
    expect(check(parts("28", "11", "2026"))).toEqual({ ok: true, iso: "2026-11-28" });
    expect(check(parts("28", "11", "2026"), { ...count, when: "past" })).toMatchObject({ ok: false, message: "Date of the count must be in the past" });
    expect(check(parts("27", "11", "2026"), { ...count, when: "past" })).toEqual({ ok: true, iso: "2026-11-27" });
  });

  it("reads what people type: spaces, leading zeros, month names, a leap day", () => {
    expect(check(parts(" 01 ", "03", "2026"))).toEqual({ ok: true, iso: "2026-03-01" });
    expect(check(parts("1", "Mar", "2026"))).toEqual({ ok: true, iso: "2026-03-01" });
    expect(check(parts("1", "september", "2026"))).toEqual({ ok: true, iso: "2026-09-01" });
    expect(check(parts("29", "2", "2024"))).toEqual({ ok: true, iso: "2024-02-29" });
  });

  it("leaves an optional date empty, and gives no limit when the field has none", () => {
    const start: DateRules = { name: "Start date of data collection", required: false, when: "any", earliestYear: 2000 };
    expect(check(parts("", "", ""), start)).toEqual({ ok: true, iso: null });
    expect(check(parts("1", "3", "2027"), start)).toEqual({ ok: true, iso: "2027-03-01" });
    expect(check(parts("1", "3", "2101"), start)).toMatchObject({ ok: false, message: "Start date of data collection must be the same as or before 31 December 2100" });
  });

  it("takes a stored day (YYYY-MM-DD) as well as the boxes, and refuses anything else", () => {
    expect(check("2026-09-01")).toEqual({ ok: true, iso: "2026-09-01" });
    expect(check("2026-02-30")).toMatchObject({ ok: false, message: "Date of the count must be a real date" });
    expect(check("yesterday")).toMatchObject({ ok: false, message: "Date of the count must be a real date" });
    expect(check(42)).toMatchObject({ ok: false, message: "Enter date of the count" });
  });
});

describe("the boxes", () => {
  it("split a stored day without leading zeros, and keep typed text as typed", () => {
    expect(datePartsOf("2027-03-01")).toEqual(parts("1", "3", "2027"));
    expect(datePartsOf(dateText(parts("31", "2/", "2027")))).toEqual(parts("31", "2", "2027"));
    expect(datePartsOf(parts("x", "", "20"))).toEqual(parts("x", "", "20"));
  });

  it("arrive from a form gathered under the date's name", () => {
    const form = new FormData();
    form.set("note", "hello");
    form.set("reportedOn-day", "27");
    form.set("reportedOn-month", "3");
    form.set("reportedOn-year", "2026");
    expect(formRecord(form)).toEqual({ note: "hello", reportedOn: parts("27", "3", "2026") });
  });

  it("named after Object's prototype stay in the form that sent them, not in every object of the server", () => {
    // Any form read by parseForm (the sign-in form, signed out) could send these names. Written onto
    // Object.prototype, "day" would show in every for…in of the server until it restarted: a
    // proposal's list field would then be read as a date and the save would fail.
    const form = new FormData();
    form.set("__proto__-day", "polluted");
    form.set("constructor-month", "polluted");
    form.set("email", "someone@example.net");
    try {
      const record = formRecord(form);
      expect(({} as Record<string, unknown>).day).toBeUndefined();
      const enumerated: string[] = [];
      for (const key in { title: "A proposal" }) enumerated.push(key);
      expect(enumerated).toEqual(["title"]);
      expect(record.email).toBe("someone@example.net");
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    } finally {
      delete (Object.prototype as Record<string, unknown>).day;
      delete (Object.prototype as Record<string, unknown>).month;
    }
  });
});
