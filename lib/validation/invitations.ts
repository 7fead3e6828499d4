import { z } from "zod";
import type { FormState } from "./form-state";
import { CollaborationRole } from "@/lib/generated/prisma/enums";
import { isPlainLine, uuidSchema } from "./fields";

export const INVITE_TO_SITE_FIELDS = ["email", "role"];

/** The site lead invites someone to the team by address, with the role offered. */
export const inviteToSiteSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  email: z
    .string({ error: "Enter the e-mail address of the person to invite" })
    .trim()
    .min(1, "Enter the e-mail address of the person to invite")
    .max(254, "E-mail address must be 254 characters or fewer")
    .pipe(z.email("Enter an e-mail address in the correct format, like name@example.org"))
    .transform((value) => value.toLowerCase()),
  role: z.enum(CollaborationRole, { error: "Select the role to offer" }),
});
export type InviteToSiteInput = z.infer<typeof inviteToSiteSchema>;

/** The invitee's answer, from their dashboard. */
export const answerInvitationSchema = z.object({
  invitationId: uuidSchema("That invitation could not be found"),
  decision: z.enum(["ACCEPT", "DECLINE"], { error: "Choose accept or decline" }),
});

/** The inviter takes an invitation back. */
export const withdrawInvitationSchema = z.object({
  invitationId: uuidSchema("That invitation could not be found"),
});

/** A co-lead typed by address in the proposal form: the same rule as every address field. */
export const coLeadAddressSchema = z
  .string()
  .trim()
  .max(254, "E-mail address must be 254 characters or fewer")
  .pipe(z.email("Enter the co-lead's e-mail address in the correct format, like name@example.org, or type their name"))
  .transform((value) => value.toLowerCase());

/** The invitation link a sign-up form was opened from (hidden fields); anything else is no link at all. */
export const invitationLinkSchema = z
  .object({
    invitation: z.string().trim().pipe(z.uuid()),
    invitationProof: z.string().trim().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/),
  })
  .transform(({ invitation, invitationProof }) => ({ invitationId: invitation, proof: invitationProof }));

/** The sign-up page's query when opened from an invitation e-mail: the address is only filled in, never trusted. */
export const signUpQuerySchema = z.object({
  email: z.string().trim().max(254).refine(isPlainLine).catch(""),
  invitation: z.string().trim().max(36).refine(isPlainLine).catch(""),
  proof: z.string().trim().max(100).refine(isPlainLine).catch(""),
});

/** What the dashboard's answer to an invitation hands back; a refusal is `about` the invitation it refused. */
export type InvitationAnswerState = FormState<Record<never, never>, { status: "answered"; message: string; link?: { href: string; label: string } }>;
