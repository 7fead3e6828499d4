import "server-only";
// A site never freezes (docs/decisions/026): when its site lead is away, a lead of the project
// may do the site lead's daily work for them (answer requests to join, record cases). Such an act
// is the site lead's act done by someone else, so it is recorded as done for them, and they are told.
import { assertCan, can, type AuthzActor, type ResourceFacts } from "@/lib/authz";
import type { DatabaseTransaction } from "@/lib/db";
import { notify } from "@/lib/notifications/notifications";

/** The site lead's own permissions that a project lead may exercise for them. */
export type SiteLeadWork = "site.manageTeam" | "site.recordProgress";

export interface Authority {
  actor: AuthzActor;
  /** The site leads acted for (their ids), or null when the person acts as a site lead themselves. */
  actingFor: string[] | null;
}

/**
 * Who does the site lead's `work`: a site lead of the site, themselves (a project lead who also
 * leads the site is just its site lead), or else a project lead acting for them. Refuses anyone else.
 */
export function authorityFor(actor: AuthzActor | null, work: SiteLeadWork, facts: ResourceFacts): Authority {
  if (can(actor, work, facts)) return { actor: actor!, actingFor: null };
  assertCan(actor, "site.actForSiteLead", facts);
  return { actor, actingFor: [...(facts.siteLeadIds ?? [])] };
}

/** Whether the page should offer the site lead's `work` to this person as acting for the site lead. */
export function actsForSiteLead(actor: AuthzActor | null, work: SiteLeadWork, facts: ResourceFacts): boolean {
  return !can(actor, work, facts) && can(actor, "site.actForSiteLead", facts);
}

/** Tells the site leads that a project lead acted for them: `what` is the act, as "confirmed Ann Bell's request to join". */
export async function tellSiteLeads(
  tx: DatabaseTransaction,
  authority: Authority,
  place: { projectId: string; projectTitle: string; siteName: string; link: string },
  what: string,
): Promise<void> {
  if (!authority.actingFor || authority.actingFor.length === 0) return;
  const { name } = await tx.user.findUniqueOrThrow({ where: { id: authority.actor.id }, select: { name: true } });
  await notify(tx, authority.actingFor, {
    kind: "site.actedFor",
    projectId: place.projectId,
    message: `${name}, a lead of “${place.projectTitle}”, ${what} at ${place.siteName}, acting for you as its site lead.`,
    link: place.link,
  });
}
