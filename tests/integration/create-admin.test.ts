import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { appDatabase, db, openDatabase } from "@/lib/db";
import { createOrPromoteAdministrator } from "@/lib/users/create-admin";
import { createUser } from "../support/factories";

const run = promisify(execFile);

describe("the first administrator", () => {
  it("is created with the password given, confirmed, and recorded in the audit log", async () => {
    const result = await createOrPromoteAdministrator(appDatabase(), { email: " Head@Hospital.example ", name: "Nadia Hussain" }, async () => "a long enough password");
    expect(result.outcome).toBe("created");
    const user = await db.user.findUniqueOrThrow({ where: { email: "head@hospital.example" }, select: { role: true, name: true, emailVerified: true, passwordHash: true } });
    expect(user).toMatchObject({ role: "ADMIN", name: "Nadia Hussain" });
    expect(user.emailVerified).not.toBeNull();
    expect(await verifyPassword(user.passwordHash!, "a long enough password")).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { entityId: result.userId, action: "user.adminCreated" } })).not.toBeNull();
  });

  it("promotes an existing member without asking for or changing their password", async () => {
    const member = await createUser({ email: "colleague@hospital.example" });
    const before = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { passwordHash: true } });
    let asked = false;
    const result = await createOrPromoteAdministrator(appDatabase(), { email: "colleague@hospital.example", name: "Anyone" }, async () => {
      asked = true;
      return "unused password";
    });
    expect(result).toEqual({ outcome: "promoted", userId: member.id });
    expect(asked).toBe(false);
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { role: true, passwordHash: true } })).toEqual({ role: "ADMIN", passwordHash: before.passwordHash });
    expect((await createOrPromoteAdministrator(appDatabase(), { email: "colleague@hospital.example", name: "Anyone" }, async () => "x")).outcome).toBe("already");
  });

  it("refuses a short password or a bad address and creates nothing", async () => {
    await expect(createOrPromoteAdministrator(appDatabase(), { email: "short@hospital.example", name: "Short" }, async () => "short")).rejects.toThrow(/at least/);
    await expect(createOrPromoteAdministrator(appDatabase(), { email: "not an address", name: "Bad" }, async () => "a long enough password")).rejects.toThrow(/correct format/);
    expect(await db.user.count({ where: { email: { in: ["short@hospital.example", "not an address"] } } })).toBe(0);
  });

  it("is made from the terminal with npm run admin:create on a new installation", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "radiant-admin-"));
    const env = process.env.DATABASE_URL ? { ...process.env } : { ...process.env, RADIANT_DATA_DIR: path.join(folder, "pglite") };
    try {
      const child = run(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", "--email", "first@hospital.example", "--name", "First Admin", "--password-stdin"], { env });
      child.child.stdin?.end("correct horse battery staple\n");
      const { stdout } = await child;
      expect(stdout).toContain("Created the administrator first@hospital.example");
      const database = process.env.DATABASE_URL ? appDatabase() : openDatabase({ kind: "pglite", dataDir: path.join(folder, "pglite") });
      try {
        const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "first@hospital.example" }, select: { role: true, passwordHash: true } });
        expect(user.role).toBe("ADMIN");
        expect(await verifyPassword(user.passwordHash!, "correct horse battery staple")).toBe(true);
        // A new installation: the regions and hospitals are there, no demo people.
        expect(await database.prisma.deanery.count()).toBeGreaterThan(0);
        expect(await database.prisma.user.findUnique({ where: { email: "admin@example.org" } })).toBeNull();
      } finally {
        if (!process.env.DATABASE_URL) await database.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
