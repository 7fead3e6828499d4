import { describe, expect, it } from "vitest";
import { authorshipLine, normaliseInitials, splitName } from "./authorship";

describe("the authorship line", () => {
  it.each([
    ["Siobhán O'Connor-Reilly", "O'Connor-Reilly S"],
    ["Mary Jane Smith", "Smith MJ"],
    ["Aisha Rahman", "Rahman A"],
    ["Jean-Luc Picard", "Picard JL"],
    ["Dr Zoë Ó Súilleabháin", "Ó Súilleabháin Z"],
    ["Ludwig van Beethoven", "van Beethoven L"],
    ["Maria de la Cruz", "de la Cruz M"],
    ["  Ōsaka   Émile  ", "Émile Ō"],
    ["Prof. Chidi Okafor", "Okafor C"],
    ["Madonna", "Madonna"],
    ["élodie d'Arcy", "d'Arcy É"],
  ])("writes %s as %s", (name, expected) => {
    expect(authorshipLine({ name })).toBe(expected);
  });

  it("adds the hospital in brackets", () => {
    expect(authorshipLine({ name: "Siobhán O'Connor-Reilly", hospital: "Addenbrooke's Hospital" })).toBe(
      "O'Connor-Reilly S (Addenbrooke's Hospital)",
    );
  });

  it("uses the member's own spelling when they give one", () => {
    expect(
      authorshipLine({ name: "Mary Jane Smith", authorSurname: "Smith-Jones", authorInitials: "m. j. k.", hospital: "York Hospital" }),
    ).toBe("Smith-Jones MJK (York Hospital)");
    expect(authorshipLine({ name: "Mary Jane Smith", authorSurname: "  ", authorInitials: "" })).toBe("Smith MJ");
    expect(authorshipLine({ name: "Mary Jane Smith", authorInitials: "M" })).toBe("Smith M");
  });

  it("keeps accents and apostrophes in NFC form", () => {
    // "á" typed as a + combining acute.
    expect(splitName("Siobha\u0301n O'Connor")).toEqual({ surname: "O'Connor", initials: "S" });
    expect(splitName("Siobha\u0301n O'Connor").surname.normalize("NFC")).toBe("O'Connor");
    expect(normaliseInitials("é-a")).toBe("ÉA");
  });
});
