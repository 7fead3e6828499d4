// The shape every per-journey authorization test shares: each action against each persona, run on
// a fresh scenario, with what the database holds compared before and after. The test file writes
// out who is allowed; this runs the table.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";

export interface TableAction<Persona extends string, Scenario> {
  name: string;
  /** Who may do it, written out by hand; every other persona is refused. */
  allowed: readonly Persona[];
  attempt: (actor: Actor | null, s: Scenario) => Promise<unknown>;
}

export interface AuthzTable<Persona extends string, Scenario> {
  personas: readonly Persona[];
  actions: readonly TableAction<Persona, Scenario>[];
  scenario: () => Promise<Scenario>;
  actorOf: (persona: Persona, s: Scenario) => Actor | null;
  /** Everything the actions could change, as text to compare. */
  snapshot: () => Promise<string>;
  /** Whether an allowed attempt must change the snapshot (false where an allowed action may change nothing, e.g. saving the same choice). */
  allowedChanges?: boolean;
  /** How a refusal must look; a ForbiddenError unless said otherwise. */
  expectRefusal?: (outcome: unknown, row: { action: string; persona: Persona }) => void;
}

export function describeAuthzTable<Persona extends string, Scenario>(title: string, table: AuthzTable<Persona, Scenario>): void {
  const rows = table.actions.flatMap((action) => table.personas.map((persona) => ({ action: action.name, persona, allowed: action.allowed.includes(persona) })));
  describe(title, () => {
    it.each(rows)("$action by $persona: allowed = $allowed", async ({ action, persona, allowed }) => {
      const s = await table.scenario();
      const { attempt } = table.actions.find((row) => row.name === action)!;
      const before = await table.snapshot();
      const outcome = await attempt(table.actorOf(persona, s), s).then(
        () => "done",
        (error: unknown) => error,
      );
      if (allowed) {
        expect(outcome).toBe("done");
        if (table.allowedChanges !== false) expect(await table.snapshot()).not.toBe(before);
        return;
      }
      if (table.expectRefusal) table.expectRefusal(outcome, { action, persona });
      else expect(outcome).toBeInstanceOf(ForbiddenError);
      expect(await table.snapshot()).toBe(before);
    });
  });
}
