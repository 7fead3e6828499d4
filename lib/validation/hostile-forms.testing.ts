// Test support, imported only by the schema property tests beside it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { hostileForm } from "@/tests/support/hostile";

/** A form: its name in the test title, its schema, the fields a browser could send. */
export type HostileForm = [string, z.ZodType, string[]];

/** A person reads the message: a sentence, never the raw input or zod's internals. */
export function expectReadableMessages(issues: readonly z.core.$ZodIssue[]) {
  for (const issue of issues) {
    expect(issue.message.length).toBeGreaterThan(5);
    expect(issue.message.length).toBeLessThan(200);
    expect(issue.message).not.toMatch(/Invalid input|expected|received/i);
  }
}

/** Each form answers any input with data or a sentence at a field, never a crash. */
export function describeHostileForms(forms: HostileForm[], numRuns: number) {
  describe.each(forms)("the %s form", (_name, schema, fields) => {
    it("answers any input with data or a sentence at a field, never a crash", () => {
      fc.assert(
        fc.property(hostileForm(fields), (input) => {
          const result = schema.safeParse(input);
          if (!result.success) expectReadableMessages(result.error.issues);
        }),
        { numRuns },
      );
    });
  });
}
