import { z } from "zod";
import { searchText } from "./fields";
import { Modality, ProjectStatus, StudyDesign } from "@/lib/generated/prisma/enums";
export { DESIGN_LABELS, MODALITY_LABELS, STATUS_LABELS, designLabel } from "./constants";




/** Statuses in which a project is visible to everyone. */
export const PUBLIC_STATUSES = [
  ProjectStatus.SITE_SETUP,
  ProjectStatus.DATA_COLLECTION,
  ProjectStatus.ANALYSIS,
  ProjectStatus.COMPLETED,
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** What the public list shows when no status is chosen: projects people can still join. */
export const OPEN_STATUSES = [ProjectStatus.SITE_SETUP, ProjectStatus.DATA_COLLECTION] as const;

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Search parameters of /projects. Anything unrecognised falls back to the default, never an error page. */
export const projectSearchSchema = z.object({
  q: searchText(100),
  design: z.preprocess(blankAsUndefined, z.enum(StudyDesign).optional()).catch(undefined),
  modality: z.preprocess(blankAsUndefined, z.enum(Modality).optional()).catch(undefined),
  status: z.preprocess(blankAsUndefined, z.enum(PUBLIC_STATUSES).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ProjectSearch = z.infer<typeof projectSearchSchema>;

/** Search parameters of a public project page's list of hospitals. */
export const publicSitesSearchSchema = z.object({
  q: searchText(100),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PublicSitesSearch = z.infer<typeof publicSitesSearchSchema>;
