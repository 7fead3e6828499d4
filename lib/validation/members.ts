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

/**
 * A role as the members page offers it: the portal-wide roles, and "CHAIR", stored as role
 * COMMITTEE with User.committeeChair (any other role clears the flag).
 */
export const MEMBER_ROLES = ["MEMBER", "COMMITTEE", "CHAIR", "ADMIN"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  MEMBER: "Member",
  COMMITTEE: "Committee member",
  CHAIR: "Committee chair",
  ADMIN: "Administrator",
};

/** The role the members page shows for a stored role and chair flag. */
export function memberRoleOf(user: { role: GlobalRole; committeeChair: boolean }): MemberRole {
  return user.role === "COMMITTEE" && user.committeeChair ? "CHAIR" : user.role;
}

/** How a role the page offers is stored. */
export function storedRoleOf(role: MemberRole): { role: GlobalRole; committeeChair: boolean } {
  return role === "CHAIR" ? { role: "COMMITTEE", committeeChair: true } : { role, committeeChair: false };
}

/** One "make … " button of the members page: whose role, the role it had when the page was drawn, the new one. */
export const roleChangeSchema = z.object({
  userId: z.uuid({ error: "Choose a member from the list" }),
  from: z.enum(MEMBER_ROLES, { error: "Choose a role from the list" }),
  to: z.enum(MEMBER_ROLES, { error: "Choose a role from the list" }),
});
export type RoleChange = z.infer<typeof roleChangeSchema>;


/** "Send password reset link": whose. */
export const sendPasswordResetSchema = z.object({ userId: z.uuid({ error: "Choose a member from the list" }) });
