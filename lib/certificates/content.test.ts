import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pdfText } from "@/tests/support/pdf-text";
import type { CertificateStatement } from "./certificate";
import { certificateContent, certificateDisposition, certificateFileName, isCited, shortenAtWord, verificationUrl } from "./content";
import { fitBody, renderCertificatePdf, SIGNATURE_Y } from "./pdf";

const statement: CertificateStatement = {
  traineeName: "Siobhán O'Connor-Reilly",
  gmcNumber: "7012345",
  projectTitle: "Timeliness of CT head imaging after a head injury in adults: a national re-audit",
  site: "Addenbrooke's Hospital",
  role: "SITE_LEAD",
  collectionStart: "2026-01-05",
  collectionEnd: "2026-04-30",
  issuedOn: "2026-11-29",
  joinedOn: "2025-12-10",
  leftOn: null,
  contribution: "Local approvals and data collection",
  siteCases: 48,
  cited: true,
  minimumCitableCases: 10,
  projectLead: "Tom Okafor",
};
const code = "7K2M-Q9XD-4TGH-B0ZR";
const url = `https://portal.radiant.example/verify/${code}`;
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("what a certificate states", () => {
  it("says what the person did: role, hospital, dates on the team, contribution, the site's cases, the window and the code", () => {
    const content = certificateContent(statement, code, url);
    expect(content.lead).toBe("took part as site lead at Addenbrooke's Hospital in the multicentre project");
    expect(content.facts).toEqual([
      ["Role", "Site lead"],
      ["Hospital", "Addenbrooke's Hospital"],
      ["Site team member", "10 December 2025 to 29 November 2026 (still a member)"],
      ["Contribution", "Local approvals and data collection"],
      ["Cases from the site", "48 cases submitted by Addenbrooke's Hospital"],
      ["Data collection", "5 January 2026 to 30 April 2026"],
      ["Issued on", "29 November 2026"],
      ["Verification code", code],
    ]);
    expect(content.signatory).toBe("Tom Okafor");
  });

  it("says whether they are cited under the project's rule, and why not when they are not", () => {
    expect(certificateContent(statement, code, url).citation).toBe(
      "Cited as a collaborator in the project's group authorship: the project cites the members of sites with at least 10 cases.",
    );
    expect(certificateContent({ ...statement, minimumCitableCases: null }, code, url).citation).toMatch(/^Cited .* every confirmed member/);
    expect(certificateContent({ ...statement, cited: false, siteCases: 6 }, code, url).citation).toBe(
      "Acknowledged, not cited, in the project's group authorship: the project cites the members of sites with at least 10 cases.",
    );
    expect(certificateContent({ ...statement, cited: false, siteCases: 60 }, code, url).citation).toMatch(/not cited.*the site withdrew/);
  });

  it("applies the citation rule as the authorship list does: a site still taking part, at or above the minimum", () => {
    expect(isCited("COMPLETE", 10, 10)).toBe(true);
    expect(isCited("COMPLETE", 9, 10)).toBe(false);
    expect(isCited("ACTIVE", 0, null)).toBe(true);
    expect(isCited("WITHDRAWN", 100, 10)).toBe(false);
    expect(isCited("WITHDRAWN", 100, null)).toBe(false);
  });

  it("says a contribution was not recorded rather than leaving a blank", () => {
    const facts = new Map(certificateContent({ ...statement, contribution: null }, code, url).facts);
    expect(facts.get("Contribution")).toBe("Not recorded by the site lead");
  });

  it("prints a certificate issued before these were recorded without them, as it was", () => {
    const { joinedOn, leftOn, contribution, siteCases, cited, minimumCitableCases, projectLead, ...older } = statement;
    void [joinedOn, leftOn, contribution, siteCases, cited, minimumCitableCases, projectLead];
    const content = certificateContent(older, code, url);
    expect(content.facts.map(([label]) => label)).toEqual(["Role", "Hospital", "Data collection", "Issued on", "Verification code"]);
    expect(content.citation).toBeNull();
    expect(content.signatory).toBeNull();
  });
});

describe("the certificate PDF", () => {
  it("prints every line of the statement, the signature line and the verification address on one A4 page", async () => {
    const pdf = await renderCertificatePdf(statement, code, url);
    const text = flat(pdfText(pdf));
    for (const expected of [
      "RADIANT",
      "Certificate of participation",
      "Siobhán O'Connor-Reilly",
      "GMC number 7012345",
      "took part as site lead at Addenbrooke's Hospital",
      statement.projectTitle,
      "10 December 2025 to 29 November 2026 (still a member)",
      "Local approvals and data collection",
      "48 cases submitted by Addenbrooke's Hospital",
      "Cited as a collaborator in the project's group authorship",
      "Tom Okafor",
      "Project lead, on behalf of the RADIANT collaborative",
      code,
      url,
    ]) {
      expect(text).toContain(expected);
    }
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.getPageCount()).toBe(1);
    expect(loaded.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  it("fits the longest title, name, hospital and contribution the portal accepts above the signature line, all printed", async () => {
    const words = (n: number) => Array.from({ length: 400 }, (_, i) => ["imaging", "of", "the", "head", "after", "injury", "in", "adults"][i % 8]).join(" ").slice(0, n).trim();
    const longest: CertificateStatement = {
      ...statement,
      projectTitle: words(200),
      traineeName: `Maria ${words(110)}`.slice(0, 120),
      site: `Hospital ${words(110)}`.slice(0, 120),
      contribution: words(200),
      minimumCitableCases: 1000,
      cited: false,
      siteCases: 12,
    };
    const pdf = await PDFDocument.create();
    const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
    const fitted = fitBody(certificateContent(longest, code, url), fonts);
    expect(fitted.bottom).toBeGreaterThanOrEqual(SIGNATURE_Y + 30);
    // An ordinary certificate keeps its full text size.
    expect(fitBody(certificateContent(statement, code, url), fonts).scale).toBe(1);
    const text = flat(pdfText(await renderCertificatePdf(longest, code, url)));
    for (const expected of [longest.projectTitle, longest.traineeName, longest.contribution!, "Acknowledged, not cited", "Tom Okafor", url]) expect(text).toContain(expected);
  });
});

describe("the certificate's file name", () => {
  it("reads as what it is: the collaborative, the project and the person", () => {
    const { name, ascii } = certificateFileName("Re-audit of CT head timing", "Aisha Rahman");
    expect(name).toBe("RADIANT certificate – Re-audit of CT head timing – Aisha Rahman.pdf");
    expect(ascii).toBe("RADIANT certificate - Re-audit of CT head timing - Aisha Rahman.pdf");
  });

  it("shortens a long title at a word, never mid-word, and keeps the name whole", () => {
    const { name } = certificateFileName(statement.projectTitle, "Aisha Rahman");
    const title = /^RADIANT certificate – (.*) – Aisha Rahman\.pdf$/.exec(name)![1]!;
    expect(title.endsWith("…")).toBe(true);
    expect(Array.from(title).length).toBeLessThanOrEqual(60);
    expect(statement.projectTitle.startsWith(title.slice(0, -1))).toBe(true);
    // The character after the kept part in the full title is a space or punctuation: a word ended there.
    expect(statement.projectTitle.charAt(title.length - 1)).toMatch(/[\s,:]/);
    expect(shortenAtWord("Short title", 60)).toBe("Short title");
  });

  it("keeps accents in the UTF-8 name and gives plain ASCII to clients that need it", () => {
    const { name, ascii } = certificateFileName("Évaluation: CT/MR in «children»?", "Zoë Łukasiewicz-Ó Briain");
    // Characters no file system accepts (: / ?) become spaces.
    expect(name).toBe("RADIANT certificate – Évaluation CT MR in «children» – Zoë Łukasiewicz-Ó Briain.pdf");
    expect(ascii).toBe("RADIANT certificate - Evaluation CT MR in children - Zoe Lukasiewicz-O Briain.pdf");
  });

  it("sends both names in the Content-Disposition header", () => {
    const header = certificateDisposition("Re-audit of CT head timing", "Zoë Brown");
    expect(header).toBe(
      `attachment; filename="RADIANT certificate - Re-audit of CT head timing - Zoe Brown.pdf"; filename*=UTF-8''${encodeURIComponent("RADIANT certificate – Re-audit of CT head timing – Zoë Brown.pdf")}`,
    );
  });
});

describe("the verification link", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("points at the portal's public address, whatever address the request came in on", () => {
    vi.stubEnv("PUBLIC_URL", "https://portal.radiant.example/");
    expect(verificationUrl(code)).toBe(`https://portal.radiant.example/verify/${code}`);
  });
});
