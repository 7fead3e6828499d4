import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/support/pdf-text";
import { statementFingerprint, type ConsultantStatement, type LeadStatement, type ParticipantStatement, type ReviewerStatement } from "./certificate";
import { certificateContent, certificateTitle } from "./content";
import { renderCertificatePdf } from "./pdf";

const code = "7K2M-Q9XD-4TGH-B0ZR";
const url = `https://portal.radiant.example/verify/${code}`;
const flat = (text: string) => text.replace(/\s+/g, " ");

const outputs: ParticipantStatement["outputs"] = [
  { kind: "ABSTRACT", title: "Timeliness of CT head imaging: a national re-audit", venue: "UK Imaging and Oncology Congress", year: 2026, doi: null, pmid: null },
  { kind: "PAPER", title: "CT head timing after injury in adults.", venue: "Clinical Radiology", year: 2027, doi: "10.1016/j.crad.2027.01.001", pmid: "39912345" },
];

const participant: ParticipantStatement = {
  kind: "PARTICIPANT",
  traineeName: "Aisha Rahman",
  gmcNumber: "7012345",
  projectTitle: "Timeliness of CT head imaging after a head injury in adults",
  collectionStart: "2026-01-05",
  collectionEnd: "2026-04-30",
  minimumCitableCases: 10,
  places: [
    {
      site: "Addenbrooke's Hospital",
      role: "SITE_LEAD",
      joinedOn: "2025-12-10",
      leftOn: "2026-02-28",
      casesWhileOnTeam: 30,
      siteCases: 48,
      cited: true,
      contribution: "Local approvals and data collection",
      consultant: "Dr Helen Marsh, Consultant neuroradiologist",
    },
    {
      site: "Royal Infirmary",
      role: "COLLABORATOR",
      joinedOn: "2026-03-02",
      leftOn: null,
      casesWhileOnTeam: 1,
      siteCases: 6,
      cited: false,
      contribution: null,
      consultant: null,
    },
  ],
  outputs,
  issuedOn: "2026-11-29",
  projectLead: "Tom Okafor",
  projectLeadId: "5f0c3b7e-0000-4000-8000-000000000001",
};

describe("a certificate of participation listing every place", () => {
  it("names each hospital with the role, the dates on the team, the cases then, citation, contribution and consultant", () => {
    const content = certificateContent(participant, code, url);
    expect(content.heading).toBe("Certificate of participation");
    expect(content.lead).toBe("took part at Addenbrooke's Hospital and Royal Infirmary in the multicentre project");
    expect(content.blocks.map((b) => b.heading)).toEqual(["Addenbrooke's Hospital", "Royal Infirmary"]);
    expect(content.blocks[0]!.facts).toEqual([
      ["Role", "Site lead"],
      ["Site team member", "10 December 2025 to 28 February 2026"],
      ["Cases", "30 cases recorded while on the team, of the site's 48 cases"],
      ["Authorship", "Cited: the site's members are cited in the group authorship"],
      ["Contribution", "Local approvals and data collection"],
      ["Supervising consultant", "Dr Helen Marsh, Consultant neuroradiologist"],
    ]);
    expect(content.blocks[1]!.facts).toEqual([
      ["Role", "Collaborator"],
      ["Site team member", "2 March 2026 to 29 November 2026 (still a member)"],
      ["Cases", "1 case recorded while on the team, of the site's 6 cases"],
      ["Authorship", "Acknowledged, not cited: the site recorded fewer than 10 cases"],
      ["Contribution", "Not recorded by the site lead"],
    ]);
    expect(content.citation).toBe("Cited as a collaborator in the project's group authorship: the project cites the members of sites with at least 10 cases.");
    expect(content.facts).toEqual([
      ["Data collection", "5 January 2026 to 30 April 2026"],
      ["Issued on", "29 November 2026"],
      ["Verification code", code],
    ]);
    expect(content.signatory).toBe("Tom Okafor");
  });

  it("with one place, says where in the sentence, as before", () => {
    const content = certificateContent({ ...participant, places: [participant.places[1]!] }, code, url);
    expect(content.lead).toBe("took part as collaborator at Royal Infirmary in the multicentre project");
    expect(content.citation).toBe("Acknowledged, not cited, in the project's group authorship: the project cites the members of sites with at least 10 cases.");
  });

  it("mentions the project's outputs with venue, year, DOI and PubMed ID", () => {
    expect(certificateContent(participant, code, url).outputs).toEqual([
      "Abstract: Timeliness of CT head imaging: a national re-audit. UK Imaging and Oncology Congress, 2026.",
      "Paper: CT head timing after injury in adults. Clinical Radiology, 2027. doi:10.1016/j.crad.2027.01.001, PMID 39912345.",
    ]);
    expect(certificateContent({ ...participant, outputs: [] }, code, url).outputs).toEqual([]);
  });
});

describe("a lead's certificate", () => {
  const lead: LeadStatement = {
    kind: "PROJECT_LEAD",
    traineeName: "Tom Okafor",
    gmcNumber: null,
    projectTitle: "Timeliness of CT head imaging after a head injury in adults",
    collectionStart: "2026-01-05",
    collectionEnd: "2026-04-30",
    ledFrom: "2025-06-01",
    sites: [
      { site: "Addenbrooke's Hospital", cases: 48 },
      { site: "Royal Infirmary", cases: 1 },
    ],
    totalCases: 49,
    outputs,
    issuedOn: "2026-11-29",
  };

  it("states the role, the project's hospitals and cases and its dates, signed for the committee", () => {
    const content = certificateContent(lead, code, url);
    expect(content.heading).toBe("Certificate of project leadership");
    expect(content.lead).toBe("led, as project lead, the multicentre project");
    expect(content.facts).toEqual([
      ["Role", "Project lead"],
      ["Lead since", "1 June 2025"],
      ["Hospitals", "2 hospitals took part"],
      ["Cases", "49 cases recorded across the project"],
      ["Data collection", "5 January 2026 to 30 April 2026"],
      ["Issued on", "29 November 2026"],
      ["Verification code", code],
    ]);
    expect(content.blocks).toEqual([{ heading: "Hospitals and their cases", facts: [], paragraphs: ["Addenbrooke's Hospital (48 cases); Royal Infirmary (1 case)"] }]);
    expect(content.outputs).toHaveLength(2);
    expect(content.signatory).toBeNull();
    expect(content.signatoryRole).toBe("On behalf of the RADIANT collaborative committee");
    expect(certificateContent({ ...lead, kind: "CO_LEAD" }, code, url).facts[0]).toEqual(["Role", "Co-lead"]);
  });
});

describe("a supervising consultant's certificate", () => {
  it("states the site, the project and since when they supervised it", () => {
    const consultant: ConsultantStatement = {
      kind: "CONSULTANT",
      traineeName: "Helen Marsh",
      gmcNumber: "4012345",
      projectTitle: "Timeliness of CT head imaging after a head injury in adults",
      collectionStart: "2026-01-05",
      collectionEnd: "2026-04-30",
      sites: [{ site: "Addenbrooke's Hospital", from: "2025-12-01" }],
      outputs: [],
      issuedOn: "2026-11-29",
      projectLead: "Tom Okafor",
    };
    const content = certificateContent(consultant, code, url);
    expect(content.heading).toBe("Certificate of supervision");
    expect(content.lead).toBe("supervised, as consultant, the team at Addenbrooke's Hospital in the multicentre project");
    expect(content.facts[0]).toEqual(["Supervising since", "1 December 2025"]);
    expect(content.signatory).toBe("Tom Okafor");
  });
});

describe("a reviewer's certificate", () => {
  const reviewer: ReviewerStatement = {
    kind: "REVIEWER",
    traineeName: "Grace Adeyemi",
    gmcNumber: null,
    periodStart: "2025-08-01",
    periodEnd: "2026-07-31",
    proposals: 3,
    publicTitles: ["Timeliness of CT head imaging after a head injury in adults"],
    issuedOn: "2026-11-29",
  };

  it("counts the proposals reviewed in the period and names only the public ones", () => {
    const content = certificateContent(reviewer, code, url);
    expect(content.heading).toBe("Certificate of peer review");
    expect(content.projectTitle).toBe("3 proposals from 1 August 2025 to 31 July 2026");
    expect(content.facts).toEqual([
      ["Period", "1 August 2025 to 31 July 2026"],
      ["Proposals reviewed", "3"],
      ["Issued on", "29 November 2026"],
      ["Verification code", code],
    ]);
    expect(content.blocks[0]!.paragraphs).toEqual(["Timeliness of CT head imaging after a head injury in adults", "and 2 proposals not yet public"]);
    expect(certificateContent({ ...reviewer, publicTitles: [] }, code, url).blocks).toEqual([]);
    expect(certificateTitle(reviewer)).toBe("Proposal reviews, 1 August 2025 to 31 July 2026");
  });
});

describe("a certificate's fingerprint", () => {
  it("is the statement without its issue date: the same statement another day is the same certificate", () => {
    expect(statementFingerprint({ ...participant, issuedOn: "2027-01-01" })).toBe(statementFingerprint(participant));
    expect(statementFingerprint({ ...participant, outputs: outputs.slice(0, 1) })).not.toBe(statementFingerprint(participant));
    expect(statementFingerprint({ ...participant, traineeName: "Aisha Khan" })).not.toBe(statementFingerprint(participant));
  });
});

describe("the PDF of a certificate of every kind", () => {
  it("prints both places, their cases and the outputs on one page", async () => {
    const pdf = await renderCertificatePdf(participant, code, url);
    const text = flat(pdfText(pdf));
    for (const expected of [
      "Addenbrooke's Hospital",
      "Royal Infirmary",
      "30 cases recorded while on the team, of the site's 48 cases",
      "Dr Helen Marsh, Consultant neuroradiologist",
      "Outputs of the project",
      "PMID 39912345",
      "Tom Okafor",
      url,
    ]) {
      expect(text).toContain(expected);
    }
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });

  it("flows onto a second page when the places and outputs cannot fit on one, every line printed once", async () => {
    const many: ParticipantStatement = {
      ...participant,
      places: Array.from({ length: 9 }, (_, i) => ({ ...participant.places[0]!, site: `Hospital number ${i + 1}` })),
      outputs: Array.from({ length: 8 }, (_, i) => ({ ...outputs[1]!, title: `Paper number ${i + 1} on the timing of CT head imaging after injury` })),
    };
    const pdf = await renderCertificatePdf(many, code, url);
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBeGreaterThan(1);
    const lines = pdfText(pdf).split("\n");
    // Each place's heading is printed once, whichever page it falls on.
    for (let i = 1; i <= 9; i++) expect(lines.filter((line) => line === `Hospital number ${i}`), `hospital ${i}`).toHaveLength(1);
    const text = flat(lines.join(" "));
    for (let i = 1; i <= 8; i++) expect(text).toContain(`Paper number ${i} on the timing`);
    expect(text).toContain("continued. Verification code");
    expect(text).toContain(url);
  });
});
