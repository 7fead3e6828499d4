// The demo's data-collection periods (issue 16, docs/decisions/035): a project collecting data in
// four-week periods, led by the demo lead, with a cap of three collaborators per period. The demo
// site lead runs it at their hospital, where the current period has two collaborators and two
// requests waiting for it; each site has its mini-team per period and counts its cases per
// period, the site's running total being the sum of each period's latest count.
import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
const HOUR = 60 * 60 * 1000;

export const PERIODS_PROJECT_SLUG = "contrast-reaction-periods";
/** More projects than the demo has: the benchmark data set. */
const DEMO_PROJECTS_AT_MOST = 40;

const time = (value: unknown) => (value instanceof Date || typeof value === "string" ? new Date(value).getTime() : 0);

export function addPeriodsStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  const random = new SeededRandom(1605);
  const { midnight, userIds } = context;
  // The demo's story only: the benchmark data set keeps the size its README gives.
  if (plan.projects.length > DEMO_PROJECTS_AT_MOST) return;
  // Modelled on the second project collecting data (its approval and its sites' history), so every
  // date keeps the order the rest of the demo keeps.
  const source = plan.projects.find((project, index) => index > 0 && project.status === "DATA_COLLECTION" && project.collectionStart && project.collectionEnd);
  if (!source?.id || !source.collectionStart || !source.collectionEnd) return;
  const sourceSites = plan.projectSites.filter((site) => site.projectId === source.id && site.status === "ACTIVE");
  if (sourceSites.length === 0) return;
  const projectId = random.uuid();
  const start = time(source.collectionStart);
  const end = time(source.collectionEnd);
  plan.projects.push({
    ...source,
    id: projectId,
    slug: PERIODS_PROJECT_SLUG,
    title: "Contrast reactions in CT: a four-week-period audit",
    summary:
      "How often intravenous contrast reactions happen in CT, how they are managed and recorded, audited by mini-teams of up to three trainees per site in consecutive four-week periods.",
    teamCap: 3,
    createdById: userIds.lead,
  });
  plan.projectLeads.push({ projectId, userId: userIds.lead, role: "LEAD", addedAt: source.createdAt });
  for (const version of plan.projectVersions.filter((row) => row.projectId === source.id)) {
    plan.projectVersions.push({ ...version, id: random.uuid(), projectId, submittedById: userIds.lead });
  }
  for (const review of plan.reviews.filter((row) => row.projectId === source.id && row.reviewerId !== userIds.lead)) {
    plan.reviews.push({ ...review, id: random.uuid(), projectId });
  }
  for (const decision of plan.decisions.filter((row) => row.projectId === source.id)) {
    plan.decisions.push({ ...decision, id: random.uuid(), projectId });
  }

  // Consecutive four-week periods from the first day of collection to its last.
  const periods: { id: string; number: number; startsOn: number; endsOn: number }[] = [];
  for (let from = start, number = 1; from <= end; from += 4 * WEEK, number++) {
    periods.push({ id: random.uuid(), number, startsOn: from, endsOn: Math.min(from + 4 * WEEK - DAY, end) });
  }
  for (const period of periods) {
    plan.periods.push({ id: period.id, projectId, number: period.number, startsOn: new Date(period.startsOn), endsOn: new Date(period.endsOn) });
  }
  const current = periods.find((period) => period.startsOn <= midnight.getTime() && midnight.getTime() <= period.endsOn);

  // Three hospitals: the demo site lead's, and two others.
  const taken = new Set<string>([userIds.lead, userIds.trainee, userIds.siteLead, userIds.committee, userIds.admin]);
  const people = plan.users.map((user) => user.id as string).filter((id) => !taken.has(id));
  const pick = () => {
    const candidates = people.filter((id) => !taken.has(id));
    const chosen = random.pick(candidates)!;
    taken.add(chosen);
    return chosen;
  };
  const hospitals = [context.homeSiteId, ...random.sample(plan.sites.filter((site) => site.id !== context.homeSiteId).map((site) => site.id as string), 2)];
  const firstReport = Math.min(start + WEEK, midnight.getTime() - DAY);
  plan.auditEvents.push({
    actorId: userIds.lead,
    action: "project.periodsGenerated",
    entityType: "Project",
    entityId: projectId,
    before: { periods: 0 },
    after: { weeks: 4, periods: periods.map((period) => ({ startsOn: new Date(period.startsOn).toISOString().slice(0, 10), endsOn: new Date(period.endsOn).toISOString().slice(0, 10) })) },
    createdAt: new Date(Math.min(time(sourceSites[0]!.registeredAt) - DAY, firstReport)),
  });

  hospitals.forEach((siteId, position) => {
    const model = sourceSites[position % sourceSites.length]!;
    const projectSiteId = random.uuid();
    const registeredAt = time(model.registeredAt);
    plan.projectSites.push({ ...model, id: projectSiteId, projectId, siteId });
    const siteLeadId = position === 0 ? userIds.siteLead : pick();
    const settled = registeredAt + random.int(1, 4) * DAY;
    plan.collaborations.push({
      projectSiteId,
      userId: siteLeadId,
      role: "SITE_LEAD",
      status: "CONFIRMED",
      contribution: "Local approvals and data collection",
      requestedAt: new Date(registeredAt),
      decidedAt: new Date(settled),
    });
    // A mini-team for each period that has started or comes next: up to three; at the demo site
    // lead's hospital, two in the current period with two more asking to join it.
    for (const period of periods) {
      if (period.startsOn > midnight.getTime() + 4 * WEEK) continue;
      const demoCurrent = position === 0 && period === current;
      const size = demoCurrent ? 2 : period.startsOn > midnight.getTime() ? random.int(1, 2) : random.int(2, 3);
      const asked = Math.min(Math.max(settled, period.startsOn - 10 * DAY), midnight.getTime() - 6 * DAY) + random.int(0, 2) * DAY + random.int(9, 17) * HOUR;
      for (let member = 0; member < size; member++) {
        plan.collaborations.push({
          projectSiteId,
          userId: pick(),
          role: "COLLABORATOR",
          status: "CONFIRMED",
          contribution: period.endsOn < midnight.getTime() ? "Data collection" : null,
          requestedAt: new Date(asked),
          decidedAt: new Date(asked + DAY),
          periodId: period.id,
        });
      }
      if (demoCurrent) {
        for (let request = 0; request < 2; request++) {
          plan.collaborations.push({
            projectSiteId,
            userId: pick(),
            role: "COLLABORATOR",
            status: "REQUESTED",
            requestedAt: new Date(midnight.getTime() - (3 - request) * DAY + random.int(9, 17) * HOUR),
            periodId: period.id,
          });
        }
      }
    }
    // Weekly counts for the period each week falls in; the running total is the sum of each period's latest.
    const latest = new Map<string, number>();
    for (let at = firstReport; at < midnight.getTime(); at += WEEK) {
      const period = periods.find((candidate) => candidate.startsOn <= at && at <= candidate.endsOn + DAY - 1);
      if (!period) continue;
      const periodCases = (latest.get(period.id) ?? 0) + random.int(1, 5);
      latest.set(period.id, periodCases);
      plan.progressReports.push({
        projectSiteId,
        reportedById: siteLeadId,
        cumulativeCases: [...latest.values()].reduce((sum, cases) => sum + cases, 0),
        periodId: period.id,
        periodCases,
        note: periodCases <= 5 && latest.size === 1 ? "First cases entered" : null,
        reportedAt: new Date(at + random.int(9, 17) * HOUR),
      });
    }
  });
}
