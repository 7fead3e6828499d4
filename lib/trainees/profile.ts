import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Grade, Modality, Subspecialty } from "@/lib/generated/prisma/enums";
import { homeHospitalProblems, requestHospital } from "@/lib/reference/hospital-requests";
import { consumeAttempt, type Limit } from "@/lib/security/rate-limit";
import { hospitalRequestOf, NEW_HOSPITAL } from "@/lib/validation/hospital-requests";
import type { ProfileInput } from "@/lib/validation/profile";
import { authorshipLine } from "./authorship";
import { isUniqueViolation } from "@/lib/database/unique-violation";

export interface OwnProfile {
  name: string;
  email: string;
  grade: Grade | null;
  deaneryId: string | null;
  region: string | null;
  homeSiteId: string | null;
  homeSite: string | null;
  gmcNumber: string | null;
  orcid: string | null;
  modalities: Modality[];
  subspecialties: Subspecialty[];
  contactConsent: boolean;
  authorSurname: string | null;
  authorInitials: string | null;
  authorship: string;
}

/**
 * What a person's profile says about them, as the profile page and the data
 * export (lib/privacy/export.ts) both read it: a field added here reaches both.
 */
export const OWN_PROFILE_FIELDS = {
  grade: true,
  gmcNumber: true,
  pendingGmcNumber: true,
  orcid: true,
  modalities: true,
  subspecialties: true,
  contactConsent: true,
  authorSurname: true,
  authorInitials: true,
  deanery: { select: { name: true } },
} as const satisfies Prisma.TraineeProfileSelect;

/** The signed-in person's own profile. One statement. */
export async function getOwnProfile(actor: Actor): Promise<OwnProfile> {
  assertCan(actor, "profile.view", { ownerId: actor.id });
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      name: true,
      email: true,
      profile: {
        select: {
          ...OWN_PROFILE_FIELDS,
          deaneryId: true,
          homeSiteId: true,
          homeSite: { select: { name: true } },
        },
      },
    },
  });
  const profile = user.profile;
  return {
    name: user.name,
    email: user.email,
    grade: profile?.grade ?? null,
    deaneryId: profile?.deaneryId ?? null,
    region: profile?.deanery.name ?? null,
    homeSiteId: profile?.homeSiteId ?? null,
    homeSite: profile?.homeSite.name ?? null,
    // Before the address is confirmed, the number as typed: whether another account holds it is not told.
    gmcNumber: profile?.gmcNumber ?? profile?.pendingGmcNumber ?? null,
    orcid: profile?.orcid ?? null,
    modalities: profile?.modalities ?? [],
    subspecialties: profile?.subspecialties ?? [],
    contactConsent: profile?.contactConsent ?? false,
    authorSurname: profile?.authorSurname ?? null,
    authorInitials: profile?.authorInitials ?? null,
    authorship: authorshipLine({
      name: user.name,
      authorSurname: profile?.authorSurname,
      authorInitials: profile?.authorInitials,
      hospital: profile?.homeSite.name,
    }),
  };
}

export type ProfileUpdateResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<keyof ProfileInput, string>> };

/**
 * New GMC numbers (and ORCID iDs) one member may try on their profile in a day. Both are public
 * identifiers of a named doctor, and the profile says when another account holds one; sign-up
 * does not (docs/decisions/012), and an account needs no confirmed address to sign in, so without
 * this the profile would tell a stranger, number after number, which doctors are members.
 */
export const GMC_NUMBER_CHANGES_PER_ACCOUNT: Limit = { max: 5, windowSeconds: 24 * 60 * 60 };

const IDENTIFIER_WORDS = { gmcNumber: "GMC number", orcid: "ORCID iD" } as const;

/** Why the member may not try this identifier now, or null. Counts the try when it is a new one. */
async function identifierProblem(actor: Actor, field: "gmcNumber" | "orcid", value: string | undefined): Promise<string | null> {
  if (!value) return null;
  const current = await db.traineeProfile.findUnique({ where: { userId: actor.id }, select: { gmcNumber: true, pendingGmcNumber: true, orcid: true } });
  const held = field === "gmcNumber" ? (current?.gmcNumber ?? current?.pendingGmcNumber) : current?.orcid;
  if (held === value) return null;
  const words = IDENTIFIER_WORDS[field];
  // Whoever made an unconfirmed account may not own its address: they learn nothing about others' identifiers.
  if (!actor.emailVerified) return `Confirm your e-mail address before you add or change your ${words}: use the link we e-mailed you.`;
  if (!(await consumeAttempt(`${field === "gmcNumber" ? "gmc-number" : "orcid"}:${actor.id}`, GMC_NUMBER_CHANGES_PER_ACCOUNT))) {
    return `You have changed your ${words} ${GMC_NUMBER_CHANGES_PER_ACCOUNT.max} times today, the most in a day. Try again tomorrow, or write to the administrators.`;
  }
  return null;
}

/**
 * Saves the person's own profile (creating it for an account that had none)
 * and records what changed. Bad input changes nothing.
 */
export async function updateOwnProfile(actor: Actor, input: ProfileInput): Promise<ProfileUpdateResult> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  const newHospital = input.homeSiteId === NEW_HOSPITAL ? hospitalRequestOf(input) : null;
  const problems = await homeHospitalProblems({ homeSiteId: input.homeSiteId, deaneryId: input.deaneryId, newHospital }, actor.id);
  if (problems) return { ok: false, fieldErrors: problems };
  const gmcProblem = await identifierProblem(actor, "gmcNumber", input.gmcNumber);
  const orcidProblem = await identifierProblem(actor, "orcid", input.orcid);
  if (gmcProblem || orcidProblem) {
    return { ok: false, fieldErrors: { ...(gmcProblem ? { gmcNumber: gmcProblem } : {}), ...(orcidProblem ? { orcid: orcidProblem } : {}) } };
  }
  const fields = {
    grade: input.grade,
    deaneryId: input.deaneryId,
    homeSiteId: input.homeSiteId,
    // An unconfirmed account's number waits, unchecked, for the confirmation (settlePendingGmcNumber).
    ...(actor.emailVerified ? { gmcNumber: input.gmcNumber ?? null, pendingGmcNumber: null } : { pendingGmcNumber: input.gmcNumber ?? null }),
    orcid: input.orcid ?? null,
    modalities: input.modalities,
    subspecialties: input.subspecialties,
    contactConsent: input.contactConsent,
    authorSurname: input.authorSurname ?? null,
    authorInitials: input.authorInitials ?? null,
  };
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({
        where: { id: actor.id },
        select: {
          name: true,
          profile: {
            select: {
              grade: true,
              deaneryId: true,
              homeSiteId: true,
              gmcNumber: true,
              orcid: true,
              modalities: true,
              subspecialties: true,
              contactConsent: true,
              authorSurname: true,
              authorInitials: true,
            },
          },
        },
      });
      await tx.user.update({ where: { id: actor.id }, data: { name: input.name } });
      // "My hospital is not on the list": the hospital asked for is their home hospital meanwhile.
      if (newHospital) fields.homeSiteId = await requestHospital(tx, actor.id, newHospital);
      await tx.traineeProfile.upsert({
        where: { userId: actor.id },
        create: { userId: actor.id, ...fields },
        update: fields,
      });
      await audit(tx, {
        actorId: actor.id,
        action: "profile.updated",
        entityType: "User",
        entityId: actor.id,
        before: { name: before.name, ...(before.profile ?? {}) },
        after: { name: input.name, ...fields },
      });
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("orcid")) return { ok: false, fieldErrors: { orcid: "This ORCID iD is already registered to another account" } };
      if (target.includes("gmc")) return { ok: false, fieldErrors: { gmcNumber: "This GMC number is already registered to another account" } };
    }
    throw error;
  }
}
