// The first administrator of a new installation, made from the server's terminal
// (`npm run admin:create`): there is no other way to the first one, and no demo account in
// production. Not `server-only`: a script calls it.
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import type { DatabaseHandle } from "@/lib/db";
import { choosePassword } from "@/lib/validation/password-rule";
import { emailSchema, personName } from "@/lib/validation/fields";

export const createAdminSchema = z.object({
  email: emailSchema,
  name: personName("the administrator's full name", 120),
});

export const adminPasswordSchema = choosePassword("a password");

export type CreateAdminResult = { outcome: "created" | "promoted" | "already"; userId: string };

/**
 * Makes `email` an administrator: promotes the member who has it, or creates the account with
 * `password` (asked for only when there is no such member). Audited, with no acting member.
 */
export async function createOrPromoteAdministrator(
  database: DatabaseHandle,
  input: z.input<typeof createAdminSchema>,
  password: () => Promise<string>,
): Promise<CreateAdminResult> {
  const { email, name } = createAdminSchema.parse(input);
  const existing = await database.prisma.user.findUnique({ where: { email }, select: { id: true, role: true, deletedAt: true } });
  if (existing && !existing.deletedAt) {
    if (existing.role === "ADMIN") return { outcome: "already", userId: existing.id };
    await database.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
      await tx.auditEvent.create({
        data: { actorId: null, action: "user.roleChanged", entityType: "User", entityId: existing.id, before: { role: existing.role }, after: { role: "ADMIN", by: "admin:create" } },
      });
    });
    return { outcome: "promoted", userId: existing.id };
  }
  const passwordHash = await hashPassword(adminPasswordSchema.parse(await password()));
  const user = await database.prisma.$transaction(async (tx) => {
    // The operator typed the address on the server: it needs no confirmation by e-mail.
    const created = await tx.user.create({ data: { email, name, role: "ADMIN", passwordHash, emailVerified: new Date() }, select: { id: true } });
    await tx.auditEvent.create({
      data: { actorId: null, action: "user.adminCreated", entityType: "User", entityId: created.id, after: { email, name, role: "ADMIN", by: "admin:create" } },
    });
    return created;
  });
  return { outcome: "created", userId: user.id };
}
