// What arrives in a route parameter or a form's hidden field is whatever the client sends. Each
// domain function that takes such a value answers a hostile one as "not found" (or a sentence
// for the person), never with the database's error, and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthzActor } from "@/lib/authz";
import { ForbiddenError } from "@/lib/authz";
import { issueCertificate } from "@/lib/certificates/certificate";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/notifications";
import { decideProposal, submitProposal, withdrawProject } from "@/lib/projects/lifecycle";
import { getProposalForLead, saveProposalDraft } from "@/lib/projects/proposals";
import { getReviewView, submitReview } from "@/lib/reviews/reviews";
import { getAuthorshipList, exportSitesCsv } from "@/lib/sites/exports";
import { getMessageSitesPage } from "@/lib/sites/message";
import { getNationalView } from "@/lib/sites/national";
import { getSiteOverview } from "@/lib/sites/overview";
import { getSiteProgress } from "@/lib/sites/progress";
import { getStudySettings } from "@/lib/sites/settings";
import { deletePeriod, getProjectPeriods } from "@/lib/periods/periods";
import { decideTeamRequest, getSiteTeam, removeMember } from "@/lib/sites/team";
import { nationalSearchSchema } from "@/lib/validation/sites";
import { createUser } from "../support/factories";
import { completeProposalForm } from "../support/proposals";

/** The shapes an attacker puts where an id, a slug or a code goes. */
const HOSTILE = [
  "-".repeat(36),
  "0".repeat(36),
  "\u0000",
  "a\u0000b",
  "x".repeat(5000),
  "\u202Eevil",
  "\uD800",
  "javascript:alert(1)",
  "'; DROP TABLE \"User\"; --",
  "../../etc/passwd",
];

let committee: AuthzActor, admin: AuthzActor, lead: AuthzActor;

beforeAll(async () => {
  const actor = async (role: "MEMBER" | "COMMITTEE" | "ADMIN") => {
    const user = await createUser({ role });
    return { id: user.id, role: user.role, emailVerified: user.emailVerified };
  };
  committee = await actor("COMMITTEE");
  admin = await actor("ADMIN");
  lead = await actor("MEMBER");
});

const review = { importance: 4, feasibility: 3, clarity: 5, comment: "Looks feasible.", recommendation: "REQUEST_CHANGES" as const };
const search = nationalSearchSchema.parse({});

const CALLS: [string, (value: string) => Promise<unknown>][] = [
  ["a proposal's page", (value) => getProposalForLead(lead, value)],
  ["a proposal to review", (value) => getReviewView(committee, value)],
  ["a review", (value) => submitReview(committee, value, review)],
  ["a decision", (value) => decideProposal(admin, value, { decision: "APPROVE", message: "Approved." })],
  ["submitting a proposal", (value) => submitProposal(lead, value)],
  ["withdrawing a project", (value) => withdrawProject(lead, value)],
  ["saving a draft", (value) => saveProposalDraft(lead, value, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "" })],
  ["a notification", (value) => openNotification({ ...lead, email: "x@example.net", name: "X", sessionVersion: 0 } as never, value)],
  ["a certificate", (value) => issueCertificate({ ...lead, email: "x@example.net", name: "X", sessionVersion: 0 } as never, value)],
  ["a project's national view", (value) => getNationalView(admin, value, search)],
  ["a project's authorship list", (value) => getAuthorshipList(admin, value, "all" as never)],
  ["a project's sites file", (value) => exportSitesCsv(admin, value)],
  ["a project's settings", (value) => getStudySettings(admin, value)],
  ["a project's message page", (value) => getMessageSitesPage(admin, value)],
  ["a project's periods", (value) => getProjectPeriods(lead, value)],
  ["deleting a period", (value) => deletePeriod(lead, { projectId: value, periodId: value })],
  ["a site's page", (value) => getSiteOverview(admin, value, value)],
  ["a site's progress", (value) => getSiteProgress(admin, "ctpa", value)],
  ["a site's team", (value) => getSiteTeam(admin, value, "RGT01")],
  ["a team request", (value) => decideTeamRequest(admin, value, value, "CONFIRM")],
  ["removing a team member", (value) => removeMember(admin, value, value)],
];

describe.each(CALLS)("%s, given a hostile identifier", (_name, call) => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value).slice(0, 40), value]))("%s: not found or refused, and nothing written", async (_label, value) => {
    const before = await db.auditEvent.count();
    const error = await call(value).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error, "a hostile identifier must not find anything").not.toBeNull();
    expect([NotFoundError, ForbiddenError, DomainError].some((kind) => error instanceof kind), String(error)).toBe(true);
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("a proposal draft's free-text parts that no schema reads", () => {
  it("answers a NUL byte in a co-lead's name with a message at the field, and invites nobody", async () => {
    const saved = await saveProposalDraft(lead, null, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "Priya\u0000Lead" });
    expect(saved.fieldErrors.addCoLead).toMatch(/special characters/);
    expect(await db.invitation.count({ where: { projectId: saved.id } })).toBe(0);
  });

  it("answers a version that is not a number as a stale page, and saves nothing", async () => {
    const draft = await saveProposalDraft(lead, null, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "" });
    const before = await db.project.findUniqueOrThrow({ where: { id: draft.id } });
    for (const version of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, -1, 2 ** 40]) {
      const error = await saveProposalDraft(lead, draft.id, {
        form: completeProposalForm({ title: "Changed title" }),
        keepCoLeadIds: [],
        addCoLead: "",
        expectedVersion: version,
      }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(DomainError);
    }
    expect(await db.project.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(before);
  });
});
