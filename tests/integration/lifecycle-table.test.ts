// Every state × every action × every role, generated from the lifecycle table:
// the moves it allows succeed, every other one is refused and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { ProjectStatus } from "@/lib/generated/prisma/enums";
import {
  decideProposal,
  LEAD_MOVES,
  LIFECYCLE,
  submitProposal,
  type LifecycleAction,
  type Mover,
} from "@/lib/projects/lifecycle";
import { submitReview } from "@/lib/reviews/reviews";
import { createUser } from "../support/factories";
import { createProposalIn, projectSnapshot } from "../support/proposals";

type RoleName = "visitor" | "member" | "lead" | "coLead" | "committeeCoLead" | "committee" | "admin";
const ROLES: RoleName[] = ["visitor", "member", "lead", "coLead", "committeeCoLead", "committee", "admin"];
const MOVERS: Record<RoleName, Mover | null> = {
  visitor: null,
  member: null,
  lead: "lead",
  coLead: "lead",
  // A committee member who co-leads the proposal moves it as a lead and never as the committee.
  committeeCoLead: "lead",
  committee: "committee",
  admin: "committee",
};

const people = {} as Record<Exclude<RoleName, "visitor"> | "reviewerA" | "reviewerB", AuthzActor>;

beforeAll(async () => {
  const make = async (role: "MEMBER" | "COMMITTEE" | "ADMIN") => {
    const user = await createUser({ role });
    return { id: user.id, role: user.role, emailVerified: user.emailVerified };
  };
  people.member = await make("MEMBER");
  people.lead = await make("MEMBER");
  people.coLead = await make("MEMBER");
  people.committeeCoLead = await make("COMMITTEE");
  people.committee = await make("COMMITTEE");
  people.admin = await make("ADMIN");
  people.reviewerA = await make("COMMITTEE");
  people.reviewerB = await make("COMMITTEE");
});

const actorOf = (role: RoleName): AuthzActor | null => (role === "visitor" ? null : people[role]);

function perform(action: LifecycleAction, actor: AuthzActor | null, projectId: string) {
  switch (action) {
    case "submit":
      return submitProposal(actor, projectId);
    case "review":
      return submitReview(actor, projectId, { importance: 4, feasibility: 3, clarity: 5, comment: "Sound.", recommendation: "APPROVE" });
    case "approve":
      return decideProposal(actor, projectId, { decision: "APPROVE", message: "Approved." });
    case "requestChanges":
      return decideProposal(actor, projectId, { decision: "REQUEST_CHANGES", message: "Please tighten the methods." });
    case "reject":
      return decideProposal(actor, projectId, { decision: "REJECT", message: "Already answered nationally." });
    default:
      return LEAD_MOVES[action](actor, projectId);
  }
}

/** A proposal in `status` that meets every guard, so only the table and the roles decide. */
const proposalIn = (status: ProjectStatus) =>
  createProposalIn(status, {
    leadId: people.lead.id,
    coLeadIds: [people.coLead.id, people.committeeCoLead.id],
    reviewerIds: status === "SUBMITTED" || status === "DRAFT" ? [] : [people.reviewerA.id, people.reviewerB.id],
    approvedSite: true,
  });

describe("the lifecycle table", () => {
  for (const status of Object.values(ProjectStatus)) {
    for (const transition of LIFECYCLE) {
      const allowedRoles = transition.from.includes(status) ? ROLES.filter((role) => MOVERS[role] === transition.who) : [];
      const title = `${status} × ${transition.action}: ${allowedRoles.length ? `${allowedRoles.join(", ")} move it to ${transition.to}` : "nobody may"}; everyone else is refused with no change`;
      it(title, async () => {
        const project = await proposalIn(status);
        const before = await projectSnapshot(project.id);
        for (const role of ROLES.filter((role) => !allowedRoles.includes(role))) {
          await expect(perform(transition.action, actorOf(role), project.id), `${role} refused`).rejects.toThrow();
          expect(await projectSnapshot(project.id), `${role} changed nothing`).toEqual(before);
        }
        for (const role of allowedRoles) {
          const fresh = await proposalIn(status);
          const result = await perform(transition.action, actorOf(role), fresh.id);
          expect(result, role).toMatchObject({ from: status, to: transition.to });
          const after = await db.project.findUniqueOrThrow({ where: { id: fresh.id }, select: { status: true } });
          expect(after.status).toBe(transition.to);
          const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: fresh.id, action: `project.${transition.action}` } });
          expect(event).toMatchObject({ actorId: actorOf(role)!.id, before: { status }, after: { status: transition.to } });
        }
      });
    }
  }
});
