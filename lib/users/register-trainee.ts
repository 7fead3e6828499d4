import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { queueVerificationEmail } from "@/lib/accounts/verify-email";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimInvitations, type InvitationLink } from "@/lib/invitations/claim";
import { homeHospitalProblems, requestHospital } from "@/lib/reference/hospital-requests";
import { hospitalRequestOf, NEW_HOSPITAL } from "@/lib/validation/hospital-requests";
import type { SignUpInput } from "@/lib/validation/auth";

export type RegisterResult =
  | {
      ok: true;
      userId: string;
      /** The address was confirmed by the invitation link the person signed up through. */
      addressConfirmed: boolean;
    }
  | { ok: false; fieldErrors: Partial<Record<keyof SignUpInput, string>> };

export const EMAIL_TAKEN_MESSAGE =
  "An account with this e-mail address already exists. Sign in instead, or use another address.";

/**
 * Creates a member account with its trainee profile, and in the same transaction the e-mail
 * asking to confirm the address (until then the account can do nothing that reaches others),
 * unless the person signed up through an invitation's link, which proves the address.
 * Open to visitors. `invitation`: the invitation e-mail's link the person signed up through, if any.
 */
export async function registerTrainee(input: SignUpInput, invitation: InvitationLink | null = null): Promise<RegisterResult> {
  const newHospital = input.homeSiteId === NEW_HOSPITAL ? hospitalRequestOf(input) : null;
  const problems = await homeHospitalProblems({ homeSiteId: input.homeSiteId, deaneryId: input.deaneryId, newHospital }, null);
  if (problems) return { ok: false, fieldErrors: problems };
  const passwordHash = await hashPassword(input.password);
  try {
    const { userId, addressConfirmed } = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          passwordHash,
        },
        select: { id: true, name: true, email: true },
      });
      // "My hospital is not on the list": the hospital asked for is their home hospital meanwhile.
      const homeSiteId = newHospital ? await requestHospital(tx, user.id, newHospital) : input.homeSiteId;
      await tx.traineeProfile.create({
        data: { userId: user.id, grade: input.grade, deaneryId: input.deaneryId, homeSiteId, gmcNumber: input.gmcNumber ?? null },
      });
      await audit(tx, {
        actorId: user.id,
        action: "user.registered",
        entityType: "User",
        entityId: user.id,
        after: {
          name: input.name,
          email: input.email,
          grade: input.grade,
          deaneryId: input.deaneryId,
          homeSiteId,
          gmcNumber: input.gmcNumber ?? null,
        },
      });
      // Invitations sent to this address before the account existed now wait on its dashboard.
      const { addressConfirmed } = await claimInvitations(tx, { userId: user.id, email: input.email }, invitation);
      if (!addressConfirmed) await queueVerificationEmail(tx, user);
      return { userId: user.id, addressConfirmed };
    });
    return { ok: true, userId, addressConfirmed };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("gmc")) {
        return { ok: false, fieldErrors: { gmcNumber: "This GMC number is already registered to another account" } };
      }
      return { ok: false, fieldErrors: { email: EMAIL_TAKEN_MESSAGE } };
    }
    throw error;
  }
}
