import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notifications";
import type { MessageRecipients, MessageSitesInput } from "@/lib/validation/sites";
import { assertUuid, SITE_VISIBLE_STATUSES } from "./facts";
import { elapsedShare, projectSiteRows, toNationalRow } from "./national";
import { assertAddressText } from "@/lib/ids";

/** A site a message can go to: one taking part (not withdrawn), with what the lead chooses by. */
export interface MessageableSite {
  projectSiteId: string;
  hospital: string;
  city: string;
  status: ProjectSiteStatus;
  cases: number;
  target: number;
  behind: boolean;
  siteLeads: string[];
  /** Confirmed site leads with an account, who would be told. */
  leadIds: string[];
}

async function loadProject(where: { id: string } | { slug: string }) {
  return db.project.findFirst({
    where: { ...where, status: { in: [...SITE_VISIBLE_STATUSES] } },
    select: { id: true, slug: true, title: true, collectionStart: true, collectionEnd: true, leads: { select: { userId: true } } },
  });
}

/** Every site of the project still taking part, with its site leads and whether it is behind target. Two statements. */
async function messageableSites(
  actor: AuthzActor | null,
  project: { id: string; collectionStart: Date | null; collectionEnd: Date | null; leads: { userId: string }[] },
  now = new Date(),
): Promise<MessageableSite[]> {
  const [rows, leads] = await Promise.all([
    projectSiteRows(actor, { id: project.id, projectLeadIds: project.leads.map((lead) => lead.userId) }),
    db.collaboration.findMany({
      where: { role: "SITE_LEAD", status: "CONFIRMED", user: { deletedAt: null }, projectSite: { projectId: project.id, status: { not: "WITHDRAWN" } } },
      select: { userId: true, projectSiteId: true },
    }),
  ]);
  const share = elapsedShare(project.collectionStart, project.collectionEnd, now);
  return rows
    .filter((row) => row.status !== "WITHDRAWN")
    .map((row) => {
      const national = toNationalRow(row, share, now);
      return {
        projectSiteId: national.projectSiteId,
        hospital: national.hospital,
        city: national.city,
        status: national.status,
        cases: national.cases,
        target: national.target,
        behind: national.behind,
        siteLeads: national.siteLeads,
        leadIds: leads.filter((lead) => lead.projectSiteId === national.projectSiteId).map((lead) => lead.userId),
      };
    });
}

const NO_ONE: Record<MessageRecipients, string> = {
  all: "No site has a site lead yet, so there is no one to send the message to.",
  behind: "No site with a site lead is behind target, so there is no one to send the message to. Choose all site leads or the sites instead.",
  chosen: "None of the sites you chose has a site lead yet. Choose other sites.",
};

/**
 * The project lead sends a message to the site leads they choose: every confirmed site lead of
 * the sites taking part, those of sites behind target, or those of the sites ticked. It reaches
 * each in the portal and by e-mail as their choice for "sites.message" says (at once by default).
 * Every ticked site must be one of this project's sites taking part, or nothing is sent.
 */
export async function messageSites(actor: AuthzActor | null, input: MessageSitesInput): Promise<{ recipients: number; sites: number }> {
  assertUuid(input.projectId, "That project");
  const project = await loadProject({ id: input.projectId });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "project.messageSites", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  const sites = await messageableSites(actor, project);
  let chosen: MessageableSite[];
  if (input.recipients === "chosen") {
    const byId = new Map(sites.map((site) => [site.projectSiteId, site]));
    if (input.siteIds.some((id) => !byId.has(id))) {
      throw new DomainError("Choose sites from the list: one of them is not taking part in this project.", "siteIds");
    }
    chosen = [...new Set(input.siteIds)].map((id) => byId.get(id)!);
  } else {
    chosen = input.recipients === "behind" ? sites.filter((site) => site.behind) : sites;
  }
  const recipients = [...new Set(chosen.flatMap((site) => site.leadIds))];
  if (recipients.length === 0) throw new DomainError(NO_ONE[input.recipients], input.recipients === "chosen" ? "siteIds" : undefined);
  const reached = chosen.filter((site) => site.leadIds.length > 0);
  return db.$transaction(async (tx) => {
    await notify(tx, recipients, {
      kind: "sites.message",
      projectId: project.id,
      message: `Message from the lead of "${project.title}": ${input.message}`,
      link: "/dashboard/sites",
    });
    await audit(tx, {
      actorId: actor.id,
      action: "project.sitesMessaged",
      entityType: "Project",
      entityId: project.id,
      after: { message: input.message, to: input.recipients, sites: reached.map((site) => site.projectSiteId), recipients: recipients.length },
    });
    return { recipients: recipients.length, sites: reached.length };
  });
}

export interface MessageSitesPage {
  project: { id: string; slug: string; title: string };
  /** Sites taking part that have a site lead, the ones a message can reach. */
  sites: MessageableSite[];
  /** Sites taking part with no site lead yet. */
  sitesWithoutLead: number;
  recipients: { all: number; behind: number };
}

/** What the message page needs: the project, its sites to choose from, and how many people each choice reaches. Three statements. */
export async function getMessageSitesPage(actor: AuthzActor | null, slug: string): Promise<MessageSitesPage> {
  assertAddressText(slug, "That project");
  const project = await loadProject({ slug });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "project.messageSites", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  const sites = await messageableSites(actor, project);
  const people = (of: MessageableSite[]) => new Set(of.flatMap((site) => site.leadIds)).size;
  const led = sites.filter((site) => site.leadIds.length > 0);
  return {
    project: { id: project.id, slug: project.slug, title: project.title },
    sites: led,
    sitesWithoutLead: sites.length - led.length,
    recipients: { all: people(led), behind: people(led.filter((site) => site.behind)) },
  };
}
