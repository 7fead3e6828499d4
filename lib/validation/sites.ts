import { z } from "zod";
import type { FormState } from "./form-state";
import { CollaborationRole, ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { MINIMUM_CITABLE_CASES_MAX, TEAM_CAP_MAX } from "./constants";
import { isPlainLine, isPlainText, CONTROL_CHARACTERS_MESSAGE, listOf, optionalText, requiredText, uuidSchema, searchText } from "./fields";
import { dateSchema } from "./date-input";
import { periodChoiceSchema } from "./periods";

export const SITE_STATUS_LABELS: Record<ProjectSiteStatus, string> = {
  REGISTERED: "Registered",
  APPROVALS_PENDING: "Approvals in progress",
  ACTIVE: "Active",
  COMPLETE: "Complete",
  WITHDRAWN: "Withdrawn",
};

export const ROLE_LABELS: Record<CollaborationRole, string> = {
  SITE_LEAD: "Site lead",
  COLLABORATOR: "Collaborator",
};

/** A progress count more than this many times the site's target needs an explicit confirmation. */
export const LARGE_COUNT_FACTOR = 10;

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on" || value === "true" || value === "1" || value === true);

/** A day typed in the three boxes, today or earlier; the Date is midnight UTC. */
const pastDay = (name: string) =>
  dateSchema({ name, required: true, when: "todayOrPast", earliestYear: 2000 }).transform((iso) => new Date(`${iso!}T00:00:00Z`));

export const registerSiteSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  siteId: uuidSchema("Select your hospital"),
});
export type RegisterSiteInput = z.infer<typeof registerSiteSchema>;

export const SITE_MOVE_NAMES = ["startApprovals", "activate", "complete", "withdraw"] as const;
export type SiteMoveName = (typeof SITE_MOVE_NAMES)[number];

export const moveSiteSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  move: z.enum(SITE_MOVE_NAMES, { error: "Choose what to do with the site" }),
});

export const approveSiteSchema = z.object({ projectSiteId: uuidSchema("That site could not be found") });

export const removeMemberSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  collaborationId: uuidSchema("That member could not be found"),
});

export const contributionSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  collaborationId: uuidSchema("That member could not be found"),
  contribution: z
    .string({ error: "Contribution must be 200 characters or fewer" })
    .trim()
    .max(200, "Contribution must be 200 characters or fewer")
    .refine(isPlainLine, CONTROL_CHARACTERS_MESSAGE)
    .transform((value) => (value === "" ? null : value)),
});
export type ContributionInput = z.infer<typeof contributionSchema>;

export const PROGRESS_FIELDS = ["periodId", "cumulativeCases", "confirmLarge", "reportedOn", "note", "correctionReason"];

export const recordProgressSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  cumulativeCases: z
    .string({ error: "Enter the number of cases submitted so far" })
    .trim()
    .min(1, { error: "Enter the number of cases submitted so far", abort: true })
    .refine((value) => /^-?\d+$/.test(value), { error: "Enter the number of cases as a whole number, like 24", abort: true })
    .transform(Number)
    .refine((value) => value >= 0, "The number of cases cannot be negative")
    .refine((value) => value <= 1_000_000, "The number of cases must be 1,000,000 or fewer"),
  reportedOn: pastDay("Date of the count"),
  note: optionalText(500, "The note must be 500 characters or fewer", { multiline: true }),
  correctionReason: optionalText(500, "The reason must be 500 characters or fewer", { multiline: true }),
  confirmLarge: checkbox,
  /** In a project with data-collection periods: the period counted, and `cumulativeCases` is that period's count so far. */
  periodId: periodChoiceSchema,
});
export type RecordProgressInput = z.infer<typeof recordProgressSchema>;

/** Who a project lead's message goes to: every site lead, those of sites behind target, or those of the sites ticked. */
export const MESSAGE_RECIPIENTS = ["all", "behind", "chosen"] as const;
export type MessageRecipients = (typeof MESSAGE_RECIPIENTS)[number];
export const MESSAGE_SITES_FIELDS = ["recipients", "siteIds", "message"];
/** More sites than any project has: a longer list is not a form this page sent. */
const MOST_CHOSEN_SITES = 2000;

export const messageSitesSchema = z
  .object({
    projectId: uuidSchema("That project could not be found"),
    recipients: z.enum(MESSAGE_RECIPIENTS, { error: "Choose who gets the message" }),
    siteIds: listOf(uuidSchema("Choose sites from the list")).refine((ids) => ids.length <= MOST_CHOSEN_SITES, "Choose sites from the list"),
    message: requiredText("a message", 1000, { multiline: true }).refine(isPlainText, CONTROL_CHARACTERS_MESSAGE),
  })
  .superRefine((input, context) => {
    if (input.recipients === "chosen" && input.siteIds.length === 0) {
      context.addIssue({ code: "custom", path: ["siteIds"], message: "Choose at least one site to send the message to" });
    }
  });
export type MessageSitesInput = z.infer<typeof messageSitesSchema>;

/** FormData to a plain object, keeping the ticked sites as a list. */
export function messageSitesFormObject(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), siteIds: formData.getAll("siteIds") };
}

export { MINIMUM_CITABLE_CASES_MAX, TEAM_CAP_MAX };

export const STUDY_SETTINGS_FIELDS = ["teamCap", "minimumCitableCases"];

/** A whole number in a range, or an empty field for "no rule". */
const optionalWholeNumber = (messages: { notWhole: string; tooSmall: string; tooLarge: string }, max: number) =>
  z
    .string({ error: messages.notWhole })
    .trim()
    .refine((value) => value === "" || /^-?\d{1,9}$/.test(value), { error: messages.notWhole, abort: true })
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || value >= 1, messages.tooSmall)
    .refine((value) => value === null || value <= max, messages.tooLarge);

/**
 * What the settings form showed when it was loaded, sent back with it: the
 * save goes through only if the settings are still those, so one lead never
 * overwrites another's change unseen. Hidden fields; a person never types them.
 */
const settingAsLoaded = z
  .string({ error: "This form is out of date. Reload the page and try again." })
  .regex(/^\d{0,9}$/, "This form is out of date. Reload the page and try again.")
  .transform((value) => (value === "" ? null : Number(value)));

export const studySettingsSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  teamCap: optionalWholeNumber(
    {
      notWhole: "Enter the most collaborators per site as a whole number, like 3, or leave it empty for no limit",
      tooSmall: "The most collaborators per site must be at least 1, or leave it empty for no limit",
      tooLarge: `The most collaborators per site must be ${TEAM_CAP_MAX} or fewer`,
    },
    TEAM_CAP_MAX,
  ),
  minimumCitableCases: optionalWholeNumber(
    {
      notWhole: "Enter the cases a site must submit as a whole number, like 10, or leave it empty so that everyone is citable",
      tooSmall: "The cases a site must submit must be at least 1, or leave it empty so that everyone is citable",
      tooLarge: `The cases a site must submit must be ${MINIMUM_CITABLE_CASES_MAX.toLocaleString("en-GB")} or fewer`,
    },
    MINIMUM_CITABLE_CASES_MAX,
  ),
  loadedTeamCap: settingAsLoaded,
  loadedMinimumCitableCases: settingAsLoaded,
});
export type StudySettingsInput = z.infer<typeof studySettingsSchema>;

// The national table's query string. Anything unrecognised falls back to the default, never an error page.
const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const NATIONAL_SORTS = ["hospital", "region", "status", "leads", "team", "cases", "progress", "updated"] as const;
export type NationalSort = (typeof NATIONAL_SORTS)[number];

export const nationalSearchSchema = z.object({
  status: z.preprocess(blankAsUndefined, z.enum(ProjectSiteStatus).optional()).catch(undefined),
  region: searchText(20),
  behind: z.preprocess(blankAsUndefined, z.literal("1").optional()).catch(undefined),
  stale: z.preprocess(blankAsUndefined, z.literal("1").optional()).catch(undefined),
  sort: z.preprocess(blankAsUndefined, z.enum(NATIONAL_SORTS).optional()).catch(undefined),
  dir: z.preprocess(blankAsUndefined, z.enum(["asc", "desc"]).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  /** The page of the list of sites awaiting the lead's approval. */
  awaiting: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type NationalSearch = z.infer<typeof nationalSearchSchema>;

export const AUTHORSHIP_GROUPS = ["hospital", "region", "role"] as const;
export type AuthorshipGroup = (typeof AUTHORSHIP_GROUPS)[number];
export const authorshipGroupSchema = z.enum(AUTHORSHIP_GROUPS).catch("hospital");

/** The registration form's answer: when the hospital is already taken, its team to join instead. */
export type RegisterSiteState = FormState<{ join?: { projectSiteId: string; hospital: string } }>;
