// Portal-wide roles: who may see the members and change a role, row by row,
// and what a change does. A refusal must change nothing.
import { describe, expect, it } from "vitest";
import type { AuthzActor } from "@/lib/authz";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { changeRole, listMembers, MEMBERS_PAGE_SIZE } from "@/lib/users/roles";
import { memberSearchSchema } from "@/lib/validation/members";
import { createUser } from "../support/factories";
import { countStatements } from "../support/query-count";

const search = (params: Record<string, string> = {}) => memberSearchSchema.parse(params);
const actorOf = async (role: GlobalRole): Promise<AuthzActor> => {
  const user = await createUser({ role });
  return { id: user.id, role: user.role };
};
const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

describe("who may manage roles", () => {
  const PERSONAS: [string, () => Promise<AuthzActor | null>, boolean][] = [
    ["visitor", async () => null, false],
    ["member", () => actorOf("MEMBER"), false],
    ["committee member", () => actorOf("COMMITTEE"), false],
    ["administrator", () => actorOf("ADMIN"), true],
  ];
  for (const [persona, make, allowed] of PERSONAS) {
    it(`${persona}: ${allowed ? "may" : "may not"} list members or change a role`, async () => {
      const actor = await make();
      const target = await createUser({ role: "MEMBER" });
      const list = () => listMembers(actor, search({ q: target.email }));
      const change = () => changeRole(actor, { userId: target.id, from: "MEMBER", to: "COMMITTEE" });
      if (allowed) {
        expect((await list()).rows.map((row) => row.id)).toEqual([target.id]);
        await expect(change()).resolves.toEqual({ name: target.name, role: "COMMITTEE" });
        expect(await roleOf(target.id)).toBe("COMMITTEE");
      } else {
        await expect(list()).rejects.toThrow(ForbiddenError);
        await expect(change()).rejects.toThrow(ForbiddenError);
        expect(await roleOf(target.id)).toBe("MEMBER");
        expect(await db.auditEvent.count({ where: { entityId: target.id } })).toBe(0);
      }
    });
  }
});

describe("changing a role", () => {
  it("is audited with before and after, and the member is told", async () => {
    const admin = await actorOf("ADMIN");
    const member = await createUser({ role: "MEMBER", name: "Nia Committee-to-be" });
    await changeRole(admin, { userId: member.id, from: "MEMBER", to: "COMMITTEE" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: member.id, action: "user.roleChanged" } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: "User", before: { role: "MEMBER" }, after: { role: "COMMITTEE" } });
    expect(await db.notification.findMany({ where: { userId: member.id }, select: { kind: true, message: true, link: true } })).toEqual([
      { kind: "user.roleChanged", message: "You are now a member of the review committee: proposals to review appear under Review.", link: "/dashboard" },
    ]);
  });

  it("is refused for one's own account, so the last administrator cannot lock everyone out", async () => {
    const admin = await actorOf("ADMIN");
    await expect(changeRole(admin, { userId: admin.id, from: "ADMIN", to: "MEMBER" })).rejects.toThrow("You cannot change your own role. Ask another administrator.");
    expect(await roleOf(admin.id)).toBe("ADMIN");
  });

  it("is refused when another administrator changed the role after the page was drawn", async () => {
    const [first, second] = [await actorOf("ADMIN"), await actorOf("ADMIN")];
    const member = await createUser({ role: "MEMBER", name: "Raised Twice" });
    await changeRole(first, { userId: member.id, from: "MEMBER", to: "ADMIN" });
    const stale = changeRole(second, { userId: member.id, from: "MEMBER", to: "COMMITTEE" });
    await expect(stale).rejects.toThrow(DomainError);
    await expect(stale).rejects.toThrow("Someone else made Raised Twice an administrator after this page was loaded.");
    expect(await roleOf(member.id)).toBe("ADMIN");
    expect(await db.auditEvent.count({ where: { entityId: member.id } })).toBe(1);
  });

  it("does not find a deleted account, whatever id is sent", async () => {
    const admin = await actorOf("ADMIN");
    const gone = await createUser({ role: "MEMBER" });
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await expect(changeRole(admin, { userId: gone.id, from: "MEMBER", to: "ADMIN" })).rejects.toThrow(NotFoundError);
    await expect(changeRole(admin, { userId: "00000000-0000-4000-8000-000000000000", from: "MEMBER", to: "ADMIN" })).rejects.toThrow(NotFoundError);
    expect(await roleOf(gone.id)).toBe("MEMBER");
  });
});

describe("administrators changing each other", () => {
  it("one demotes another, who can then no longer change roles; two at once leave one administrator", async () => {
    const [first, second] = [await actorOf("ADMIN"), await actorOf("ADMIN")];
    await changeRole(first, { userId: second.id, from: "ADMIN", to: "COMMITTEE" });
    expect(await roleOf(second.id)).toBe("COMMITTEE");
    // The second still holds a page (and a session) from when they were an administrator.
    await expect(changeRole(second, { userId: first.id, from: "ADMIN", to: "MEMBER" })).rejects.toThrow(ForbiddenError);
    expect(await roleOf(first.id)).toBe("ADMIN");

    const [a, b] = [await actorOf("ADMIN"), await actorOf("ADMIN")];
    const results = await Promise.allSettled([
      changeRole(a, { userId: b.id, from: "ADMIN", to: "MEMBER" }),
      changeRole(b, { userId: a.id, from: "ADMIN", to: "MEMBER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect([await roleOf(a.id), await roleOf(b.id)].sort()).toEqual(["ADMIN", "MEMBER"]);
  });
});

describe("the list of members", () => {
  it("finds by name or e-mail in any case, filters by role, pages, and leaves out deleted accounts", async () => {
    const admin = await actorOf("ADMIN");
    const tag = `Zebedee${Date.now()}`;
    const made = [];
    for (let i = 0; i < MEMBERS_PAGE_SIZE + 2; i++) made.push(await createUser({ name: `${tag} ${String(i).padStart(2, "0")}`, role: i === 0 ? "COMMITTEE" : "MEMBER" }));
    await db.user.update({ where: { id: made[1]!.id }, data: { deletedAt: new Date() } });

    const first = await listMembers(admin, search({ q: tag.toUpperCase() }));
    expect(first).toMatchObject({ total: MEMBERS_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.rows[0]!.name).toBe(`${tag} 00`);
    expect(first.rows.map((row) => row.id)).not.toContain(made[1]!.id);
    const last = await listMembers(admin, search({ q: tag, page: "9" }));
    expect(last.page).toBe(2);
    expect(last.rows.map((row) => row.name)).toEqual([`${tag} ${MEMBERS_PAGE_SIZE + 1}`]);
    expect((await listMembers(admin, search({ q: made[3]!.email.toUpperCase() }))).rows.map((row) => row.id)).toEqual([made[3]!.id]);
    expect((await listMembers(admin, search({ q: tag, role: "COMMITTEE" }))).rows.map((row) => row.id)).toEqual([made[0]!.id]);
  });

  it("costs the same two statements however many members there are", async () => {
    const admin = await actorOf("ADMIN");
    const before = (await countStatements(() => listMembers(admin, search()))).statements;
    for (let i = 0; i < 30; i++) await createUser();
    expect((await countStatements(() => listMembers(admin, search()))).statements).toBe(before);
    expect(before).toBe(2);
  });
});
