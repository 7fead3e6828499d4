// The readers of lib/ take the acting person and check them against the permission table:
// an id from a URL or a form is only a key, and who may read what is the table's answer.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { db } from "@/lib/db";
import { cannotDecideReason, decideProposal } from "@/lib/projects/lifecycle";
import { getReviewView, submitReview } from "@/lib/reviews/reviews";
import { loadProjectSite, mayViewNational } from "@/lib/sites/facts";
import { getNationalView, projectSiteRows } from "@/lib/sites/national";
import { siteHistory } from "@/lib/sites/progress";
import { nationalSearchSchema } from "@/lib/validation/sites";
import { createCollaboration, createProject, createUser, reportProgress } from "../support/factories";
import { createProposalIn } from "../support/proposals";
import { asActor, refusalOf, siteScenario } from "../support/sites";

const everyone = (s: Awaited<ReturnType<typeof siteScenario>>) => ({
  lead: s.lead,
  siteLead: s.siteLead,
  otherSiteLead: s.otherSiteLead,
  member: s.member,
  committee: s.committee,
  admin: s.admin,
});

describe("a site's history of counts", () => {
  it("is read by those who may view the site, and refused to anyone else, the site's id in hand or not", async () => {
    const s = await siteScenario();
    await reportProgress(s.home.id, s.siteLead.id, 12, new Date("2026-10-01T09:00:00Z"));
    const home = await loadProjectSite(s.home.id);
    const outcome = async (actor: Parameters<typeof siteHistory>[0]) => {
      try {
        return (await siteHistory(actor, home)).map((entry) => entry.cumulativeCases).join(",");
      } catch (error) {
        return error instanceof ForbiddenError ? "refused" : String(error);
      }
    };
    const answers: Record<string, string> = {};
    for (const [name, actor] of Object.entries(everyone(s))) answers[name] = await outcome(actor);
    answers.visitor = await outcome(null);
    expect(answers).toEqual({
      lead: "12",
      siteLead: "12",
      // The lead of the project's other site asks for this site's history by its id: refused.
      otherSiteLead: "refused",
      member: "refused",
      committee: "12",
      admin: "12",
      visitor: "refused",
    });
  });
});

describe("the rows of a project's national table", () => {
  it("are read by the project's leads, the committee and admins, and refused to a site lead, a member, or the lead of another project", async () => {
    const s = await siteScenario();
    const elsewhere = asActor(await createUser({ name: "Lead Elsewhere" }));
    await createProject({ leadId: elsewhere.id });
    const project = { id: s.project.id, projectLeadIds: [s.lead.id] };
    const outcome = async (actor: Parameters<typeof projectSiteRows>[0]) => {
      try {
        return (await projectSiteRows(actor, project)).length;
      } catch (error) {
        return error instanceof ForbiddenError ? "refused" : String(error);
      }
    };
    const answers: Record<string, number | string> = {};
    for (const [name, actor] of Object.entries({ ...everyone(s), elsewhere })) answers[name] = await outcome(actor);
    answers.visitor = await outcome(null);
    expect(answers).toEqual({ lead: 2, siteLead: "refused", otherSiteLead: "refused", member: "refused", committee: 2, admin: 2, elsewhere: "refused", visitor: "refused" });
  });

  it("and the national count over time, reached only through the national view, are refused to a site lead", async () => {
    const s = await siteScenario();
    await reportProgress(s.home.id, s.siteLead.id, 5, new Date("2026-10-01T09:00:00Z"));
    const search = nationalSearchSchema.parse({});
    expect((await getNationalView(s.lead, s.project.slug, search)).series).toEqual([{ at: new Date("2026-10-01T09:00:00Z"), cases: 5 }]);
    expect(await refusalOf(getNationalView(s.siteLead, s.project.slug, search))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(getNationalView(s.member, s.project.slug, search))).toBeInstanceOf(ForbiddenError);
  });
});

describe("the link from a site's pages to the national view", () => {
  it("shows exactly when the national view lets the person in, a site lead on the committee or an admin site lead included", async () => {
    const s = await siteScenario();
    const committeeSiteLead = asActor(await createUser({ name: "Committee Site Lead", role: "COMMITTEE" }));
    const adminSiteLead = asActor(await createUser({ name: "Admin Site Lead", role: "ADMIN" }));
    for (const person of [committeeSiteLead, adminSiteLead]) await createCollaboration({ projectSiteId: s.home.id, userId: person.id, role: "SITE_LEAD" });
    const home = await loadProjectSite(s.home.id);
    expect(home.siteLeadIds).toEqual(expect.arrayContaining([s.siteLead.id, committeeSiteLead.id, adminSiteLead.id]));
    const search = nationalSearchSchema.parse({});
    const links: Record<string, boolean> = {};
    for (const [name, actor] of Object.entries({ ...everyone(s), committeeSiteLead, adminSiteLead })) {
      links[name] = mayViewNational(actor, home);
      const opens = await getNationalView(actor, s.project.slug, search).then(
        () => true,
        (error: unknown) => (error instanceof ForbiddenError ? false : Promise.reject(error)),
      );
      expect(links[name], name).toBe(opens);
    }
    // Before, the site pages hid the link from a site lead who was on the committee, though the view let them in.
    expect(links).toEqual({
      lead: true,
      siteLead: false,
      otherSiteLead: false,
      member: false,
      committee: true,
      admin: true,
      committeeSiteLead: true,
      adminSiteLead: true,
    });
    expect(mayViewNational(null, home)).toBe(false);
  });
});

describe("why a proposal cannot be decided", () => {
  it("is the same sentence on the review page and in the refusal of the decision, from the lifecycle", async () => {
    const lead = asActor(await createUser());
    const committee = asActor(await createUser({ role: "COMMITTEE" }));
    const admin = asActor(await createUser({ role: "ADMIN" }));
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    const submitted = await getReviewView(admin, project.id);
    expect(submitted.cannotDecideReason).toBe("A decision can be recorded once the proposal is in review.");
    await submitReview(committee, project.id, { importance: 4, feasibility: 3, clarity: 5, comment: "Looks feasible.", recommendation: "APPROVE" });
    const view = await getReviewView(admin, project.id);
    const refusal = await refusalOf(decideProposal(admin, project.id, { decision: "APPROVE", message: "Fine." }));
    expect(view).toMatchObject({ canDecide: false, cannotDecideReason: (refusal as Error).message });
    expect(view.cannotDecideReason).toBe(cannotDecideReason(admin, { status: "IN_REVIEW", leadIds: [lead.id] }, 1));
    expect(view.cannotDecideReason).toMatch(/^The committee can decide once \d+ reviews of this version are in\. There is 1 so far\.$/);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("IN_REVIEW");
  });

  it("tells a committee member who leads the proposal why, and someone outside the committee that it is the committee's", () => {
    const committeeLead = { id: "11111111-1111-4111-8111-111111111111", role: "COMMITTEE" as const, emailVerified: new Date() };
    const member = { ...committeeLead, role: "MEMBER" as const };
    const project = { status: "IN_REVIEW" as const, leadIds: [committeeLead.id] };
    expect(cannotDecideReason(committeeLead, project, 5, 2)).toBe("You lead this proposal, so you cannot decide on it.");
    expect(cannotDecideReason(member, { ...project, leadIds: [] }, 5, 2)).toBe("Only the committee decides on proposals.");
    expect(cannotDecideReason({ ...committeeLead, id: "22222222-2222-4222-8222-222222222222" }, project, 2, 2)).toBeNull();
  });

  it("shows the review page only to the committee and admins, by the permission table, and as not found to anyone else", async () => {
    const lead = asActor(await createUser());
    const member = asActor(await createUser());
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    expect(await refusalOf(getReviewView(lead, project.id))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(getReviewView(member, project.id))).toBeInstanceOf(NotFoundError);
  });
});
