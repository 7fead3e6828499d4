// The governance part of the committee story (docs/decisions/034): a research study under HRA and
// REC approval, led by the demo lead, open to sites. Its IRAS number and REC reference are recorded;
// one hospital has its capacity and capability confirmed and checked (and collects), the demo site
// lead's hospital has recorded it and waits for the lead's check, and a third was sent back.
import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;

export const GOVERNANCE_STORY_SLUG = "gadolinium-retention-repeat-mri";

export function addGovernanceStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  const random = new SeededRandom(1604);
  const { midnight, userIds } = context;
  const daysAgo = (days: number, hour = 10) => new Date(midnight.getTime() - days * DAY + hour * 60 * 60 * 1000);
  const projectId = random.uuid();
  const title = "Gadolinium retention after repeated contrast-enhanced MRI: a multicentre observational study";
  const createdAt = daysAgo(160);
  plan.projects.push({
    id: projectId,
    slug: GOVERNANCE_STORY_SLUG,
    title,
    summary: "A research study of T1 signal in the dentate nucleus of adults who had five or more contrast-enhanced MRI scans, by contrast agent.",
    background:
      "Linear gadolinium agents leave measurable deposits in the brain; whether macrocyclic agents do after many doses is less clear. Trainees at many hospitals can measure it on scans already taken.",
    aims: "To compare the dentate-to-pons signal ratio after repeated doses of macrocyclic and linear agents.",
    primaryOutcome: "Change in the dentate-to-pons T1 signal ratio between the first and the fifth contrast-enhanced scan.",
    methods: "Retrospective measurement on unenhanced T1 images by two readers at each site, blinded to the agent.",
    dataItems: "Agent and dose of each scan, dates, signal ratios by each reader. No identifiable data leaves the hospital.",
    design: "COHORT",
    governanceRoute: "RESEARCH_ETHICS",
    modalities: ["MRI"],
    subspecialties: ["NEURO"],
    collectionStart: daysAgo(5, 0),
    collectionEnd: new Date(midnight.getTime() + 150 * DAY),
    targetSites: 12,
    targetCasesPerSite: 40,
    supervisorName: "Dr Miriam Okafor",
    supervisorEmail: "consultant.governance@nhs.example.net",
    status: "SITE_SETUP",
    createdById: userIds.lead,
    createdAt,
    submittedAt: daysAgo(155),
    openedToSitesAt: daysAgo(110),
  });
  plan.projectLeads.push({ projectId, userId: userIds.lead, role: "LEAD", addedAt: createdAt });
  plan.projectVersions.push({
    projectId,
    number: 1,
    content: {
      title,
      summary: "A research study of T1 signal in the dentate nucleus after repeated contrast-enhanced MRI.",
      governanceRoute: "RESEARCH_ETHICS",
      design: "COHORT",
      modalities: ["MRI"],
      subspecialties: ["NEURO"],
    },
    submittedById: userIds.lead,
    submittedAt: daysAgo(155),
  });
  const committee = plan.users.filter((user) => user.role === "COMMITTEE" && user.id !== userIds.lead).map((user) => user.id as string);
  for (const reviewerId of random.sample(committee, 2)) {
    plan.reviews.push({
      projectId,
      reviewerId,
      round: 1,
      importance: random.int(4, 5),
      feasibility: random.int(3, 4),
      clarity: 4,
      comment: "An important question. As research it needs HRA approval and a favourable REC opinion before any site starts.",
      recommendation: "APPROVE",
      createdAt: daysAgo(140),
    });
  }
  plan.decisions.push({
    projectId,
    decidedById: userIds.committee,
    decision: "APPROVE",
    message: "Approved by the committee. Record the IRAS number and REC reference before sites start.",
    decidedAt: daysAgo(130),
  });

  // The project's own approvals, recorded by its lead.
  for (const [kind, reference, on] of [
    ["IRAS_NUMBER", "1034567", 124],
    ["REC_REFERENCE", "26/LO/0412", 118],
  ] as const) {
    plan.projectGovernanceItems.push({ projectId, kind, reference, date: daysAgo(on, 0), recordedById: userIds.lead, recordedAt: daysAgo(on - 2) });
    plan.auditEvents.push({
      actorId: userIds.lead,
      action: "project.governanceRecorded",
      entityType: "Project",
      entityId: projectId,
      before: { kind },
      after: { kind, reference, date: daysAgo(on, 0).toISOString().slice(0, 10) },
      createdAt: daysAgo(on - 2),
    });
  }

  // Three hospitals: the demo site lead's own, and two others each led by a trainee who works there.
  const homeOf = (userId: string) => plan.profiles.find((profile) => profile.userId === userId)?.homeSiteId as string | undefined;
  const siteLeadHome = homeOf(userIds.siteLead)!;
  // Trainees by home hospital, the demo accounts aside.
  const demo = new Set<string>(Object.values(userIds));
  const traineesAt = new Map<string, string[]>();
  for (const profile of plan.profiles) {
    if (demo.has(profile.userId as string)) continue;
    const list = traineesAt.get(profile.homeSiteId as string) ?? [];
    list.push(profile.userId as string);
    traineesAt.set(profile.homeSiteId as string, list);
  }
  const others = random.sample(
    plan.sites.filter((site) => site.id !== siteLeadHome && traineesAt.has(site.id as string)),
    2,
  );
  const leadAt = (siteId: string) => random.pick(traineesAt.get(siteId)!);
  const sites = [
    { siteId: others[0]!.id as string, siteLeadId: leadAt(others[0]!.id as string), registered: 100, story: "checked" as const },
    { siteId: siteLeadHome, siteLeadId: userIds.siteLead, registered: 40, story: "waiting" as const },
    { siteId: others[1]!.id as string, siteLeadId: leadAt(others[1]!.id as string), registered: 80, story: "sentBack" as const },
  ];
  for (const site of sites) {
    const projectSiteId = random.uuid();
    const recordedDays = site.story === "checked" ? 70 : site.story === "waiting" ? 6 : 30;
    const checkedDays = site.story === "checked" ? 68 : site.story === "sentBack" ? 25 : null;
    plan.projectSites.push({
      id: projectSiteId,
      projectId,
      siteId: site.siteId,
      status: site.story === "checked" ? "ACTIVE" : "APPROVALS_PENDING",
      leadApprovedAt: site.story === "checked" ? daysAgo(checkedDays!) : null,
      leadApprovedById: site.story === "checked" ? userIds.lead : null,
      caseTarget: 40,
      registeredAt: daysAgo(site.registered),
    });
    plan.collaborations.push({
      projectSiteId,
      userId: site.siteLeadId,
      role: "SITE_LEAD",
      status: "CONFIRMED",
      contribution: "Local approvals and data collection",
      requestedAt: daysAgo(site.registered),
      decidedAt: daysAgo(site.registered),
    });
    const reference = site.story === "sentBack" ? "RD-ACK-2291" : `CC-${random.int(1000, 9999)}`;
    const reason =
      "This is the R&D office's acknowledgement of your request, not its confirmation of capacity and capability. Record the confirmation's reference and date once the office sends it.";
    plan.siteGovernanceItems.push({
      projectSiteId,
      kind: "CAPACITY_AND_CAPABILITY",
      reference,
      date: daysAgo(recordedDays + 1, 0),
      recordedById: site.siteLeadId,
      recordedAt: daysAgo(recordedDays),
      state: site.story === "checked" ? "CHECKED" : site.story === "waiting" ? "RECORDED" : "SENT_BACK",
      checkedById: checkedDays ? userIds.lead : null,
      checkedAt: checkedDays ? daysAgo(checkedDays) : null,
      sentBackReason: site.story === "sentBack" ? reason : null,
    });
    plan.auditEvents.push({
      actorId: site.siteLeadId,
      action: "site.governanceRecorded",
      entityType: "ProjectSite",
      entityId: projectSiteId,
      before: { kind: "CAPACITY_AND_CAPABILITY" },
      after: { kind: "CAPACITY_AND_CAPABILITY", reference, state: "RECORDED" },
      createdAt: daysAgo(recordedDays),
    });
    const odsCode = plan.sites.find((row) => row.id === site.siteId)!.odsCode as string;
    const link = `/dashboard/projects/${GOVERNANCE_STORY_SLUG}/sites/${encodeURIComponent(odsCode)}`;
    plan.notifications.push({
      userId: userIds.lead,
      projectId,
      kind: "site.approvalsRecorded",
      message: `A hospital recorded its confirmation of capacity and capability for “${title}” and is waiting for you to check it.`,
      link,
      createdAt: daysAgo(recordedDays),
      readAt: site.story === "waiting" ? null : daysAgo(recordedDays - 1),
    });
    if (site.story === "checked") {
      plan.auditEvents.push(
        {
          actorId: userIds.lead,
          action: "site.governanceChecked",
          entityType: "ProjectSite",
          entityId: projectSiteId,
          before: { kind: "CAPACITY_AND_CAPABILITY", state: "RECORDED" },
          after: { kind: "CAPACITY_AND_CAPABILITY", state: "CHECKED", reference },
          createdAt: daysAgo(checkedDays!),
        },
        {
          actorId: userIds.lead,
          action: "site.approved",
          entityType: "ProjectSite",
          entityId: projectSiteId,
          before: { leadApprovedAt: null },
          after: { leadApprovedAt: daysAgo(checkedDays!).toISOString(), leadApprovedById: userIds.lead },
          createdAt: daysAgo(checkedDays!),
        },
        {
          actorId: site.siteLeadId,
          action: "site.activate",
          entityType: "ProjectSite",
          entityId: projectSiteId,
          before: { status: "APPROVALS_PENDING" },
          after: { status: "ACTIVE" },
          createdAt: daysAgo(3),
        },
      );
    }
    if (site.story === "sentBack") {
      plan.auditEvents.push({
        actorId: userIds.lead,
        action: "site.governanceSentBack",
        entityType: "ProjectSite",
        entityId: projectSiteId,
        before: { kind: "CAPACITY_AND_CAPABILITY", state: "RECORDED" },
        after: { kind: "CAPACITY_AND_CAPABILITY", state: "SENT_BACK", reason },
        createdAt: daysAgo(checkedDays!),
      });
      plan.notifications.push({
        userId: site.siteLeadId,
        projectId,
        kind: "site.governanceSentBack",
        message: `The project lead sent back the confirmation of capacity and capability for “${title}”: ${reason}`,
        link,
        createdAt: daysAgo(checkedDays!),
      });
    }
  }
}
