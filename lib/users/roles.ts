import "server-only";
import { pageWindow } from "@/lib/paging";
import { assertCan, ForbiddenError, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notifications";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { memberRoleOf, storedRoleOf, type MemberRole, type MemberSearch, type RoleChange } from "@/lib/validation/members";

export const MEMBERS_PAGE_SIZE = 25;

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
  /** The role as the page offers it: a committee member who chairs is "CHAIR". */
  memberRole: MemberRole;
  homeSite: string | null;
  joinedAt: Date;
}

/** Members by name, for administrators: searchable by name or e-mail, filterable by role. Two statements. */
export async function listMembers(actor: AuthzActor | null, search: MemberSearch) {
  assertCan(actor, "users.manageRoles");
  const where: Prisma.UserWhereInput = {
    deletedAt: null,
    ...(search.role ? { role: search.role } : {}),
    ...(search.q
      ? { OR: [{ name: { contains: search.q, mode: "insensitive" } }, { email: { contains: search.q.toLowerCase() } }] }
      : {}),
  };
  const total = await db.user.count({ where });
  const { page, pageCount, skip } = pageWindow(total, search.page, MEMBERS_PAGE_SIZE);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take: MEMBERS_PAGE_SIZE,
    select: { id: true, name: true, email: true, role: true, committeeChair: true, createdAt: true, profile: { select: { homeSite: { select: { name: true } } } } },
  });
  return {
    rows: rows.map((row): MemberRow => ({
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      memberRole: memberRoleOf(row),
      homeSite: row.profile?.homeSite.name ?? null,
      joinedAt: row.createdAt,
    })),
    total,
    page,
    pageCount,
  };
}

/** A role in a sentence: "… is now a committee member". */
export const AS_ROLE: Record<MemberRole, string> = {
  MEMBER: "an ordinary member",
  COMMITTEE: "a committee member",
  CHAIR: "a chair of the committee",
  ADMIN: "an administrator",
};

const GAINED: Record<MemberRole, string> = {
  MEMBER: "You are now a member without committee or administrator rights.",
  COMMITTEE: "You are now a member of the review committee: proposals to review appear under Review.",
  CHAIR: "You now chair the review committee: you can assign reviewers with a due date and run calls for proposals, under Review.",
  ADMIN: "You are now an administrator of the portal.",
};

/**
 * Gives a member another portal-wide role. Refused for one's own account (so
 * that the last administrator cannot lock everyone out by mistake), to an
 * administrator who has meanwhile lost the role, and when the member's role
 * changed since the page was drawn. Audited; the member is told.
 */
export async function changeRole(actor: AuthzActor | null, change: RoleChange): Promise<{ name: string; role: MemberRole }> {
  assertCan(actor, "users.manageRoles");
  if (change.userId === actor.id) {
    throw new DomainError("You cannot change your own role. Ask another administrator.");
  }
  if (change.from === change.to) throw new DomainError(`That member is already ${AS_ROLE[change.to]}.`);
  return db.$transaction(async (tx) => {
    // Both rows locked in one order: two administrators changing each other's roles run one after
    // the other, and the second finds whether it is still an administrator.
    const [first, second] = [actor.id, change.userId].sort();
    await tx.$queryRaw`SELECT id FROM "User" WHERE id IN (${first}::uuid, ${second}::uuid) ORDER BY id FOR UPDATE`;
    const self = await tx.user.findFirst({ where: { id: actor.id, deletedAt: null }, select: { role: true } });
    if (self?.role !== "ADMIN") throw new ForbiddenError("users.manageRoles");
    const member = await tx.user.findFirst({ where: { id: change.userId, deletedAt: null }, select: { name: true, role: true, committeeChair: true } });
    if (!member) throw new NotFoundError("That member");
    const from = storedRoleOf(change.from);
    const to = storedRoleOf(change.to);
    // The chair flag is part of the role: a stale page's "from" must match it too.
    const { count } = await tx.user.updateMany({
      where: { id: change.userId, role: from.role, ...(from.role === "COMMITTEE" ? { committeeChair: from.committeeChair } : {}), deletedAt: null },
      data: to,
    });
    if (count === 0) {
      throw new DomainError(`Someone else made ${member.name} ${AS_ROLE[memberRoleOf(member)]} after this page was loaded. Check the role shown now, and try again if it still needs changing.`);
    }
    await audit(tx, {
      actorId: actor.id,
      action: "user.roleChanged",
      entityType: "User",
      entityId: change.userId,
      before: { role: from.role, committeeChair: from.committeeChair },
      after: { role: to.role, committeeChair: to.committeeChair },
    });
    await notify(tx, [change.userId], { kind: "user.roleChanged", message: GAINED[change.to], link: "/dashboard" });
    return { name: member.name, role: change.to };
  });
}
