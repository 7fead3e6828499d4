import { describe, expect, it } from "vitest";
import { odsLine } from "@/tests/support/ods";
import { isClosed, parseCsv, parseOdsFile, titleCase } from "./ods-file";

describe("reading the NHS organisation data files", () => {
  it("reads a sites file: code, name, town, postcode, close date and the parent trust from their columns", () => {
    const text = [
      odsLine({ code: "RJ121", name: "ST THOMAS' HOSPITAL", parent: "RJ1" }),
      odsLine({ code: "RJ122", name: "GUY'S HOSPITAL", town: "", postcode: "se19rt", close: "20250331", parent: "RJ1" }),
    ].join("\r\n");
    const parsed = parseOdsFile(`${text}\r\n`);
    expect(parsed).toEqual({
      ok: true,
      kind: "sites",
      records: [
        { line: 1, code: "RJ121", name: "ST THOMAS' HOSPITAL", city: "London", postcode: "SE1 7EH", closeDate: null, parentCode: "RJ1" },
        // No town in the file: none is made up. Postcodes are tidied.
        { line: 2, code: "RJ122", name: "GUY'S HOSPITAL", city: "", postcode: "SE1 9RT", closeDate: "20250331", parentCode: "RJ1" },
      ],
    });
  });

  it("tells a trusts file from a sites file by the parent column", () => {
    const parsed = parseOdsFile(odsLine({ code: "RJ1", name: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST" }));
    expect(parsed.ok && parsed.kind).toBe("trusts");
  });

  it("refuses a file with a header row, naming the problem", () => {
    const header = ["Organisation Code", "Name", ...Array<string>(25).fill("x")].join(",");
    const parsed = parseOdsFile(`${header}\n${odsLine({ code: "RJ121", name: "X", parent: "RJ1" })}`);
    expect(parsed).toEqual({ ok: false, errors: [expect.stringContaining("header row")] });
  });

  it("refuses another layout, saying which lines and how many columns", () => {
    const parsed = parseOdsFile('"RJ121","ST THOMAS\' HOSPITAL","LONDON"\n"RJ122","GUY\'S HOSPITAL","LONDON"');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toBe("Line 1 has 3 columns, not the 27 of the NHS layout. Upload the trusts file (etr.csv) or the sites file (ets.csv) as published.");
    expect(parsed.errors).toHaveLength(2);
  });

  it("refuses bad codes, dates and repeated codes, and a file mixing trusts and sites", () => {
    const bad = parseOdsFile([odsLine({ code: "rj-121", name: "A", parent: "RJ1" }), odsLine({ code: "RJ122", name: "B", close: "31/03/2025", parent: "RJ1" })].join("\n"));
    expect(bad.ok === false && bad.errors).toEqual(["Line 1: “rj-121” is not an organisation code.", "Line 2: “31/03/2025” is not a date of the form YYYYMMDD."]);
    const twice = parseOdsFile([odsLine({ code: "RJ121", name: "A", parent: "RJ1" }), odsLine({ code: "RJ121", name: "A", parent: "RJ1" })].join("\n"));
    expect(twice.ok === false && twice.errors).toEqual(["Line 2: the code RJ121 appears twice in the file."]);
    const mixed = parseOdsFile([odsLine({ code: "RJ1", name: "TRUST" }), odsLine({ code: "RJ121", name: "A", parent: "RJ1" })].join("\n"));
    expect(mixed.ok === false && mixed.errors[0]).toContain("mixes trusts and sites");
  });

  it("refuses names and towns that the hospital form would refuse: hidden or direction characters, or too long", () => {
    // The names reach every member's pickers: a direction override would make one hospital read as another.
    const parsed = parseOdsFile(
      [
        odsLine({ code: "RJ121", name: "ST THOMAS\u202E LATIPSOH", parent: "RJ1" }),
        odsLine({ code: "RJ122", name: "GUY'S\u0007 HOSPITAL", parent: "RJ1" }),
        odsLine({ code: "RJ123", name: "H".repeat(201), parent: "RJ1" }),
        odsLine({ code: "RJ124", name: "EVELINA", town: "LONDON\u2066", parent: "RJ1" }),
        odsLine({ code: "RJ125", name: "EVELINA LONDON", town: "L".repeat(101), parent: "RJ1" }),
      ].join("\n"),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.slice(0, 4)).toEqual([
      expect.stringMatching(/^Line 1: the name of RJ121 /),
      expect.stringMatching(/^Line 2: the name of RJ122 /),
      expect.stringMatching(/^Line 3: the name of RJ123 /),
      expect.stringMatching(/^Line 4: the town of RJ124 /),
    ]);
    expect(parsed.errors.join("\n")).toMatch(/Line 5: the town of RJ125 /);
  });

  it("refuses an empty or binary file", () => {
    expect(parseOdsFile("\n\n")).toEqual({ ok: false, errors: ["The file is empty."] });
    expect(parseOdsFile("PK\u0003\u0004\u0000\u0000")).toEqual({ ok: false, errors: [expect.stringContaining("not a text file")] });
  });

  it("keeps commas and doubled quotes inside quoted fields", () => {
    expect(parseCsv('"A, B","say ""hi""",\n"C"')).toEqual([["A, B", 'say "hi"', ""], ["C"]]);
  });

  it("writes names as people do", () => {
    expect(titleCase("ST THOMAS' HOSPITAL")).toBe("St Thomas' Hospital");
    expect(titleCase("KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST")).toBe("King's College Hospital NHS Foundation Trust");
    expect(titleCase("ROYAL STOKE UNIVERSITY HOSPITAL, STOKE-ON-TRENT")).toBe("Royal Stoke University Hospital, Stoke-on-Trent");
    expect(titleCase("THE ROYAL LONDON HOSPITAL")).toBe("The Royal London Hospital");
  });

  it("counts a close date as closed from that day on", () => {
    const today = new Date("2026-11-29T10:00:00Z");
    expect(isClosed({ closeDate: "20261129" }, today)).toBe(true);
    expect(isClosed({ closeDate: "20261130" }, today)).toBe(false);
    expect(isClosed({ closeDate: null }, today)).toBe(false);
  });
});
