import "server-only";
import { audit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/auth";
import { useUpTokens } from "@/lib/accounts/tokens";

/**
 * Replaces the actor's password and signs them out everywhere: raising
 * sessionVersion invalidates every session issued before. Reset links sent
 * earlier stop working too.
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
    await useUpTokens(tx, actor.id, ["RESET_PASSWORD"], new Date());
    await audit(tx, {
      actorId: actor.id,
      action: "user.password.changed",
      entityType: "User",
      entityId: actor.id,
    });
  });
}
