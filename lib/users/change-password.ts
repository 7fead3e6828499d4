import "server-only";
import { audit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/auth";

/**
 * Replaces the actor's password and signs them out everywhere: every session
 * row is deleted and sessionVersion raised, so no cookie issued before opens
 * anything. The action then signs this device in afresh with the new password.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<void> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("Your current password is not right", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: actor.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "user.password.changed",
      entityType: "User",
      entityId: actor.id,
    });
  });
}
