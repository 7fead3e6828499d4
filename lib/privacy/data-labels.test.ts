import { describe, expect, it } from "vitest";
import { describeMyData } from "./data-labels";
import type { MyData } from "./export";

const data: MyData = {
  exportedAt: "2026-11-28T21:30:00.000Z",
  account: {
    name: "Tom Trainee",
    email: "tom@example.org",
    role: "MEMBER",
    createdAt: "2026-11-28T21:27:00.000Z",
    lastSignInAt: null,
    inactivityWarnedAt: null,
  },
  profile: {
    grade: "ST3",
    trainingRegion: "Yorkshire and the Humber",
    homeHospital: "Leeds General Infirmary, Leeds",
    gmcNumber: null,
    orcid: null,
    modalities: ["CT", "MRI"],
    subspecialties: [],
    contactConsent: true,
    authorSurname: null,
    authorInitials: null,
  },
  collaborations: [
    {
      project: "Lung nodules in CT",
      hospital: "Leeds General Infirmary",
      role: "COLLABORATOR",
      status: "CONFIRMED",
      contribution: null,
      requestedAt: "2026-06-03T13:05:00.000Z",
      decidedAt: null,
      endedAt: null,
    },
  ],
  certificates: [{ kind: "REVIEWER", certifies: "Proposal reviews, 1 August 2025 to 31 July 2026", code: "7K2M-Q9XD-4TGH-B0ZR", issuedAt: "2026-11-29T10:00:00.000Z" }],
  projectsLed: [],
  reviewsWritten: [],
  conflictsDeclared: [],
  reviewsAssigned: [],
  progressRecorded: [],
  interestRegistered: [],
  notifications: [{ message: "You were confirmed", at: "2026-06-03T13:05:00.000Z", read: false }],
  signedIn: [],
  invitationsReceived: [],
  outputsOfYourProjects: [{ project: "CTPA yield", kind: "ORAL_PRESENTATION", title: "Yield of CTPA", venue: "UK Imaging and Oncology Congress", date: "2026-06-08", doi: null, pmid: "38012345" }],
  sitesObserved: [{ project: "CTPA yield", hospital: "Addenbrooke's Hospital", since: "2026-11-20T09:00:00.000Z" }],
  authorLists: [
    { project: "Renal colic CT audit", version: 2, frozenAt: "2026-11-28T21:27:00.000Z", printedAs: "Shah-Khan P", affiliations: ["Leeds General Infirmary", "York Hospital"], role: "SITE_LEAD", cited: true, answer: "CORRECTION_REQUESTED", correction: "Please print Shah-Khan P" },
  ],
  amendmentsProposed: [{ project: "CTPA yield", number: 1, status: "APPROVED", reason: "Sites started late.", at: "2026-11-20T09:00:00.000Z" }],
  amendmentsDecided: [],
  governanceRecorded: [{ project: "CTPA yield", hospital: "Leeds General Infirmary", item: "Caldicott approval", reference: "CG-2026-11", date: "2026-10-01", state: "SENT_BACK", at: "2026-10-02T09:00:00.000Z" }],
  governanceChecked: [],
  documentsUploaded: [{ project: "CTPA yield", document: "Protocol", version: 2, fileName: "protocol-v2.pdf", note: "", at: "2026-09-01T09:00:00.000Z" }],
  changesMade: [{ action: "profile.updated", record: "User", at: "2026-11-28T21:27:00.000Z" }],
} as MyData;

const section = (title: string) => describeMyData(data).find((s) => s.title === title)!;
const said = (title: string, index = 0) => Object.fromEntries(section(title).entries[index]!.map((f) => [f.label, f.value]));

describe("Your data, in words", () => {
  it("labels the account's fields and writes dates as people read them", () => {
    expect(said("Account")).toEqual({
      Name: "Tom Trainee",
      "E-mail address": "tom@example.org",
      Role: "Member",
      "Account created": "28 November 2026 at 21:27",
      "Last signed in": "Never",
    });
  });

  it("says yes and no, lists in words, and 'Not given' for what is empty", () => {
    const profile = said("Profile");
    expect(profile["Consent to e-mail"]).toBe("yes");
    expect(profile.Modalities).toBe("CT, MRI");
    expect(profile.Subspecialties).toBe("None");
    expect(profile["GMC number"]).toBe("Not given");
    expect(profile.Grade).toBe("ST3");
  });

  it("turns codes into words in every list", () => {
    expect(said("Collaborations")).toMatchObject({ Role: "Collaborator", Status: "Confirmed", "Asked to join": "3 June 2026 at 14:05", Decided: "Not yet" });
    expect(said("Notifications")).toMatchObject({ Read: "no", Sent: "3 June 2026 at 14:05" });
    expect(said("Outputs of your projects")).toMatchObject({ Kind: "Oral presentation", Date: "8 June 2026", DOI: "Not given", PMID: "38012345" });
    expect(said("Sites you observe")).toEqual({ Project: "CTPA yield", Hospital: "Addenbrooke's Hospital", "Observing since": "20 November 2026 at 09:00" });
    expect(said("Certificates")).toEqual({
      Kind: "Proposal reviews",
      Certifies: "Proposal reviews, 1 August 2025 to 31 July 2026",
      "Verification code": "7K2M-Q9XD-4TGH-B0ZR",
      Issued: "29 November 2026 at 10:00",
    });
    expect(said("Changes you made")).toEqual({ "What you did": "Updated the profile of …", "Kind of record": "Your account", When: "28 November 2026 at 21:27" });
  });

  it("shows each author list line as printed, with the answer in words", () => {
    expect(said("Author lists you are on")).toEqual({
      Project: "Renal colic CT audit",
      Version: "2",
      Frozen: "28 November 2026 at 21:27",
      "Printed as": "Shah-Khan P (Leeds General Infirmary; York Hospital)",
      Role: "Site lead",
      Cited: "yes",
      "Your answer": "Asked for a correction",
      "Correction you asked for": "Please print Shah-Khan P",
    });
  });

  it("shows no code, key or ISO date anywhere", () => {
    for (const s of describeMyData(data)) {
      for (const entry of s.entries) {
        for (const { label, value } of entry) {
          expect(label).not.toMatch(/^[a-z]|[a-z][A-Z][a-z]/);
          expect(value).not.toMatch(/\d{4}-\d{2}-\d{2}|^[A-Z_]{3,}$|^(true|false|null)$/);
        }
      }
    }
  });
});
