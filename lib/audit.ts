import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatabaseTransaction } from "@/lib/db";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Appends an AuditEvent inside the transaction that made the change. */
export async function audit(tx: DatabaseTransaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry });
}
