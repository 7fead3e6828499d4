import { describe, expect, it } from "vitest";
import { newVerificationCode, normaliseVerificationCode } from "./code";

describe("verification codes", () => {
  it("are 16 characters of Crockford base 32 in groups of 4, and differ every time", () => {
    const codes = new Set(Array.from({ length: 500 }, () => newVerificationCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it("are read back from what people type", () => {
    expect(normaliseVerificationCode(" 7k2m q9xd 4tgh b0zr ")).toBe("7K2M-Q9XD-4TGH-B0ZR");
    expect(normaliseVerificationCode("7K2M-Q9XD-4TGH-BOZR")).toBe("7K2M-Q9XD-4TGH-B0ZR");
    expect(normaliseVerificationCode("7K2M-Q9XD-4TGH")).toBeNull();
    expect(normaliseVerificationCode("'; DROP TABLE")).toBeNull();
  });
});
