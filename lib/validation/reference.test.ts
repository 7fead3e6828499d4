import { describe, expect, it } from "vitest";
import { describeHostileForms, type HostileForm } from "./hostile-forms.testing";
import {
  hospitalEditSchema,
  hospitalSchema,
  hospitalSearchSchema,
  importApplySchema,
  importOptionsSchema,
  mergeSchema,
  odsCodeSchema,
  postcodeSchema,
  regionRenameSchema,
  regionSchema,
  trustCodeSchema,
} from "./reference";

describe("organisation codes", () => {
  it.each([
    ["RJ121", "an English trust's site"],
    ["R0A02", "a site of a trust whose code has a digit"],
    ["7A4BV", "a Welsh health board's site"],
    ["G405H", "a Scottish hospital's location code"],
  ])("accepts %s (%s)", (code) => {
    expect(odsCodeSchema.parse(code)).toBe(code);
  });

  it("tidies what a person types: spaces and lower case", () => {
    expect(odsCodeSchema.parse(" rj 121 ")).toBe("RJ121");
    expect(trustCodeSchema.parse("7a4")).toBe("7A4");
    expect(trustCodeSchema.parse("")).toBeUndefined();
  });

  it.each(["", "RJ", "RJ-12", "RJ121ABCDE", "RJ12é"])("refuses %j with a sentence saying what a code looks like", (code) => {
    const result = odsCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^Enter (the hospital's organisation code|an organisation code of 3 to 9 letters and digits, like RJ121 or 7A4BV)$/);
  });
});

describe("postcodes", () => {
  it("stores a UK postcode upper-case with one space, and refuses anything else", () => {
    expect(postcodeSchema.parse("se17eh")).toBe("SE1 7EH");
    expect(postcodeSchema.parse("cf14  4xw")).toBe("CF14 4XW");
    expect(postcodeSchema.parse("")).toBeUndefined();
    expect(postcodeSchema.safeParse("12345").success).toBe(false);
  });
});

describe("the hospitals list's address", () => {
  it("treats anything it does not recognise as no filter", () => {
    expect(hospitalSearchSchema.parse({ q: "a\u0000b", region: "not-a-uuid", listing: "GONE", page: "x" })).toEqual({ q: undefined, region: undefined, listing: undefined, page: 1 });
  });
});

// The same property as lib/validation/hostile-input.test.ts, for the forms of the hospitals and regions pages.
const forms: HostileForm[] = [
  ["add a hospital", hospitalSchema, ["odsCode", "name", "trust", "trustCode", "city", "postcode", "deaneryId"]],
  ["edit a hospital", hospitalEditSchema, ["siteId", "odsCode", "name", "trust", "trustCode", "city", "postcode", "deaneryId"]],
  ["merge", mergeSchema, ["siteId", "survivorCode", "step"]],
  ["add a region", regionSchema, ["name", "code", "nation"]],
  ["rename a region", regionRenameSchema, ["deaneryId", "name"]],
  ["import options", importOptionsSchema, ["scope", "fallbackRegionId"]],
  ["apply an import", importApplySchema, ["sitesText", "trustsText", "fileHash", "planHash", "scope", "fallbackRegionId"]],
];

describeHostileForms(forms, 300);
