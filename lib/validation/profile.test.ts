import { describe, expect, it } from "vitest";
import { isValidOrcid, orcidSchema } from "./profile";

describe("ORCID iDs", () => {
  it.each(["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"])("accepts the real iD %s", (id) => {
    expect(isValidOrcid(id)).toBe(true);
    expect(orcidSchema.parse(id)).toBe(id);
  });

  it("accepts an iD pasted as a link, with spaces or a lower-case x, and stores the bare form", () => {
    expect(orcidSchema.parse("https://orcid.org/0000-0002-1825-0097")).toBe("0000-0002-1825-0097");
    expect(orcidSchema.parse(" 0000 0002 1694 233x ")).toBe("0000-0002-1694-233X");
    expect(orcidSchema.parse("000000021825 0097")).toBe("0000-0002-1825-0097");
    expect(orcidSchema.parse("")).toBeUndefined();
  });

  it("refuses a wrong check digit with its own message", () => {
    const result = orcidSchema.safeParse("0000-0002-1825-0098");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/not valid/);
    expect(isValidOrcid("0000-0001-5109-370X")).toBe(false);
  });

  it.each(["0000-0002-1825", "0000-0002-1825-00977", "ABCD-0002-1825-0097", "0000_0002_1825_0097", "0000-0002-1825-X097"])(
    "refuses the malformed %s",
    (id) => {
      const result = orcidSchema.safeParse(id);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/4 groups/);
    },
  );
});
