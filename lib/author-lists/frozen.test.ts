import { describe, expect, it } from "vitest";
import { changeLog, changeLogText, frozenCsv, frozenText, manuscriptText, pubmedText, splitPrinted, type FrozenEntry, type FrozenList } from "./frozen";

const entry = (position: number, printedName: string, affiliations: string[], groupName: string, more: Partial<FrozenEntry> = {}): FrozenEntry => ({
  position,
  userId: `u${position}`,
  printedName,
  affiliations,
  groupName,
  role: "COLLABORATOR",
  cited: true,
  orcid: null,
  ...more,
});

const list: FrozenList = {
  version: 1,
  grouping: "HOSPITAL",
  minimumCitableCases: 10,
  entries: [
    entry(1, "Okafor T", ["Leeds General Infirmary"], "Steering committee", { role: "STEERING_COMMITTEE", orcid: "0000-0002-1825-0097" }),
    entry(2, "Shah P", ["Leeds General Infirmary", "York Hospital"], "Leeds General Infirmary", { role: "SITE_LEAD" }),
    entry(3, '=HYPERLINK("http://evil.example")', ["Leeds General Infirmary"], "Leeds General Infirmary"),
    entry(4, "Brown A", ["York Hospital"], "York Hospital", { cited: false }),
  ],
};

describe("a frozen list's exports", () => {
  it("prints the list as the live list does", () => {
    expect(frozenText(list)).toBe(
      [
        "Steering committee: Okafor T (Leeds General Infirmary)",
        'Leeds General Infirmary: Shah P (York Hospital), =HYPERLINK("http://evil.example")',
        "",
        "Acknowledged (sites that submitted fewer than 10 cases)",
        "York Hospital: Brown A",
        "",
      ].join("\n"),
    );
  });

  it("gives PubMed the group name, then the cited names by group, without affiliations", () => {
    expect(pubmedText(list)).toBe(
      [
        "RADIANT Trainee Research Collaborative",
        "",
        "Steering committee: Okafor T",
        'Leeds General Infirmary: Shah P, =HYPERLINK("http://evil.example")',
        "",
      ].join("\n"),
    );
  });

  it("gives a manuscript the cited names in order, then the acknowledgement", () => {
    expect(manuscriptText(list)).toBe(
      [
        "RADIANT Trainee Research Collaborative",
        "",
        "Steering committee: Okafor T (Leeds General Infirmary).",
        'Leeds General Infirmary: Shah P (York Hospital), =HYPERLINK("http://evil.example").',
        "",
        "Acknowledgements",
        "We thank the following collaborators, whose sites submitted fewer than 10 cases: Brown A (York Hospital).",
        "",
      ].join("\n"),
    );
  });

  it("makes a spreadsheet for submission systems where a formula is text", () => {
    expect(frozenCsv(list)).toBe(
      "\uFEFF" +
        [
          '"Position","Name as printed","Surname","Initials","ORCID iD","Affiliations","Role","Cited or acknowledged","Group"',
          '"1","Okafor T","Okafor","T","0000-0002-1825-0097","Leeds General Infirmary","Steering committee","Cited","Steering committee"',
          '"2","Shah P","Shah","P","","Leeds General Infirmary; York Hospital","Site lead","Cited","Leeds General Infirmary"',
          '"3","\'=HYPERLINK(""http://evil.example"")","\'=HYPERLINK(""http://evil.example"")","","","Leeds General Infirmary","Collaborator","Cited","Leeds General Infirmary"',
          '"4","Brown A","Brown","A","","York Hospital","Collaborator","Acknowledged","York Hospital"',
          "",
        ].join("\r\n"),
    );
  });

  it("splits a printed name into surname and initials", () => {
    expect(splitPrinted("Smith-Jones MJ")).toEqual({ surname: "Smith-Jones", initials: "MJ" });
    expect(splitPrinted("ap Gwilym D")).toEqual({ surname: "ap Gwilym", initials: "D" });
    expect(splitPrinted("Madonna")).toEqual({ surname: "Madonna", initials: "" });
  });
});

describe("the change log", () => {
  it("says who was renamed, added, removed, moved between cited and acknowledged, then the lead's note", () => {
    const next: FrozenList = {
      ...list,
      version: 2,
      entries: [
        list.entries[0]!,
        { ...list.entries[1]!, printedName: "Shah-Khan P" },
        entry(3, "New N", ["York Hospital"], "York Hospital", { userId: "new" }),
        { ...list.entries[3]!, position: 4, cited: true },
      ],
    };
    const lines = changeLog(list, next);
    expect(lines).toEqual([
      "Shah P is now printed as Shah-Khan P.",
      "Added New N (York Hospital), cited.",
      "Brown A is now cited.",
      'Removed =HYPERLINK("http://evil.example") (Leeds General Infirmary).',
    ]);
    expect(changeLogText(lines, "  Corrected as asked.  ")).toBe([...lines, "", "Note from the lead: Corrected as asked."].join("\n"));
    expect(changeLogText([], "")).toBe("No names, affiliations or roles changed.");
  });
});
