import "server-only";
// A new account finds the invitations that were sent to its address before it
// existed. Run inside the transaction that creates the account.
import { audit } from "@/lib/audit";
import type { DatabaseTransaction } from "@/lib/db";
import { provesAddress } from "./address-proof";
import { settlePendingGmcNumber } from "@/lib/users/sign-up-notices";

export interface InvitationLink {
  /** The invitation whose e-mail the person followed to sign up. */
  invitationId: string;
  /** The proof that came with the link (lib/invitations/address-proof.ts). */
  proof: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Gives the new member the open invitations sent to their address (compared
 * lower-cased, as addresses are stored). They hold nothing by it: they see the
 * invitations on their dashboard, and answering needs a confirmed address.
 * When they signed up through an invitation's own link for this very address,
 * that link proves they read its mailbox: the address is confirmed.
 * Returns whether it was.
 */
export async function claimInvitations(
  tx: DatabaseTransaction,
  account: { userId: string; email: string },
  link: InvitationLink | null,
  now: Date = new Date(),
): Promise<{ addressConfirmed: boolean }> {
  const email = account.email.toLowerCase();
  const waiting = await tx.invitation.findMany({ where: { email, inviteeId: null, status: "PENDING" }, select: { id: true } });
  if (waiting.length > 0) {
    await tx.invitation.updateMany({ where: { id: { in: waiting.map((row) => row.id) }, inviteeId: null }, data: { inviteeId: account.userId } });
    await tx.auditEvent.createMany({
      data: waiting.map((row) => ({
        actorId: account.userId,
        action: "invitation.claimed",
        entityType: "Invitation",
        entityId: row.id,
        before: { inviteeId: null },
        after: { inviteeId: account.userId },
      })),
    });
  }
  if (!link || !UUID.test(link.invitationId) || link.proof.length > 100) return { addressConfirmed: false };
  // The proof holds for the address it was made for, while the invitation it came with can still be
  // answered: not once withdrawn, declined or past its date.
  const invitation = await tx.invitation.findUnique({ where: { id: link.invitationId }, select: { email: true, expiresAt: true, status: true } });
  if (!invitation || invitation.email !== email || invitation.status !== "PENDING" || invitation.expiresAt.getTime() <= now.getTime()) {
    return { addressConfirmed: false };
  }
  if (!provesAddress(link.invitationId, email, link.proof)) return { addressConfirmed: false };
  await tx.user.update({ where: { id: account.userId }, data: { emailVerified: now } });
  await settlePendingGmcNumber(tx, account.userId);
  await audit(tx, {
    actorId: account.userId,
    action: "user.emailConfirmed",
    entityType: "User",
    entityId: account.userId,
    after: { emailVerified: now.toISOString(), by: "invitation", invitationId: link.invitationId },
  });
  return { addressConfirmed: true };
}
