// Labels and limits that forms show in the browser. No zod here, so that a
// client component importing them does not ship the validation library;
// the schemas in this folder re-export them for the server side.
import type { GlobalRole, GovernanceRoute, Grade, Modality, ProjectStatus, Recommendation, StudyDesign, Subspecialty } from "@/lib/generated/prisma/enums";

export const PASSWORD_MIN_LENGTH = 10;

export const GRADE_LABELS: Record<Grade, string> = {
  ST1: "ST1",
  ST2: "ST2",
  ST3: "ST3",
  ST4: "ST4",
  ST5: "ST5",
  ST6: "ST6",
  POST_CCT_FELLOW: "Post-CCT fellow",
  OTHER: "Other",
};

/** What each portal-wide role is called on screen. */
export const GLOBAL_ROLE_LABELS: Record<GlobalRole, string> = { MEMBER: "Member", COMMITTEE: "Committee member", ADMIN: "Administrator" };

export const DESIGN_LABELS: Record<StudyDesign, string> = {
  AUDIT: "Audit",
  SERVICE_EVALUATION: "Service evaluation",
  COHORT: "Cohort study",
  CROSS_SECTIONAL: "Cross-sectional study",
  SURVEY: "Survey",
  OTHER: "Other",
};

/** A project's design as read by people; a draft may not have one yet. */
export const designLabel = (design: StudyDesign | null) => (design ? DESIGN_LABELS[design] : "Not stated yet");


export const MODALITY_LABELS: Record<Modality, string> = {
  CT: "CT",
  MRI: "MRI",
  ULTRASOUND: "Ultrasound",
  PLAIN_FILM: "Plain film",
  NUCLEAR_MEDICINE: "Nuclear medicine / PET",
  INTERVENTIONAL: "Interventional",
};

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  SITE_SETUP: "Open to sites",
  DATA_COLLECTION: "Collecting data",
  ANALYSIS: "Analysis",
  COMPLETED: "Completed",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};

export const SUBSPECIALTY_LABELS: Record<Subspecialty, string> = {
  NEURO: "Neuroradiology",
  HEAD_AND_NECK: "Head and neck",
  CHEST: "Chest",
  CARDIAC: "Cardiac",
  GASTROINTESTINAL: "Gastrointestinal",
  GENITOURINARY: "Genitourinary",
  MUSCULOSKELETAL: "Musculoskeletal",
  BREAST: "Breast",
  PAEDIATRIC: "Paediatric",
  ONCOLOGY: "Oncology",
  EMERGENCY: "Emergency",
  VASCULAR: "Vascular",
};

export const GOVERNANCE_LABELS: Record<GovernanceRoute, string> = {
  LOCAL_REGISTRATION: "Audit or service evaluation registered at each site",
  RESEARCH_ETHICS: "Research ethics approval (HRA / REC)",
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  APPROVE: "Approve",
  REQUEST_CHANGES: "Request changes",
  REJECT: "Reject",
};

export const LAY_SUMMARY_MAX_WORDS = 300;

/** Words as a person counts them: runs of non-space characters. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/** The proposal's fields in the order the form shows them (and the error summary lists them). */
export const PROPOSAL_FIELD_ORDER = [
  "title",
  "summary",
  "background",
  "aims",
  "primaryOutcome",
  "methods",
  "design",
  "modalities",
  "subspecialties",
  "dataItems",
  "governanceRoute",
  "collectionStart",
  "collectionEnd",
  "targetSites",
  "targetCasesPerSite",
  "addCoLead",
  "supervisorName",
  "supervisorEmail",
] as const;

/** The study settings' ranges (lib/validation/sites.ts): the most collaborators a site may confirm, and the cases that make a site's team citable. */
export const TEAM_CAP_MAX = 50;
export const MINIMUM_CITABLE_CASES_MAX = 10_000;

/** What a member without a confirmed address cannot do yet, in the words every page uses. */
export const UNCONFIRMED_CANNOT = "ask to join a project, register a hospital or propose a project";

/** Days without a recorded case before a site lead is reminded (lib/notifications/reminders.ts), as the dashboard says. */
export const QUIET_SITE_DAYS = 14;
