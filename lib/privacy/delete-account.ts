import "server-only";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { confirmCurrentPassword } from "@/lib/users/reauthenticate";

export const FORMER_MEMBER_NAME = "Former member";

/**
 * Erases the actor's personal data (UK GDPR right to erasure) and closes the
 * account. Kept, without the name: the facts research outputs depend on, that
 * a collaborator from a given hospital took part in a project, with what role
 * and contribution. Author lists published before stay as they were printed;
 * the portal shows "Former member" from now on.
 */
export async function deleteMyAccount(actor: Actor, password: string): Promise<void> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  await confirmCurrentPassword(actor.id, password, "password", "Your password is not right");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: {
        name: FORMER_MEMBER_NAME,
        email: `deleted-${actor.id}@deleted.invalid`,
        passwordHash: null,
        image: null,
        emailVerified: null,
        deletedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    await tx.traineeProfile.updateMany({
      where: { userId: actor.id },
      data: {
        gmcNumber: null,
        orcid: null,
        authorSurname: null,
        authorInitials: null,
        modalities: [],
        subspecialties: [],
        contactConsent: false,
      },
    });
    // Certificates state the holder's name and GMC number: erase them there too.
    const certificates = await tx.certificate.findMany({
      where: { collaboration: { userId: actor.id } },
      select: { id: true, statement: true },
    });
    for (const certificate of certificates) {
      await tx.certificate.update({
        where: { id: certificate.id },
        data: { statement: { ...(certificate.statement as object), traineeName: FORMER_MEMBER_NAME, gmcNumber: null } },
      });
    }
    await tx.notification.deleteMany({ where: { userId: actor.id } });
    // Invitations to them carry their address: erased. Those they sent and nobody answered yet are withdrawn.
    await tx.invitation.deleteMany({ where: { OR: [{ inviteeId: actor.id }, { email: user.email }] } });
    await tx.invitation.updateMany({ where: { invitedById: actor.id, status: "PENDING" }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
    await tx.siteInterest.deleteMany({ where: { userId: actor.id } });
    await tx.session.deleteMany({ where: { userId: actor.id } });
    await tx.account.deleteMany({ where: { userId: actor.id } });
    // Links already sent (to confirm an address, reset a password) must not open a closed account.
    await tx.accountToken.deleteMany({ where: { userId: actor.id } });
    await tx.rateLimit.deleteMany({ where: { key: { endsWith: `:${user.email}` } } });
    // The audit trail keeps who did what, but not the personal details they entered.
    await tx.auditEvent.updateMany({
      where: { entityId: actor.id, entityType: { in: ["User", "TraineeProfile"] } },
      data: { before: { erased: true }, after: { erased: true } },
    });
    await audit(tx, { actorId: actor.id, action: "user.deleted", entityType: "User", entityId: actor.id });
  });
}
