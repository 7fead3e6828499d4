import { z } from "zod";
import { searchText } from "./fields";
import { GlobalRole } from "@/lib/generated/prisma/enums";

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Search of the members page; anything unrecognised falls back to "no filter". */
export const memberSearchSchema = z.object({
  q: searchText(254),
  role: z.preprocess(blankAsUndefined, z.enum(GlobalRole).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type MemberSearch = z.infer<typeof memberSearchSchema>;

/** One "make … " button of the members page: whose role, the role it had when the page was drawn, the new one. */
export const roleChangeSchema = z.object({
  userId: z.uuid({ error: "Choose a member from the list" }),
  from: z.enum(GlobalRole, { error: "Choose a role from the list" }),
  to: z.enum(GlobalRole, { error: "Choose a role from the list" }),
});
export type RoleChange = z.infer<typeof roleChangeSchema>;


/** "Send password reset link": whose. */
export const sendPasswordResetSchema = z.object({ userId: z.uuid({ error: "Choose a member from the list" }) });
