import "server-only";
import { audit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ChangePasswordInput } from "@/lib/validation/auth";
import { useUpTokens } from "@/lib/accounts/tokens";
import { confirmCurrentPassword } from "./reauthenticate";

/**
 * Replaces the actor's password and signs them out everywhere: every session
 * row is deleted and sessionVersion raised, so no cookie issued before opens
 * anything; the action then signs this device in afresh with the new password.
 * Reset links sent earlier stop working, and a change of address not yet
 * confirmed is cancelled.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<void> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  await confirmCurrentPassword(actor.id, input.currentPassword, "currentPassword", "Your current password is not right");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: actor.id } });
    await useUpTokens(tx, actor.id, ["RESET_PASSWORD", "CHANGE_EMAIL"], new Date());
    await audit(tx, {
      actorId: actor.id,
      action: "user.password.changed",
      entityType: "User",
      entityId: actor.id,
    });
  });
}
