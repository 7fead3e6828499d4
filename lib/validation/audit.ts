import { z } from "zod";
import { searchText } from "./fields";

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Filters of the audit log page; anything unrecognised falls back to "no filter". */
export const auditSearchSchema = z.object({
  action: z.preprocess(blankAsUndefined, z.string().trim().max(80).regex(/^[a-z.]+$/).optional()).catch(undefined),
  entityType: z.preprocess(blankAsUndefined, z.string().trim().max(40).regex(/^[A-Za-z]+$/).optional()).catch(undefined),
  actor: searchText(254),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;
