import { z } from "zod";
import { ConflictKind, GovernanceRoute, Modality, Recommendation, StudyDesign, Subspecialty } from "@/lib/generated/prisma/enums";
import { LAY_SUMMARY_MAX_WORDS, countWords } from "./constants";
import { CONTROL_CHARACTERS_MESSAGE, isPlainText } from "./fields";
import { dateSchema, readDateParts, type DateValue } from "./date-input";
import { scoreMessage, type ScoreCriterion } from "@/lib/validation/scores";
export { SUBSPECIALTY_LABELS, GOVERNANCE_LABELS, RECOMMENDATION_LABELS, LAY_SUMMARY_MAX_WORDS, countWords, PROPOSAL_FIELD_ORDER } from "./constants";






/** What a proposal says, as stored in each submitted ProjectVersion and compared between them. */
export interface ProposalContent {
  title: string;
  summary: string;
  background: string;
  aims: string;
  primaryOutcome: string;
  methods: string;
  design: StudyDesign | null;
  modalities: Modality[];
  subspecialties: Subspecialty[];
  dataItems: string;
  governanceRoute: GovernanceRoute | null;
  collectionStart: string | null;
  collectionEnd: string | null;
  targetSites: number | null;
  targetCasesPerSite: number | null;
  supervisorName: string;
  supervisorEmail: string;
  coLeads: string[];
}


export const PROPOSAL_FIELD_LABELS: Record<keyof ProposalContent, string> = {
  title: "Title",
  summary: "Lay summary",
  background: "Background",
  aims: "Aims",
  primaryOutcome: "Primary outcome",
  methods: "Methods",
  design: "Study design",
  modalities: "Modalities",
  subspecialties: "Subspecialties",
  dataItems: "Data items to be collected",
  governanceRoute: "Governance route",
  collectionStart: "Data collection starts",
  collectionEnd: "Data collection ends",
  targetSites: "Target number of sites",
  targetCasesPerSite: "Target cases per site",
  supervisorName: "Supervising consultant",
  supervisorEmail: "Supervising consultant's e-mail address",
  coLeads: "Co-leads",
};

/** The form as typed: every value a string (or a list of strings for the tick boxes). */
export interface ProposalFormInput {
  title: string;
  summary: string;
  background: string;
  aims: string;
  primaryOutcome: string;
  methods: string;
  design: string;
  modalities: string[];
  subspecialties: string[];
  dataItems: string;
  governanceRoute: string;
  collectionStart: DateValue;
  collectionEnd: DateValue;
  targetSites: string;
  targetCasesPerSite: string;
  supervisorName: string;
  supervisorEmail: string;
}

const LIST_FIELDS = ["modalities", "subspecialties"] as const;
const TEXT_FIELDS = [
  "title",
  "summary",
  "background",
  "aims",
  "primaryOutcome",
  "methods",
  "design",
  "dataItems",
  "governanceRoute",
  "targetSites",
  "targetCasesPerSite",
  "supervisorName",
  "supervisorEmail",
] as const;

/** Reads the proposal fields from a submitted form (tick boxes send one entry per box ticked). */
export function proposalInputFromForm(formData: FormData): ProposalFormInput {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 20_000) : "";
  };
  const list = (name: string) => formData.getAll(name).filter((value): value is string => typeof value === "string");
  const input = {} as Record<string, string | string[]>;
  for (const name of TEXT_FIELDS) input[name] = text(name);
  for (const name of LIST_FIELDS) input[name] = list(name);
  return { ...(input as unknown as ProposalFormInput), collectionStart: readDateParts(formData, "collectionStart"), collectionEnd: readDateParts(formData, "collectionEnd") };
}

/** The form's values for a stored proposal. */
export function proposalFormInput(content: ProposalContent): ProposalFormInput {
  return {
    title: content.title,
    summary: content.summary,
    background: content.background,
    aims: content.aims,
    primaryOutcome: content.primaryOutcome,
    methods: content.methods,
    design: content.design ?? "",
    modalities: content.modalities,
    subspecialties: content.subspecialties,
    dataItems: content.dataItems,
    governanceRoute: content.governanceRoute ?? "",
    collectionStart: content.collectionStart ?? "",
    collectionEnd: content.collectionEnd ?? "",
    targetSites: content.targetSites === null ? "" : String(content.targetSites),
    targetCasesPerSite: content.targetCasesPerSite === null ? "" : String(content.targetCasesPerSite),
    supervisorName: content.supervisorName,
    supervisorEmail: content.supervisorEmail,
  };
}

const capitalised = (label: string) => `${label[0]!.toUpperCase()}${label.slice(1)}`;

const draftText = (label: string, max: number) =>
  z
    .string({ error: `${capitalised(label)} must be text` })
    .trim()
    .max(max, `${capitalised(label)} must be ${max} characters or fewer`)
    .refine(isPlainText, CONTROL_CHARACTERS_MESSAGE);

const submitText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalised(label)} must be ${max} characters or fewer`)
    .refine(isPlainText, CONTROL_CHARACTERS_MESSAGE);

const dateField = (name: string, required: boolean) => dateSchema({ name, required, when: "any", earliestYear: 2000 });

const wholeNumber = (label: string, max: number, required: boolean) =>
  z
    .string({ error: `Enter the ${label} as a whole number, like 20` })
    .trim()
    .refine((value) => value !== "" || !required, `Enter the ${label}`)
    .refine((value) => value === "" || /^\d+$/.test(value), `Enter the ${label} as a whole number, like 20`)
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (value >= 1 && value <= max), `The ${label} must be between 1 and ${max}`);

const optionalEnum = <T extends Record<string, string>>(values: T, message: string) =>
  z.string({ error: message }).refine((value) => value === "" || value in values, message).transform((value) => (value === "" ? null : (value as T[keyof T])));

const enumList = <T extends Record<string, string>>(values: T, message: string) =>
  z.array(z.string({ error: message }), { error: message }).refine((list) => list.every((value) => value in values), message).transform((list) => [...new Set(list)] as T[keyof T][]);

const emailShaped = z
  .string({ error: "Enter the consultant's e-mail address in the correct format, like name@nhs.net" })
  .trim()
  .max(254, "E-mail address must be 254 characters or fewer")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter the consultant's e-mail address in the correct format, like name@nhs.net")
  .transform((value) => value.toLowerCase());

/**
 * What a draft may hold: every field may be empty, and each is checked on its
 * own so that one bad field never stops the others from being saved.
 */
export const proposalDraftFieldSchemas = {
  title: draftText("the title", 200),
  summary: draftText("the lay summary", 5000),
  background: draftText("the background", 10_000),
  aims: draftText("the aims", 5000),
  primaryOutcome: draftText("the primary outcome", 1000),
  methods: draftText("the methods", 10_000),
  design: optionalEnum(StudyDesign, "Select a study design from the list"),
  modalities: enumList(Modality, "Select modalities from the list"),
  subspecialties: enumList(Subspecialty, "Select subspecialties from the list"),
  dataItems: draftText("the data items", 10_000),
  governanceRoute: optionalEnum(GovernanceRoute, "Select a governance route from the list"),
  collectionStart: dateField("Start date of data collection", false),
  collectionEnd: dateField("End date of data collection", false),
  targetSites: wholeNumber("target number of sites", 1000, false),
  targetCasesPerSite: wholeNumber("target number of cases per site", 100_000, false),
  supervisorName: draftText("the supervising consultant's name", 120),
  supervisorEmail: emailShaped,
} satisfies Record<keyof ProposalFormInput, z.ZodType>;

export type ProposalDraft = Partial<{
  [K in keyof typeof proposalDraftFieldSchemas]: z.output<(typeof proposalDraftFieldSchemas)[K]>;
}>;

/** The valid-shaped fields of a draft, and a message for each field that could not be kept. */
export function parseProposalDraft(input: ProposalFormInput): { data: ProposalDraft; fieldErrors: Record<string, string> } {
  const data: Record<string, unknown> = {};
  const fieldErrors: Record<string, string> = {};
  for (const [name, schema] of Object.entries(proposalDraftFieldSchemas)) {
    const parsed = (schema as z.ZodType).safeParse(input[name as keyof ProposalFormInput]);
    if (parsed.success) data[name] = parsed.data;
    else fieldErrors[name] = parsed.error.issues[0]!.message;
  }
  return { data: data as ProposalDraft, fieldErrors };
}

/** Everything a proposal needs before the committee will look at it. */
export const proposalSubmitSchema = z
  .object({
    title: submitText("the title", 200),
    summary: submitText("a lay summary", 5000).refine(
      (text) => countWords(text) <= LAY_SUMMARY_MAX_WORDS,
      `Shorten the lay summary to ${LAY_SUMMARY_MAX_WORDS} words or fewer`,
    ),
    background: submitText("the background", 10_000),
    aims: submitText("the aims", 5000),
    primaryOutcome: submitText("the primary outcome", 1000),
    methods: submitText("the methods", 10_000),
    design: z.enum(StudyDesign, { error: "Select the study design" }),
    modalities: enumList(Modality, "Select modalities from the list").refine((list) => list.length > 0, "Select at least one modality"),
    subspecialties: enumList(Subspecialty, "Select subspecialties from the list"),
    dataItems: submitText("the data items to be collected", 10_000),
    governanceRoute: z.enum(GovernanceRoute, { error: "Select the governance route" }),
    collectionStart: dateField("Start date of data collection", true),
    collectionEnd: dateField("End date of data collection", true),
    targetSites: wholeNumber("target number of sites", 1000, true),
    targetCasesPerSite: wholeNumber("target number of cases per site", 100_000, true),
    supervisorName: submitText("the supervising consultant's name", 120),
    supervisorEmail: emailShaped.refine((value) => value !== "", "Enter the supervising consultant's e-mail address"),
  })
  .refine((value) => !value.collectionStart || !value.collectionEnd || value.collectionEnd > value.collectionStart, {
    message: "The end of data collection must be after its start",
    path: ["collectionEnd"],
  });

const score = (criterion: ScoreCriterion) => {
  const message = scoreMessage(criterion);
  return z.coerce.number({ error: message }).int(message).min(1, message).max(5, message);
};

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const reviewSchema = z.object({
  importance: z.preprocess(blankAsUndefined, score("importance")),
  feasibility: z.preprocess(blankAsUndefined, score("feasibility")),
  clarity: z.preprocess(blankAsUndefined, score("clarity")),
  comment: z
    .string({ error: "Enter your comments for the leads" })
    .trim()
    .min(1, "Enter your comments for the leads")
    .max(5000, "Comments must be 5000 characters or fewer")
    .refine(isPlainText, CONTROL_CHARACTERS_MESSAGE),
  recommendation: z.enum(Recommendation, { error: "Select your recommendation" }),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const decisionSchema = z.object({
  decision: z.enum(Recommendation, { error: "Select the committee's decision" }),
  message: z
    .string({ error: "Enter a message to the leads" })
    .trim()
    .min(1, "Enter a message to the leads")
    .max(5000, "The message must be 5000 characters or fewer")
    .refine(isPlainText, CONTROL_CHARACTERS_MESSAGE),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

/** What each kind of conflict of interest is called, and how the form explains it. */
export const CONFLICT_KIND_LABELS: Record<ConflictKind, { label: string; hint: string }> = {
  SAME_HOSPITAL_AS_LEAD: { label: "Same hospital as a lead", hint: "You work at the same hospital as a lead of this proposal." },
  NAMED_IN_PROPOSAL: { label: "Named in the proposal", hint: "You, or someone close to you, are named in it: as a supervisor, a site or a collaborator." },
  PERSONAL: { label: "A personal or financial interest", hint: "A relationship with a lead, or something you stand to gain or lose by the decision." },
};

/** A committee member's declaration of a conflict of interest in a proposal (lib/reviews/conflicts). */
export const conflictSchema = z.object({
  kind: z.enum(ConflictKind, { error: "Select what your conflict of interest is" }),
  note: z
    .preprocess(
      (value) => (value === null || value === undefined ? "" : value),
      z.string({ error: "Enter the note as text" }).trim().max(1000, "The note must be 1000 characters or fewer").refine(isPlainText, CONTROL_CHARACTERS_MESSAGE),
    ),
});
export type ConflictInput = z.infer<typeof conflictSchema>;

/** A lowercase, hyphenated form of the title for the project's address. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "proposal";
}
