import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { queueVerificationEmail } from "@/lib/accounts/verify-email";
import { hashPassword } from "@/lib/auth/password";
import { claimInvitations, type InvitationLink } from "@/lib/invitations/claim";
import { homeHospitalProblems, requestHospital } from "@/lib/reference/hospital-requests";
import { hospitalRequestOf, NEW_HOSPITAL, type HospitalRequestInput } from "@/lib/validation/hospital-requests";
import { consumeAttempt } from "@/lib/security/rate-limit";
import type { SignUpInput } from "@/lib/validation/auth";
import { queueAlreadyRegisteredEmail, settlePendingGmcNumber, SIGN_UP_NOTICES_PER_ACCOUNT } from "./sign-up-notices";
import { isUniqueViolation } from "@/lib/database/unique-violation";

/**
 * `created`: a new account; `alreadyRegistered`: an account uses the address, and its owner was
 * told by e-mail. The page must answer these two alike (unless the address was confirmed by an
 * invitation's link, which only the address's owner holds).
 */
export type RegisterResult =
  | {
      ok: true;
      outcome: "created";
      userId: string;
      /** The address was confirmed by the invitation link the person signed up through. */
      addressConfirmed: boolean;
    }
  | { ok: true; outcome: "alreadyRegistered" }
  | { ok: false; fieldErrors: Partial<Record<keyof SignUpInput, string>> };

/**
 * Creates a member account with its trainee profile, and in the same transaction the e-mail
 * asking to confirm the address (until then the account can do nothing that reaches others),
 * unless the person signed up through an invitation's link, which proves the address.
 * Open to visitors, so it tells nobody which addresses and GMC numbers are registered: an address
 * already in use gets an e-mail instead of an account, and the GMC number is checked against other
 * accounts only once the address is confirmed (docs/decisions/012).
 * `invitation`: the invitation e-mail's link the person signed up through, if any.
 */
export async function registerTrainee(input: SignUpInput, invitation: InvitationLink | null = null): Promise<RegisterResult> {
  const newHospital = input.homeSiteId === NEW_HOSPITAL ? hospitalRequestOf(input) : null;
  const problems = await homeHospitalProblems({ homeSiteId: input.homeSiteId, deaneryId: input.deaneryId, newHospital }, null);
  if (problems) return { ok: false, fieldErrors: problems };
  // Hashed on both paths, so that a registered address does not answer sooner than a new one.
  const passwordHash = await hashPassword(input.password);
  const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (owner) return tellOwner(owner.id);
  return createAccount(input, newHospital, passwordHash, invitation);
}

async function createAccount(
  input: SignUpInput,
  newHospital: HospitalRequestInput | null,
  passwordHash: string,
  invitation: InvitationLink | null,
): Promise<RegisterResult> {
  // Checked against other accounts only once the address is confirmed (settlePendingGmcNumber).
  const pendingGmcNumber = input.gmcNumber ?? null;
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
        data: { userId: user.id, grade: input.grade, deaneryId: input.deaneryId, homeSiteId, pendingGmcNumber },
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
          pendingGmcNumber,
        },
      });
      // Invitations sent to this address before the account existed now wait on its dashboard.
      const { addressConfirmed } = await claimInvitations(tx, { userId: user.id, email: input.email }, invitation);
      if (addressConfirmed) await settlePendingGmcNumber(tx, user.id);
      else await queueVerificationEmail(tx, user);
      return { userId: user.id, addressConfirmed };
    });
    return { ok: true, outcome: "created", userId, addressConfirmed };
  } catch (error) {
    // Another sign-up took the address between the look-up and the insert.
    if (isUniqueViolation(error)) {
      const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (owner) return tellOwner(owner.id);
    }
    throw error;
  }
}

/** Someone signed up with an address an account uses: its owner is told, nothing else changes. */
async function tellOwner(ownerId: string): Promise<RegisterResult> {
  if (await consumeAttempt(`sign-up-notice:account:${ownerId}`, SIGN_UP_NOTICES_PER_ACCOUNT)) {
    await db.$transaction(async (tx) => {
      const owner = await tx.user.findUniqueOrThrow({ where: { id: ownerId }, select: { id: true, name: true, email: true, emailVerified: true } });
      await queueAlreadyRegisteredEmail(tx, owner);
      await audit(tx, { actorId: null, action: "user.signUpWithRegisteredAddress", entityType: "User", entityId: owner.id });
    });
  }
  return { ok: true, outcome: "alreadyRegistered" };
}
