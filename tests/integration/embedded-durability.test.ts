import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";

const run = promisify(execFile);

describe("the embedded database", () => {
  it("keeps what was written when the server is killed and started again", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "radiant-durability-"));
    const dataDir = path.join(folder, "pglite");
    try {
      for (const email of ["first@example.net", "second@example.net"]) {
        await expect(run(process.execPath, ["--import", "tsx", "tests/support/write-then-die.ts", dataDir, email])).rejects.toMatchObject({
          signal: "SIGKILL",
        });
      }
      const reopened = openDatabase({ kind: "pglite", dataDir });
      try {
        const users = await reopened.prisma.user.findMany({ select: { email: true }, orderBy: { email: "asc" } });
        expect(users.map((user) => user.email)).toEqual(["first@example.net", "second@example.net"]);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
