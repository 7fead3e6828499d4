// The words of the collaborative's credit roles, written once. The names follow the
// published consensus on collaborative authorship as collaboratives such as STARSurg
// and GlobalSurg print them: a steering committee, a writing group, regional leads,
// site (local) leads, collaborators, and the named supporting roles.
// Pure: pages, forms, the list builder and the exports all read these.
import type { CreditRole } from "@/lib/generated/prisma/enums";

/** One person's role, as a line of a table says it. */
export const CREDIT_ROLE_LABELS: Record<CreditRole, string> = {
  STEERING_COMMITTEE: "Steering committee",
  WRITING_GROUP: "Writing group",
  REGIONAL_LEAD: "Regional lead",
  SITE_LEAD: "Site lead",
  COLLABORATOR: "Collaborator",
  DATA_VALIDATOR: "Data validator",
  STATISTICIAN: "Statistician",
  PATIENT_AND_PUBLIC_PARTNER: "Patient and public partner",
};

/** The heading of a role's group on a printed list. */
export const CREDIT_ROLE_HEADINGS: Record<CreditRole, string> = {
  STEERING_COMMITTEE: "Steering committee",
  WRITING_GROUP: "Writing group",
  REGIONAL_LEAD: "Regional leads",
  SITE_LEAD: "Site leads",
  COLLABORATOR: "Collaborators",
  DATA_VALIDATOR: "Data validators",
  STATISTICIAN: "Statisticians",
  PATIENT_AND_PUBLIC_PARTNER: "Patient and public partners",
};

/**
 * The order of the groups on a list, and which role a person is printed under when they
 * hold several (the first here): a person appears once.
 */
export const CREDIT_ROLE_ORDER: readonly CreditRole[] = [
  "STEERING_COMMITTEE",
  "WRITING_GROUP",
  "STATISTICIAN",
  "DATA_VALIDATOR",
  "PATIENT_AND_PUBLIC_PARTNER",
  "REGIONAL_LEAD",
  "SITE_LEAD",
  "COLLABORATOR",
];

/**
 * The roles a lead gives on the authorship page. The steering committee is the project's
 * leads, and site leads and collaborators come from their places: those are not given by hand.
 */
export const ASSIGNABLE_CREDIT_ROLES = ["WRITING_GROUP", "REGIONAL_LEAD", "DATA_VALIDATOR", "STATISTICIAN", "PATIENT_AND_PUBLIC_PARTNER"] as const satisfies readonly CreditRole[];
export type AssignableCreditRole = (typeof ASSIGNABLE_CREDIT_ROLES)[number];

/** Roles that come from a place on a site's team, and so follow the citation rule. */
export const PLACE_ROLES: readonly CreditRole[] = ["SITE_LEAD", "COLLABORATOR"];

export const GROUPING_LABELS = { hospital: "By hospital", region: "By region", role: "By role" } as const;

/** The group name the collaborative publishes under, first in the PubMed-style text. */
export const GROUP_AUTHOR_NAME = "RADIANT Trainee Research Collaborative";

/** How a grouping is stored on a frozen list, and back. */
export const GROUPING_OF = { hospital: "HOSPITAL", region: "REGION", role: "ROLE" } as const;
export const GROUPING_FROM = { HOSPITAL: "hospital", REGION: "region", ROLE: "role" } as const;

export const ANSWER_LABELS = { PENDING: "Not answered", CONFIRMED: "Confirmed", CORRECTION_REQUESTED: "Asked for a correction" } as const;

/** The answer window, in days: 14 unless the lead chooses otherwise. */
export const ANSWER_WINDOW = { default: 14, min: 7, max: 60 } as const;
