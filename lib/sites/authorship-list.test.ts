import { describe, expect, it } from "vitest";
import { buildAuthorshipList, type AuthorshipData, type AuthorshipPlace } from "./authorship-list";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const place = (userId: string, name: string, hospital: string, region: string, cases: number, joined: number, role: AuthorshipPlace["role"] = "COLLABORATOR"): AuthorshipPlace => ({
  userId,
  name,
  hospital,
  region,
  cases,
  joinedAt: day(joined),
  role,
});

/** A rotation (Priya Shah: Leeds, then York), a site below the minimum, a lead who also collected, a writing group and a data validator. */
const data: AuthorshipData = {
  steeringCommittee: [{ userId: "lead", name: "Tom Okafor", orcid: "0000-0002-1825-0097" }],
  places: [
    place("shah", "Priya Shah", "York Hospital", "Yorkshire and the Humber", 3, 20),
    place("shah", "Priya Shah", "Leeds General Infirmary", "Yorkshire and the Humber", 30, 2, "SITE_LEAD"),
    place("brown", "Ann Brown", "York Hospital", "Yorkshire and the Humber", 3, 4),
    place("evans", "Rhys Evans", "Ysbyty Gwynedd", "Wales", 12, 1, "SITE_LEAD"),
    place("jones", "Cai Jones", "Ysbyty Gwynedd", "Wales", 12, 3),
    place("lead", "Tom Okafor", "Leeds General Infirmary", "Yorkshire and the Humber", 30, 1),
  ],
  creditRoles: [
    { userId: "jones", name: "Cai Jones", role: "DATA_VALIDATOR" },
    { userId: "writer", name: "Mina Patel", role: "WRITING_GROUP" },
  ],
  minimumCitableCases: 10,
};

describe("the live authorship list", () => {
  it("prints a person who rotated once, with both hospitals, under the hospital of their first place", () => {
    const list = buildAuthorshipList(data, "hospital");
    expect(list.text).toBe(
      [
        "Steering committee: Okafor T (Leeds General Infirmary)",
        "Writing group: Patel M",
        "Data validators: Jones C (Ysbyty Gwynedd)",
        "Leeds General Infirmary: Shah P (York Hospital)",
        "Ysbyty Gwynedd: Evans R",
        "",
        "Acknowledged (sites that submitted fewer than 10 cases)",
        "York Hospital: Brown A",
        "",
      ].join("\n"),
    );
    expect(list.entries.filter((entry) => entry.userId === "shah")).toEqual([
      { position: 4, userId: "shah", printedName: "Shah P", affiliations: ["Leeds General Infirmary", "York Hospital"], groupName: "Leeds General Infirmary", role: "SITE_LEAD", cited: true, orcid: null },
    ]);
    expect(list).toMatchObject({ citedCount: 5, acknowledgedCount: 1 });
  });

  it("groups by role with every affiliation in brackets", () => {
    expect(buildAuthorshipList(data, "role").text).toBe(
      [
        "Steering committee: Okafor T (Leeds General Infirmary)",
        "Writing group: Patel M",
        "Data validators: Jones C (Ysbyty Gwynedd)",
        "Site leads: Evans R (Ysbyty Gwynedd), Shah P (Leeds General Infirmary; York Hospital)",
        "",
        "Acknowledged (sites that submitted fewer than 10 cases)",
        "Collaborators: Brown A (York Hospital)",
        "",
      ].join("\n"),
    );
  });

  it("groups by the region of each person's first hospital", () => {
    const list = buildAuthorshipList(data, "region");
    expect(list.cited.slice(3)).toEqual([
      { heading: "Wales", lines: ["Evans R (Ysbyty Gwynedd)"] },
      { heading: "Yorkshire and the Humber", lines: ["Shah P (Leeds General Infirmary; York Hospital)"] },
    ]);
    expect(list.acknowledged).toEqual([{ heading: "Yorkshire and the Humber", lines: ["Brown A (York Hospital)"] }]);
  });

  it("cites a person whose first site fell short when another of their sites met the rule", () => {
    const list = buildAuthorshipList({ ...data, steeringCommittee: [], creditRoles: [], places: [place("k", "Kim Lee", "Small", "North", 1, 1), place("k", "Kim Lee", "Big", "North", 50, 9)] }, "hospital");
    expect(list.entries).toMatchObject([{ printedName: "Lee K", affiliations: ["Small", "Big"], groupName: "Small", cited: true }]);
  });

  it("lists those below the rule as acknowledged, never drops them, and cites everyone with no minimum", () => {
    expect(buildAuthorshipList(data, "hospital").entries.find((entry) => entry.userId === "brown")).toMatchObject({ cited: false });
    expect(buildAuthorshipList({ ...data, minimumCitableCases: null }, "hospital").acknowledgedCount).toBe(0);
  });

  it("is empty text for nobody", () => {
    expect(buildAuthorshipList({ steeringCommittee: [], places: [], creditRoles: [], minimumCitableCases: null }, "role")).toMatchObject({ text: "", entries: [] });
  });
});
