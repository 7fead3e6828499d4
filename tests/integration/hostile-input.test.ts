// Hostile input through the schema and into the domain: every attempt ends in
// a clear refusal or a correct account, never a crash, never a partial write.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerTrainee } from "@/lib/users/register-trainee";
import { signUpSchema } from "@/lib/validation/auth";
import { hostileString } from "../support/hostile";
import { createSite } from "../support/factories";

describe("signing up with hostile input", () => {
  it("creates a whole account with exactly what was accepted, or nothing", async () => {
    const site = await createSite();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, fc.nat(), async (name, gmcNumber, n) => {
        const parsed = signUpSchema.safeParse({
          name,
          email: `hostile${n}-${accepted}@example.net`,
          password: "long enough password",
          grade: "ST1",
          deaneryId: site.deaneryId,
          homeSiteId: site.id,
          gmcNumber,
        });
        const usersBefore = await db.user.count();
        const profilesBefore = await db.traineeProfile.count();
        if (!parsed.success) return;
        const result = await registerTrainee(parsed.data);
        if (result.ok && result.outcome === "created") {
          accepted++;
          const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, select: { name: true, profile: { select: { gmcNumber: true, pendingGmcNumber: true } } } });
          expect(user.name).toBe(parsed.data.name);
          // A GMC number given at sign-up waits for the address to be confirmed before it is the account's.
          expect(user.profile).toEqual({ gmcNumber: null, pendingGmcNumber: parsed.data.gmcNumber ?? null });
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(Object.values(result.fieldErrors).length).toBeGreaterThan(0);
          expect(await db.user.count()).toBe(usersBefore);
          expect(await db.traineeProfile.count()).toBe(profilesBefore);
        }
      }),
      // About 6% of random inputs are valid, so a run may accept only a few: these are always accepted.
      {
        numRuns: 300,
        examples: [
          ["Siobhán O'Neill-Ó Briain", "7123456", 1],
          ["李小龍 <script>alert(1)</script>", "", 2],
          ["Zoë \"Bobby\" Tables; DROP TABLE users", " 7654321 ", 3],
        ],
      },
    );
    expect(accepted).toBeGreaterThanOrEqual(3);
  });
});
