// Builds the rows of a believable collaborative, deterministically: the same
// scale and the same day give the same data. Pure: writes nothing.
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CollaborationStatus,
  Grade,
  ProjectSiteStatus,
  ProjectStatus,
  type GlobalRole,
} from "@/lib/generated/prisma/enums";
import { DEANERIES, FIRST_NAMES, HOSPITALS, PROJECT_IDEAS, SURNAMES } from "@/prisma/seed-data";
import { SeededRandom } from "./random";
import { addCreditStory } from "./credit";
import { addCommitteeStory } from "./committee";

export type SeedScale = "demo" | "large" | "huge";

export const SEED_SCALES: readonly SeedScale[] = ["demo", "large", "huge"];

export const DEMO_PASSWORD = "radiant-demo";

/** The demo people; `part` is what each plays in the demo story, as `npm run dev` lists them. */
export const DEMO_ACCOUNTS = {
  trainee: { email: "trainee@example.org", name: "Aisha Rahman", role: "MEMBER", part: "trainee" },
  lead: { email: "lead@example.org", name: "Tom Okafor", role: "MEMBER", part: "project lead" },
  siteLead: { email: "sitelead@example.org", name: "Catriona MacLeod", role: "MEMBER", part: "site lead" },
  committee: { email: "committee@example.org", name: "Helen Price", role: "COMMITTEE", part: "committee member" },
  admin: { email: "admin@example.org", name: "Sam Whitfield", role: "ADMIN", part: "administrator" },
} as const satisfies Record<string, { email: string; name: string; role: GlobalRole; part: string }>;

/** What `npm run dev` prints after loading the demo data: who to sign in as, and the password. */
export function demoAccountLines(): string[] {
  const accounts = Object.values(DEMO_ACCOUNTS);
  const width = Math.max(...accounts.map((account) => account.email.length));
  return [
    `Demo accounts (password for each: ${DEMO_PASSWORD})`,
    ...accounts.map((account) => `  ${account.email.padEnd(width)}  ${account.part}`),
  ];
}

const DEMO_HOME_HOSPITAL = "Addenbrooke's Hospital";

interface ScaleSettings {
  trainees: number;
  sites: number;
  projects: number;
  /** Sites of the lead's flagship project. */
  flagshipSites: number;
  /** Project sites shared out among the other projects open to sites or later. */
  otherProjectSites: number;
}

const SCALES: Record<SeedScale, ScaleSettings> = {
  demo: { trainees: 160, sites: HOSPITALS.length, projects: 14, flagshipSites: 16, otherProjectSites: 60 },
  large: { trainees: 5000, sites: 420, projects: 150, flagshipSites: 320, otherProjectSites: 3000 },
  // Ten times the large one where the world allows: the same hospitals, with the largest project at every one.
  huge: { trainees: 50_000, sites: 420, projects: 1500, flagshipSites: 420, otherProjectSites: 32_600 },
};

// The first 14 projects: every lifecycle state, in the order the demo story needs.
const DEMO_STATUSES: ProjectStatus[] = [
  ProjectStatus.DATA_COLLECTION, // the lead's flagship
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.SITE_SETUP,
  ProjectStatus.SITE_SETUP,
  ProjectStatus.ANALYSIS,
  ProjectStatus.COMPLETED,
  ProjectStatus.APPROVED,
  ProjectStatus.IN_REVIEW,
  ProjectStatus.SUBMITTED,
  ProjectStatus.CHANGES_REQUESTED,
  ProjectStatus.DRAFT,
  ProjectStatus.REJECTED,
  ProjectStatus.WITHDRAWN,
  ProjectStatus.SUBMITTED,
];

// The rest of a large seed, weighted towards projects that have sites.
const LARGE_STATUS_CYCLE: ProjectStatus[] = [
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.SITE_SETUP,
  ProjectStatus.ANALYSIS,
  ProjectStatus.COMPLETED,
  ProjectStatus.COMPLETED,
  ProjectStatus.IN_REVIEW,
  ProjectStatus.DRAFT,
  ProjectStatus.SUBMITTED,
];

const HAS_SITES: ReadonlySet<ProjectStatus> = new Set([
  ProjectStatus.SITE_SETUP,
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.ANALYSIS,
  ProjectStatus.COMPLETED,
  ProjectStatus.WITHDRAWN,
]);

const REVIEWED: ReadonlySet<ProjectStatus> = new Set([
  ProjectStatus.CHANGES_REQUESTED,
  ProjectStatus.APPROVED,
  ProjectStatus.SITE_SETUP,
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.ANALYSIS,
  ProjectStatus.COMPLETED,
  ProjectStatus.REJECTED,
  ProjectStatus.WITHDRAWN,
]);

const SITE_SUFFIXES = [
  "General Hospital",
  "Royal Infirmary",
  "District General Hospital",
  "University Hospital",
  "Victoria Hospital",
  "Memorial Hospital",
  "County Hospital",
  "Queen's Hospital",
];

const GRADES: Grade[] = [Grade.ST1, Grade.ST2, Grade.ST3, Grade.ST4, Grade.ST5, Grade.ST6];

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

// A project's history after it was created, in days: submitted at 14, reviewed at 30, decided
// at 37, resubmitted at 54 and reviewed again at 60 (IN_REVIEW). Sites register from the day
// after the decision and are confirmed within 20 days of registering.
const SUBMITTED_AFTER = 14;
const REVIEWED_AFTER = 30;
const DECIDED_AFTER = 37;
const RESUBMITTED_AFTER = 54;
const REVIEWED_AGAIN_AFTER = 60;
/** A site registers at the latest this long before today, so its approval and team are in the past. */
const SITE_SETTLED_DAYS = 21;
const HISTORY_DAYS = DECIDED_AFTER + SITE_SETTLED_DAYS + 2;

type SiteRow = Prisma.SiteCreateManyInput & { id: string };

export interface SeedPlan {
  deaneries: Prisma.DeaneryCreateManyInput[];
  sites: SiteRow[];
  users: Prisma.UserCreateManyInput[];
  profiles: Prisma.TraineeProfileCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  projectLeads: Prisma.ProjectLeadCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  decisions: Prisma.ProjectDecisionCreateManyInput[];
  projectSites: Prisma.ProjectSiteCreateManyInput[];
  collaborations: Prisma.CollaborationCreateManyInput[];
  progressReports: Prisma.ProgressReportCreateManyInput[];
  projectVersions: Prisma.ProjectVersionCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  hospitalRequests: Prisma.HospitalRequestCreateManyInput[];
  // The credit story (./credit.ts): rotations, a handover, a consultant, frozen author lists, outputs.
  invitations: Prisma.InvitationCreateManyInput[];
  siteObservers: Prisma.SiteObserverCreateManyInput[];
  creditRoles: Prisma.ProjectCreditRoleCreateManyInput[];
  authorLists: Prisma.AuthorListCreateManyInput[];
  authorListEntries: Prisma.AuthorListEntryCreateManyInput[];
  outputs: Prisma.ProjectOutputCreateManyInput[];
  certificates: Prisma.CertificateCreateManyInput[];
  // The committee and governance story (./committee.ts): calls, blind reviews, conflicts, amendments,
  // governance checklists, data-collection periods and documents.
  reviewCalls: Prisma.ReviewCallCreateManyInput[];
  conflicts: Prisma.ConflictOfInterestCreateManyInput[];
  reviewAssignments: Prisma.ReviewAssignmentCreateManyInput[];
  amendments: Prisma.ProjectAmendmentCreateManyInput[];
  projectGovernanceItems: Prisma.ProjectGovernanceItemCreateManyInput[];
  siteGovernanceItems: Prisma.SiteGovernanceItemCreateManyInput[];
  periods: Prisma.CollectionPeriodCreateManyInput[];
  documents: Prisma.StudyDocumentCreateManyInput[];
  documentVersions: Prisma.StudyDocumentVersionCreateManyInput[];
  /** The bytes of each document version, put in the configured storage under its storageKey when the plan is written. */
  documentFiles: { storageKey: string; bytes: Uint8Array }[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
}

export function buildSeedPlan(scale: SeedScale, passwordHash: string, today: Date): SeedPlan {
  const settings = SCALES[scale];
  const random = new SeededRandom(20_260_401);
  const midnight = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const plan: SeedPlan = {
    deaneries: [],
    sites: [],
    users: [],
    profiles: [],
    projects: [],
    projectLeads: [],
    reviews: [],
    decisions: [],
    projectSites: [],
    collaborations: [],
    progressReports: [],
    projectVersions: [],
    notifications: [],
    hospitalRequests: [],
    invitations: [],
    siteObservers: [],
    creditRoles: [],
    authorLists: [],
    authorListEntries: [],
    outputs: [],
    certificates: [],
    reviewCalls: [],
    conflicts: [],
    reviewAssignments: [],
    amendments: [],
    projectGovernanceItems: [],
    siteGovernanceItems: [],
    periods: [],
    documents: [],
    documentVersions: [],
    documentFiles: [],
    auditEvents: [],
  };

  // Regions and hospitals.
  const deaneryIdByCode = new Map<string, string>();
  for (const deanery of DEANERIES) {
    const id = random.uuid();
    deaneryIdByCode.set(deanery.code, id);
    plan.deaneries.push({ id, code: deanery.code, name: deanery.name, nation: deanery.nation });
  }
  for (const hospital of HOSPITALS) {
    plan.sites.push({
      id: random.uuid(),
      name: hospital.name,
      trust: hospital.trust,
      odsCode: hospital.odsCode,
      city: hospital.city,
      deaneryId: deaneryIdByCode.get(hospital.deaneryCode)!,
    });
  }
  // A large seed needs more hospitals than the real list: smaller ones in the same cities.
  for (let i = 0; plan.sites.length < settings.sites; i++) {
    const base = HOSPITALS[i % HOSPITALS.length]!;
    const suffix = SITE_SUFFIXES[Math.floor(i / HOSPITALS.length) % SITE_SUFFIXES.length]!;
    plan.sites.push({
      id: random.uuid(),
      name: `${base.city} ${suffix}${i >= HOSPITALS.length * SITE_SUFFIXES.length ? ` ${i}` : ""}`,
      trust: base.trust,
      odsCode: `X${String(i).padStart(4, "0")}`,
      city: base.city,
      deaneryId: deaneryIdByCode.get(base.deaneryCode)!,
    });
  }
  const homeSite = plan.sites.find((site) => site.name === DEMO_HOME_HOSPITAL) ?? plan.sites[0]!;

  // People: the demo accounts first, then trainees.
  const userIds: Record<keyof typeof DEMO_ACCOUNTS, string> = {
    trainee: "",
    lead: "",
    siteLead: "",
    committee: "",
    admin: "",
  };
  const traineesBySite = new Map<string, string[]>();
  const addPerson = (name: string, email: string, role: GlobalRole, site: SiteRow, grade: Grade) => {
    const id = random.uuid();
    const createdAt = new Date(midnight.getTime() - random.int(30, 700) * DAY);
    // Demo people confirmed their addresses when they signed up.
    plan.users.push({ id, name, email, role, passwordHash, createdAt, emailVerified: createdAt });
    plan.profiles.push({
      userId: id,
      grade,
      deaneryId: site.deaneryId,
      homeSiteId: site.id,
      gmcNumber: random.chance(0.8) ? String(6_000_000 + plan.profiles.length * 7 + random.int(0, 6)) : null,
      modalities: random.sample(["CT", "MRI", "ULTRASOUND", "PLAIN_FILM", "NUCLEAR_MEDICINE", "INTERVENTIONAL"] as const, random.int(1, 3)),
      subspecialties: random.sample(["NEURO", "CHEST", "GASTROINTESTINAL", "MUSCULOSKELETAL", "PAEDIATRIC", "EMERGENCY", "BREAST"] as const, random.int(0, 2)),
      contactConsent: random.chance(0.7),
    });
    traineesBySite.set(site.id, [...(traineesBySite.get(site.id) ?? []), id]);
    return id;
  };
  const otherSite = () => random.pick(plan.sites);
  userIds.trainee = addPerson(DEMO_ACCOUNTS.trainee.name, DEMO_ACCOUNTS.trainee.email, "MEMBER", homeSite, Grade.ST3);
  userIds.lead = addPerson(DEMO_ACCOUNTS.lead.name, DEMO_ACCOUNTS.lead.email, "MEMBER", otherSite(), Grade.ST5);
  userIds.siteLead = addPerson(DEMO_ACCOUNTS.siteLead.name, DEMO_ACCOUNTS.siteLead.email, "MEMBER", homeSite, Grade.ST4);
  userIds.committee = addPerson(DEMO_ACCOUNTS.committee.name, DEMO_ACCOUNTS.committee.email, "COMMITTEE", otherSite(), Grade.POST_CCT_FELLOW);
  userIds.admin = addPerson(DEMO_ACCOUNTS.admin.name, DEMO_ACCOUNTS.admin.email, "ADMIN", otherSite(), Grade.ST6);
  const usedEmails = new Set<string>(Object.values(DEMO_ACCOUNTS).map((account) => account.email));
  const seededCommittee: string[] = [];
  while (plan.users.length < settings.trainees) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(SURNAMES);
    const local = `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "");
    let email = `${local}@nhs.example.net`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@nhs.example.net`;
    usedEmails.add(email);
    const role: GlobalRole = seededCommittee.length < 4 && random.chance(0.05) ? "COMMITTEE" : "MEMBER";
    const grade = random.chance(0.06) ? random.pick([Grade.POST_CCT_FELLOW, Grade.OTHER]) : random.pick(GRADES);
    // Hospitals in the real list are the big teaching hospitals: they get more trainees.
    const site = random.chance(0.6) ? random.pick(plan.sites.slice(0, HOSPITALS.length)) : otherSite();
    const id = addPerson(`${first} ${last}`, email, role, site, grade);
    if (role === "COMMITTEE") seededCommittee.push(id);
  }
  const reviewers = [userIds.committee, userIds.admin, ...seededCommittee];
  const names = new Map(plan.users.map((user) => [user.id as string, user.name]));
  const allTrainees = plan.users.map((user) => user.id as string);

  // Projects, each with a lifecycle state and the history that state implies.
  const statuses = Array.from({ length: settings.projects }, (_, i) =>
    i < DEMO_STATUSES.length ? DEMO_STATUSES[i]! : LARGE_STATUS_CYCLE[i % LARGE_STATUS_CYCLE.length]!,
  );
  const withSites = statuses.map((status, i) => i !== 0 && HAS_SITES.has(status));
  const sitesPerOtherProject = Math.max(3, Math.floor(settings.otherProjectSites / withSites.filter(Boolean).length));

  statuses.forEach((status, index) => {
    const idea = PROJECT_IDEAS[index % PROJECT_IDEAS.length]!;
    const round = Math.floor(index / PROJECT_IDEAS.length);
    const projectId = random.uuid();
    const leadId = index === 0 || status === ProjectStatus.CHANGES_REQUESTED || status === ProjectStatus.DRAFT && index < 14
      ? userIds.lead
      : random.pick(allTrainees.slice(5));
    const { start, end } = collectionWindow(status, midnight, random, index === 0);
    // Far enough before the collection window for the decision to precede every site's
    // registration (at most 60 days before the start), and far enough before today for the
    // whole history its state implies to have happened already.
    const createdAt = new Date(Math.min(start.getTime(), midnight.getTime() - HISTORY_DAYS * DAY) - random.int(100, 200) * DAY);
    plan.projects.push({
      id: projectId,
      slug: round === 0 ? idea.slug : `${idea.slug}-${round + 1}`,
      title: round === 0 ? idea.title : `${idea.title} (re-audit ${round + 1})`,
      summary: idea.summary,
      background: idea.background,
      aims: idea.aims,
      primaryOutcome: idea.primaryOutcome,
      methods: idea.methods,
      dataItems: idea.dataItems,
      design: idea.design,
      governanceRoute: "LOCAL_REGISTRATION",
      modalities: idea.modalities,
      subspecialties: idea.subspecialties,
      collectionStart: status === ProjectStatus.DRAFT ? null : start,
      collectionEnd: status === ProjectStatus.DRAFT ? null : end,
      targetSites: index === 0 ? settings.flagshipSites : sitesPerOtherProject,
      targetCasesPerSite: idea.targetCasesPerSite,
      supervisorName: `Dr ${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
      supervisorEmail: `consultant${index}@nhs.example.net`,
      status,
      createdById: leadId,
      createdAt,
      submittedAt: status === ProjectStatus.DRAFT ? null : new Date(createdAt.getTime() + SUBMITTED_AFTER * DAY),
    });
    plan.projectLeads.push({ projectId, userId: leadId, role: "LEAD", addedAt: createdAt });
    const coLead = random.pick(allTrainees.slice(5));
    if (coLead !== leadId && random.chance(0.5)) {
      plan.projectLeads.push({ projectId, userId: coLead, role: "CO_LEAD", addedAt: createdAt });
    }

    const leadIds = plan.projectLeads.filter((lead) => lead.projectId === projectId).map((lead) => lead.userId);
    addReviews(plan, random, projectId, status, reviewers.filter((id) => id !== reviewers[0] && !leadIds.includes(id)), createdAt);
    addSubmissionHistory(plan, plan.projects.at(-1)!, leadIds, leadIds.map((id) => names.get(id)!), userIds.committee);

    const siteCount = index === 0 ? settings.flagshipSites : withSites[index] ? sitesPerOtherProject : 0;
    if (siteCount === 0) return;
    // The demo trainee's hospital takes part in the flagship and in the open projects.
    const includeHome = index < 6;
    const chosen = random.sample(plan.sites.filter((site) => site.id !== homeSite.id), siteCount - (includeHome ? 1 : 0));
    if (includeHome) chosen.unshift(homeSite);
    chosen.forEach((site, position) => {
      addProjectSite(plan, random, {
        projectId,
        leadId,
        projectStatus: status,
        site,
        position,
        caseTarget: idea.targetCasesPerSite,
        start,
        end,
        midnight,
        decidedAt: new Date(createdAt.getTime() + DECIDED_AFTER * DAY),
        localTrainees: traineesBySite.get(site.id) ?? [],
        allTrainees,
        demo: index < 6 && site.id === homeSite.id ? { index, userIds } : null,
      });
    });
  });
  addHospitalRequest(plan, random, midnight);
  addCreditStory(plan, { midnight, userIds, homeSiteId: homeSite.id });
  addCommitteeStory(plan, { midnight, userIds, homeSiteId: homeSite.id });
  accountsBeforeTheirActs(plan, random);
  return plan;
}

/** Every moment a person did something or was told of something, by person. */
export function seedActivity(plan: SeedPlan): Map<string, Date[]> {
  const acts = new Map<string, Date[]>();
  const note = (userId: unknown, at: unknown) => {
    if (typeof userId !== "string" || !at) return;
    const list = acts.get(userId) ?? [];
    list.push(new Date(at as Date));
    acts.set(userId, list);
  };
  for (const project of plan.projects) note(project.createdById, project.createdAt);
  for (const lead of plan.projectLeads) note(lead.userId, lead.addedAt);
  for (const version of plan.projectVersions) note(version.submittedById, version.submittedAt);
  for (const review of plan.reviews) note(review.reviewerId, review.createdAt);
  for (const decision of plan.decisions) note(decision.decidedById, decision.decidedAt);
  for (const site of plan.projectSites) note(site.leadApprovedById, site.leadApprovedAt);
  for (const collaboration of plan.collaborations) note(collaboration.userId, collaboration.requestedAt);
  for (const report of plan.progressReports) note(report.reportedById, report.reportedAt);
  for (const notification of plan.notifications) note(notification.userId, notification.createdAt);
  for (const request of plan.hospitalRequests) note(request.requestedById, request.createdAt);
  return acts;
}

/** Moves an account's sign-up back to before the first thing its owner did, where it was later. */
function accountsBeforeTheirActs(plan: SeedPlan, random: SeededRandom) {
  const acts = seedActivity(plan);
  for (const user of plan.users) {
    const first = Math.min(...(acts.get(user.id as string) ?? []).map((at) => at.getTime()));
    if (new Date(user.createdAt as Date).getTime() < first) continue;
    const createdAt = new Date(first - random.int(7, 120) * DAY);
    user.createdAt = createdAt;
    user.emailVerified = createdAt;
  }
}

/**
 * A trainee whose hospital was missing from the list asked for it a few days ago: their home
 * hospital meanwhile, waiting for an administrator (lib/reference/hospital-requests.ts). Chosen
 * among trainees who take part in nothing, so no team changes hospital.
 */
function addHospitalRequest(plan: SeedPlan, random: SeededRandom, midnight: Date) {
  const busy = new Set([...plan.collaborations.map((c) => c.userId), ...plan.projectLeads.map((l) => l.userId), ...plan.reviews.map((r) => r.reviewerId)]);
  const profile = plan.profiles.slice(Object.keys(DEMO_ACCOUNTS).length).find((candidate) => !busy.has(candidate.userId));
  if (!profile) return;
  const city = plan.sites.find((site) => site.id === profile.homeSiteId)!.city;
  const site: SiteRow = {
    id: random.uuid(),
    name: `${city} Community Hospital`,
    trust: "",
    // The placeholder of a requested hospital with no code given (placeholderCode in lib/reference/hospital-requests.ts).
    odsCode: `REQ--${random.uuid().replace(/-/g, "").slice(0, 12)}`,
    city,
    deaneryId: profile.deaneryId,
    listing: "REQUESTED",
    createdAt: new Date(midnight.getTime() - 3 * DAY),
  };
  plan.sites.push(site);
  plan.hospitalRequests.push({
    id: random.uuid(),
    siteId: site.id,
    requestedById: profile.userId,
    note: "A community hospital with its own CT scanner; trainees from the teaching hospital rotate here.",
    createdAt: site.createdAt,
  });
  profile.homeSiteId = site.id;
}

function collectionWindow(status: ProjectStatus, midnight: Date, random: SeededRandom, flagship: boolean) {
  const weeks = (n: number) => n * WEEK;
  const at = (offset: number) => new Date(midnight.getTime() + offset);
  if (flagship) return { start: at(-weeks(10)), end: at(weeks(8)) };
  switch (status) {
    case ProjectStatus.DATA_COLLECTION: {
      const startedWeeksAgo = random.int(4, 20);
      return { start: at(-weeks(startedWeeksAgo)), end: at(weeks(random.int(4, 12))) };
    }
    case ProjectStatus.ANALYSIS:
      return { start: at(-weeks(random.int(30, 40))), end: at(-weeks(random.int(4, 8))) };
    case ProjectStatus.COMPLETED:
      return { start: at(-weeks(random.int(60, 80))), end: at(-weeks(random.int(30, 40))) };
    default:
      return { start: at(weeks(random.int(6, 16))), end: at(weeks(random.int(24, 36))) };
  }
}

function addReviews(
  plan: SeedPlan,
  random: SeededRandom,
  projectId: string,
  status: ProjectStatus,
  /** Reviewers other than the demo committee member, who still has the open proposals to review, and other than the leads. */
  panelPool: string[],
  createdAt: Date,
) {
  const reviewedAt = new Date(createdAt.getTime() + REVIEWED_AFTER * DAY);
  const decidedAt = new Date(createdAt.getTime() + DECIDED_AFTER * DAY);
  const review = (reviewerId: string, round: number, recommendation: "APPROVE" | "REQUEST_CHANGES" | "REJECT", at: Date) =>
    plan.reviews.push({
      projectId,
      reviewerId,
      round,
      importance: random.int(3, 5),
      feasibility: random.int(2, 5),
      clarity: random.int(3, 5),
      comment: random.pick([
        "A clear question with a national standard to audit against. Check the sample size per site is achievable in the window.",
        "Important topic. The data items need tightening so that sites collect the same thing.",
        "Feasible across many sites. Please say how cases will be identified from RIS.",
        "Good use of the collaborative. Consider adding a re-audit loop.",
      ]),
      recommendation,
      createdAt: at,
    });
  const decide = (decision: "APPROVE" | "REQUEST_CHANGES" | "REJECT", at: Date) =>
    plan.decisions.push({
      projectId,
      decidedById: panelPool[0]!,
      decision,
      message:
        decision === "APPROVE"
          ? "Approved by the committee. Please open the project to sites."
          : decision === "REJECT"
            ? "The committee felt the question is already answered by recent national data."
            : "Please define the inclusion criteria and the data items more precisely, then resubmit.",
      decidedAt: at,
    });
  if (status === ProjectStatus.IN_REVIEW) {
    // Resubmitted after changes were requested: round 1 decided, round 2 under way.
    for (const reviewerId of random.sample(panelPool, 2)) review(reviewerId, 1, "REQUEST_CHANGES", reviewedAt);
    decide("REQUEST_CHANGES", decidedAt);
    // After the resubmission (version 2, addSubmissionHistory), not before it.
    review(random.pick(panelPool), 2, "APPROVE", new Date(createdAt.getTime() + REVIEWED_AGAIN_AFTER * DAY));
    return;
  }
  if (!REVIEWED.has(status)) return;
  const recommendation =
    status === ProjectStatus.REJECTED ? "REJECT" : status === ProjectStatus.CHANGES_REQUESTED ? "REQUEST_CHANGES" : "APPROVE";
  for (const reviewerId of random.sample(panelPool, 2)) review(reviewerId, 1, recommendation, reviewedAt);
  decide(recommendation, decidedAt);
}

const isoDay = (date: Prisma.ProjectCreateManyInput["collectionStart"]) => (date ? new Date(date as Date | string).toISOString().slice(0, 10) : null);

/**
 * The versions a project's state implies (one per review round), and what the
 * demo people would have been told: the demo committee member of each proposal
 * awaiting review, the leads of a request for changes.
 */
function addSubmissionHistory(plan: SeedPlan, project: Prisma.ProjectCreateManyInput, leadIds: string[], leadNames: string[], demoCommitteeId: string) {
  if (project.status === ProjectStatus.DRAFT || !project.submittedAt) return;
  const projectId = project.id as string;
  const content = {
    title: project.title,
    summary: project.summary,
    background: project.background ?? "",
    aims: project.aims ?? "",
    primaryOutcome: project.primaryOutcome ?? "",
    methods: project.methods ?? "",
    design: project.design,
    modalities: project.modalities,
    subspecialties: project.subspecialties,
    dataItems: project.dataItems ?? "",
    governanceRoute: project.governanceRoute ?? null,
    collectionStart: isoDay(project.collectionStart),
    collectionEnd: isoDay(project.collectionEnd),
    targetSites: project.targetSites ?? null,
    targetCasesPerSite: project.targetCasesPerSite ?? null,
    supervisorName: project.supervisorName ?? "",
    supervisorEmail: project.supervisorEmail ?? "",
    coLeads: leadNames.slice(1),
  } as Prisma.InputJsonObject;
  const submittedAt = new Date(project.submittedAt as Date);
  const rounds = Math.max(1, ...plan.reviews.filter((review) => review.projectId === projectId).map((review) => (review.round as number | undefined) ?? 1));
  for (let number = 1; number <= rounds; number++) {
    const first = number === 1 && rounds > 1;
    plan.projectVersions.push({
      projectId: projectId,
      number,
      // The first of two versions said less: the resubmission tightened the methods and data items.
      content: first ? { ...content, methods: "Retrospective review of consecutive cases.", dataItems: "To be agreed with sites." } : content,
      submittedById: leadIds[0]!,
      submittedAt: new Date(submittedAt.getTime() + (number - 1) * (RESUBMITTED_AFTER - SUBMITTED_AFTER) * DAY),
    });
  }
  const link = `/dashboard/review/${projectId}`;
  if (project.status === ProjectStatus.SUBMITTED || project.status === ProjectStatus.IN_REVIEW) {
    plan.notifications.push({
      userId: demoCommitteeId,
      projectId,
      kind: rounds > 1 ? "proposal.resubmitted" : "proposal.toReview",
      message: rounds > 1 ? `Resubmitted after changes (version ${rounds}): ${project.title}` : `New proposal to review: ${project.title}`,
      link,
      createdAt: new Date(submittedAt.getTime() + (rounds - 1) * (RESUBMITTED_AFTER - SUBMITTED_AFTER) * DAY),
    });
  }
  if (project.status === ProjectStatus.CHANGES_REQUESTED) {
    for (const userId of leadIds) {
      plan.notifications.push({
        userId,
        projectId,
        kind: "proposal.changesRequested",
        message: `The committee asked for changes to your proposal: ${project.title}`,
        link: `/dashboard/proposals/${projectId}`,
        // Told when the committee decided.
        createdAt: new Date(submittedAt.getTime() + (DECIDED_AFTER - SUBMITTED_AFTER) * DAY),
      });
    }
  }
}

interface ProjectSiteSpec {
  projectId: string;
  leadId: string;
  projectStatus: ProjectStatus;
  site: SiteRow;
  position: number;
  caseTarget: number;
  start: Date;
  end: Date;
  midnight: Date;
  /** When the committee approved the project: no site registers before it. */
  decidedAt: Date;
  localTrainees: string[];
  allTrainees: string[];
  demo: { index: number; userIds: Record<keyof typeof DEMO_ACCOUNTS, string> } | null;
}

function siteStatusFor(projectStatus: ProjectStatus, random: SeededRandom, position: number): ProjectSiteStatus {
  const roll = random.next();
  switch (projectStatus) {
    case ProjectStatus.SITE_SETUP:
      if (position === 0) return ProjectSiteStatus.ACTIVE;
      return roll < 0.35 ? ProjectSiteStatus.REGISTERED : roll < 0.75 ? ProjectSiteStatus.APPROVALS_PENDING : roll < 0.95 ? ProjectSiteStatus.ACTIVE : ProjectSiteStatus.WITHDRAWN;
    case ProjectStatus.DATA_COLLECTION:
      if (position === 0) return ProjectSiteStatus.ACTIVE;
      return roll < 0.75 ? ProjectSiteStatus.ACTIVE : roll < 0.85 ? ProjectSiteStatus.APPROVALS_PENDING : roll < 0.95 ? ProjectSiteStatus.COMPLETE : ProjectSiteStatus.WITHDRAWN;
    case ProjectStatus.WITHDRAWN:
      return ProjectSiteStatus.WITHDRAWN;
    default:
      return roll < 0.92 || position === 0 ? ProjectSiteStatus.COMPLETE : ProjectSiteStatus.WITHDRAWN;
  }
}

function addProjectSite(plan: SeedPlan, random: SeededRandom, spec: ProjectSiteSpec) {
  const id = random.uuid();
  const status = siteStatusFor(spec.projectStatus, random, spec.position);
  const approved = status === ProjectSiteStatus.ACTIVE || status === ProjectSiteStatus.COMPLETE;
  // Between the committee's approval and today, and 20 to 60 days before collection starts
  // where that is still possible (a window not yet open: any day since the approval).
  const latest = Math.min(spec.start.getTime() - 20 * DAY, spec.midnight.getTime() - SITE_SETTLED_DAYS * DAY);
  const earliest = Math.min(latest, Math.max(spec.decidedAt.getTime() + DAY, Math.min(spec.start.getTime() - 60 * DAY, latest - 40 * DAY)));
  const registeredAt = new Date(earliest + random.int(0, Math.floor((latest - earliest) / DAY)) * DAY);
  const approvalDate = approved ? new Date(registeredAt.getTime() + random.int(7, 20) * DAY) : null;
  // The project lead has accepted every site that is active or done, and some still setting up.
  const leadApproved = approved || (status === ProjectSiteStatus.APPROVALS_PENDING && random.chance(0.5));
  // The governance checklist (docs/decisions/034; every seeded project is registered locally): a
  // site the lead accepted has both items recorded and checked, its acceptance being the last check;
  // every other site seeking approvals has recorded them, and they wait for the lead's check.
  const approvalReference = approved ? `AUD-${registeredAt.getUTCFullYear()}-${String(random.int(1, 9999)).padStart(4, "0")}` : null;
  const recordedOn = approvalDate ?? new Date(registeredAt.getTime() + 3 * DAY);
  const checkedAt = leadApproved ? new Date(recordedOn.getTime() + DAY / 2) : null;
  if (leadApproved || status === ProjectSiteStatus.APPROVALS_PENDING) {
    for (const [kind, reference] of [
      ["LOCAL_AUDIT_REGISTRATION", approvalReference ?? `AUD-${registeredAt.getUTCFullYear()}-${String(spec.position + 1).padStart(4, "0")}`],
      ["CALDICOTT_APPROVAL", "Caldicott Guardian sign-off"],
    ] as const) {
      plan.siteGovernanceItems.push({
        projectSiteId: id,
        kind,
        reference,
        date: recordedOn,
        recordedAt: recordedOn,
        state: checkedAt ? "CHECKED" : "RECORDED",
        checkedById: checkedAt ? spec.leadId : null,
        checkedAt,
      });
    }
  }
  plan.projectSites.push({
    id,
    projectId: spec.projectId,
    siteId: spec.site.id,
    status,
    approvalReference,
    approvingBody: approved ? "Clinical audit department" : null,
    approvalDate,
    caldicottSignedOff: approved,
    leadApprovedAt: checkedAt,
    leadApprovedById: leadApproved ? spec.leadId : null,
    caseTarget: spec.caseTarget,
    registeredAt,
  });

  // Who takes part: a site lead and collaborators, mostly from the hospital itself.
  const members = new Map<string, Prisma.CollaborationCreateManyInput>();
  const add = (userId: string, role: "SITE_LEAD" | "COLLABORATOR", collaborationStatus: CollaborationStatus) => {
    if (members.has(userId)) return;
    members.set(userId, {
      projectSiteId: id,
      userId,
      role,
      status: collaborationStatus,
      contribution: collaborationStatus === "CONFIRMED" ? random.pick(["Data collection", "Case identification and data collection", "Data validation", "Local approvals and data collection"]) : null,
      requestedAt: new Date(registeredAt.getTime() + random.int(0, 10) * DAY),
      decidedAt: collaborationStatus === "REQUESTED" ? null : new Date(registeredAt.getTime() + random.int(11, 20) * DAY),
    });
  };
  const pool = spec.localTrainees.length >= 3 ? spec.localTrainees : [...spec.localTrainees, ...random.sample(spec.allTrainees, 4)];
  let siteLeadId: string;
  if (spec.demo) {
    const { index, userIds } = spec.demo;
    siteLeadId = index === 0 ? userIds.siteLead : random.pick(pool.filter((u) => u !== userIds.trainee && u !== userIds.siteLead)) ?? userIds.siteLead;
    add(siteLeadId, "SITE_LEAD", "CONFIRMED");
    // The demo trainee: confirmed on the flagship and a finished project, waiting on an open one, left another.
    const traineeStatus: CollaborationStatus[] = ["CONFIRMED", "LEFT", "REQUESTED", "DECLINED", "CONFIRMED", "CONFIRMED"];
    add(userIds.trainee, "COLLABORATOR", traineeStatus[index] ?? "CONFIRMED");
  } else {
    siteLeadId = random.pick(pool);
    add(siteLeadId, "SITE_LEAD", "CONFIRMED");
  }
  const open = spec.projectStatus === ProjectStatus.SITE_SETUP || spec.projectStatus === ProjectStatus.DATA_COLLECTION;
  for (const userId of random.sample(pool, random.int(0, 4))) {
    const roll = random.next();
    const collaborationStatus: CollaborationStatus =
      open && roll < 0.2 ? "REQUESTED" : roll < 0.85 ? "CONFIRMED" : roll < 0.93 ? "DECLINED" : "LEFT";
    add(userId, "COLLABORATOR", collaborationStatus);
  }
  plan.collaborations.push(...members.values());

  // Weekly progress from the start of collection until today or the end, whichever is first.
  if (!approved || spec.projectStatus === ProjectStatus.SITE_SETUP) return;
  const until = Math.min(spec.midnight.getTime(), spec.end.getTime());
  const reportWeeks = Math.floor((until - spec.start.getTime()) / WEEK);
  const finalCount = status === ProjectSiteStatus.COMPLETE ? spec.caseTarget - random.int(0, Math.floor(spec.caseTarget / 5)) : null;
  const pace = random.next() * 0.8 + 0.4;
  let cumulative = 0;
  for (let week = 1; week <= reportWeeks; week++) {
    const expected = finalCount ?? spec.caseTarget * pace;
    const target = Math.round((expected * week) / Math.max(reportWeeks, 1) * (finalCount ? 1 : 0.9));
    cumulative = Math.max(cumulative, Math.min(target + random.int(-2, 2), spec.caseTarget * 2));
    plan.progressReports.push({
      projectSiteId: id,
      reportedById: siteLeadId,
      cumulativeCases: cumulative,
      note: week === 1 ? "First cases entered" : null,
      // In the week's last days, in working hours: never later than the day before today.
      reportedAt: new Date(spec.start.getTime() + week * WEEK - random.int(1, 3) * DAY + random.int(8, 18) * 60 * 60 * 1000),
    });
  }
}
