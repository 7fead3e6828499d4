import "server-only";
import { pageWindow } from "@/lib/paging";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditSearch } from "@/lib/validation/audit";

export const AUDIT_PAGE_SIZE = 25;

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** The audit log, newest first, for administrators only. Read-only: nothing in the app edits or deletes it. */
export async function listAuditEvents(actor: Actor, search: AuditSearch) {
  assertCan(actor, "audit.read");
  const where: Prisma.AuditEventWhereInput = {
    ...(search.action ? { action: { startsWith: search.action } } : {}),
    ...(search.entityType ? { entityType: search.entityType } : {}),
    ...(search.actor
      ? {
          actor: {
            OR: [
              { email: { contains: search.actor.toLowerCase() } },
              { name: { contains: search.actor, mode: "insensitive" } },
            ],
          },
        }
      : {}),
  };
  const [total, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditEvent" ORDER BY action`,
  ]);
  const { page, pageCount, skip } = pageWindow(total, search.page, AUDIT_PAGE_SIZE);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    actions: actions.map((row) => row.action),
    rows: rows.map(
      (row): AuditRow => ({
        id: row.id.toString(),
        createdAt: row.createdAt,
        actorName: row.actor?.name ?? null,
        actorEmail: row.actor?.email ?? null,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before === null ? null : JSON.stringify(row.before, null, 2),
        after: row.after === null ? null : JSON.stringify(row.after, null, 2),
      }),
    ),
  };
}
