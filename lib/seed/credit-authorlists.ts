// The demo's frozen author list: in the completed project, version 1 frozen some weeks ago and
// answered (most confirmed, one asked for a correction, some did not answer), then version 2
// issued with the correction and its change log; a writing group and a data validator. The
// entries are made by the same builder as the live list (lib/sites/authorship-list.ts) from the
// plan's rows, so the frozen list and the live one agree.
import { changeLog, changeLogText, type FrozenList } from "@/lib/author-lists/frozen";
import { GROUPING_OF } from "@/lib/validation/credit-roles";
import { CREDITED_STATUSES } from "@/lib/participation/rules";
import { buildAuthorshipList, type AuthorshipData, type AuthorshipPerson } from "@/lib/sites/authorship-list";
import type { CreditStoryContext } from "./credit";
import type { SeedPlan } from "./plan";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;
/** A plan's optional text as a value (the plan's rows allow Prisma's "skip", which the seed never uses). */
const text = (value: unknown) => (typeof value === "string" ? value : null);
const when = (value: unknown, fallback: Date) => (value instanceof Date ? value : typeof value === "string" ? new Date(value) : fallback);

export function addFrozenAuthorLists(plan: SeedPlan, context: CreditStoryContext): void {
  const random = new SeededRandom(1504);
  const project = plan.projects.find((candidate) => candidate.status === "COMPLETED");
  if (!project) return;
  const projectId = text(project.id);
  if (!projectId) return;
  const users = new Map(plan.users.filter((user) => !user.deletedAt).map((user) => [user.id as string, user]));
  const profiles = new Map(plan.profiles.map((profile) => [profile.userId, profile]));
  const person = (userId: string): AuthorshipPerson | null => {
    const user = users.get(userId);
    if (!user) return null;
    const profile = profiles.get(userId);
    return { userId, name: user.name, authorSurname: text(profile?.authorSurname), authorInitials: text(profile?.authorInitials), orcid: text(profile?.orcid) };
  };
  const leads = plan.projectLeads.filter((lead) => lead.projectId === projectId);
  const leadId = text(leads.find((lead) => lead.role === "LEAD")?.userId ?? leads[0]?.userId);
  if (!leadId) return;
  const sites = new Map(plan.sites.map((site) => [site.id, site]));
  const regions = new Map(plan.deaneries.map((deanery) => [deanery.id, deanery.name]));
  const projectSites = new Map(plan.projectSites.filter((site) => site.projectId === projectId && site.status !== "WITHDRAWN").map((site) => [site.id as string, site]));
  const latest = new Map<string, { at: number; cases: number }>();
  for (const report of plan.progressReports) {
    if (!projectSites.has(report.projectSiteId)) continue;
    const at = when(report.reportedAt, new Date(0)).getTime();
    const held = latest.get(report.projectSiteId);
    if (!held || at >= held.at) latest.set(report.projectSiteId, { at, cases: report.cumulativeCases });
  }

  const places: AuthorshipData["places"] = plan.collaborations.flatMap((collaboration) => {
    const projectSite = projectSites.get(collaboration.projectSiteId);
    const who = person(collaboration.userId);
    if (!projectSite || !who || !CREDITED_STATUSES.some((status) => status === collaboration.status)) return [];
    const site = sites.get(projectSite.siteId)!;
    return [
      {
        ...who,
        role: collaboration.role === "SITE_LEAD" ? "SITE_LEAD" : "COLLABORATOR",
        hospital: site.name,
        region: regions.get(site.deaneryId) ?? "",
        cases: latest.get(projectSite.id as string)?.cases ?? 0,
        joinedAt: when(collaboration.requestedAt, context.midnight),
      },
    ];
  });
  const steeringCommittee = leads.flatMap((lead) => person(lead.userId) ?? []);
  const steering = new Set(steeringCommittee.map((lead) => lead.userId));

  // Credit roles: two of the collaborators write the paper, one validated the data.
  const candidates = [...new Set(places.map((place) => place.userId))].filter((id) => !steering.has(id)).sort();
  const [writerA, writerB, validator] = random.sample(candidates, 3);
  const v1At = new Date(context.midnight.getTime() - 42 * DAY);
  const given = [
    ...(writerA ? [{ userId: writerA, role: "WRITING_GROUP" as const }] : []),
    ...(writerB ? [{ userId: writerB, role: "WRITING_GROUP" as const }] : []),
    ...(validator ? [{ userId: validator, role: "DATA_VALIDATOR" as const }] : []),
  ];
  for (const role of given) plan.creditRoles.push({ projectId, userId: role.userId, role: role.role, assignedById: leadId, assignedAt: new Date(v1At.getTime() - 3 * DAY) });
  const data: AuthorshipData = {
    steeringCommittee,
    places,
    creditRoles: given.flatMap((role) => {
      const who = person(role.userId);
      return who ? [{ ...who, role: role.role }] : [];
    }),
    minimumCitableCases: typeof project.minimumCitableCases === "number" ? project.minimumCitableCases : null,
  };
  const live = buildAuthorshipList(data, "hospital");
  if (live.entries.length === 0) return;

  // Version 1: most confirmed within the window, one asked for a correction, some never answered.
  const v1Id = random.uuid();
  const v1AnswerBy = new Date(v1At.getTime() + 14 * DAY);
  const asking = live.entries.find((entry) => entry.role === "COLLABORATOR" && entry.cited) ?? live.entries.at(-1)!;
  const correction = `Please print my surname in full with my middle initial: ${asking.printedName.split(" ")[0]} ${asking.printedName.split(" ").at(-1)}A.`;
  const corrected = `${asking.printedName.split(" ")[0]} ${asking.printedName.split(" ").at(-1)}A`;
  plan.authorLists.push({ id: v1Id, projectId, version: 1, grouping: "HOSPITAL", minimumCitableCases: data.minimumCitableCases, answerBy: v1AnswerBy, changeLog: "", frozenById: leadId, frozenAt: v1At });
  for (const entry of live.entries) {
    const asked = entry.userId === asking.userId;
    const answered = asked || random.chance(0.75);
    plan.authorListEntries.push({
      listId: v1Id,
      ...entry,
      answer: asked ? "CORRECTION_REQUESTED" : answered ? "CONFIRMED" : "PENDING",
      correction: asked ? correction : null,
      answeredAt: answered ? new Date(v1At.getTime() + random.int(1, 12) * DAY) : null,
    });
  }

  // Version 2: the same people, the name corrected as asked, with the change log.
  const v2Id = random.uuid();
  const v2At = new Date(context.midnight.getTime() - 21 * DAY);
  const v2Entries = live.entries.map((entry) => (entry.userId === asking.userId ? { ...entry, printedName: corrected } : entry));
  const before: FrozenList = { version: 1, grouping: GROUPING_OF.hospital, minimumCitableCases: data.minimumCitableCases, entries: live.entries };
  const after: FrozenList = { ...before, version: 2, entries: v2Entries };
  plan.authorLists.push({
    id: v2Id,
    projectId,
    version: 2,
    grouping: "HOSPITAL",
    minimumCitableCases: data.minimumCitableCases,
    answerBy: new Date(v2At.getTime() + 14 * DAY),
    changeLog: changeLogText(changeLog(before, after), "Corrected the name we were asked to correct; nothing else changed."),
    frozenById: leadId,
    frozenAt: v2At,
  });
  for (const entry of v2Entries) {
    const answered = entry.userId === asking.userId || random.chance(0.6);
    plan.authorListEntries.push({
      listId: v2Id,
      ...entry,
      answer: answered ? "CONFIRMED" : "PENDING",
      answeredAt: answered ? new Date(v2At.getTime() + random.int(1, 10) * DAY) : null,
    });
  }
  plan.auditEvents.push(
    { actorId: leadId, action: "authorList.frozen", entityType: "Project", entityId: projectId, after: { listId: v1Id, version: 1 }, createdAt: v1At },
    { actorId: asking.userId, action: "authorList.correctionRequested", entityType: "Project", entityId: projectId, after: { version: 1, correction }, createdAt: new Date(v1At.getTime() + 2 * DAY) },
    { actorId: leadId, action: "authorList.frozen", entityType: "Project", entityId: projectId, after: { listId: v2Id, version: 2 }, createdAt: v2At },
  );
}
