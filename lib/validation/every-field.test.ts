// Every field of every schema in this folder, found by walking the modules' exports rather than
// by a list someone must remember to extend: a new text field that would let a NUL byte or another
// control character through to the database (PostgreSQL refuses NUL with a server error) fails here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileString } from "@/tests/support/hostile";
import { isPlainText } from "./fields";

const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });

/** The fields of a form schema: a z.object's shape, also under .transform/.pipe/.refine. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.def.in as z.ZodType);
  return null;
}

/** Every form field: each exported z.object's fields, and each exported record of field schemas. */
function everyField(): [string, z.ZodType][] {
  const found: [string, z.ZodType][] = [];
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof z.ZodType) {
        for (const [field, schema] of Object.entries(fieldsOf(value) ?? {})) found.push([`${file} ${name}.${field}`, schema]);
      } else if (value && typeof value === "object" && !Array.isArray(value)) {
        const entries = Object.entries(value);
        if (entries.length > 0 && entries.every(([, schema]) => schema instanceof z.ZodType)) {
          for (const [field, schema] of entries) found.push([`${file} ${name}.${field}`, schema as z.ZodType]);
        }
      }
    }
  }
  return found;
}

// Passwords are hashed, never stored nor shown: any character a person types is theirs to use.
const NEVER_STORED = /password/i;

/** Every string inside a parsed value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).flatMap(stringsIn);
  return [];
}

const fields = everyField().filter(([name]) => !NEVER_STORED.test(name.split(".").at(-1)!));

describe("the walk over the schemas", () => {
  it("finds the form fields it is meant to guard", () => {
    const names = fields.map(([name]) => name);
    expect(names.length).toBeGreaterThan(60);
    for (const field of ["signUpSchema.name", "proposalDraftFieldSchemas.title", "reviewSchema.comment", "decisionSchema.message", "memberSearchSchema.q"]) {
      expect(names.some((name) => name.endsWith(field)), field).toBe(true);
    }
  });
});

describe.each(fields)("the field %s", (_name, schema) => {
  it("refuses a NUL byte or a control character, or removes it: it never passes one on", () => {
    for (const value of ["a\u0000b", "\u0000", "x\u0007y", "\u001Bz", "ab\u202Ecd", "\uD800", "a\u0000b\u0000c".repeat(3)]) {
      const result = schema.safeParse(value);
      if (result.success) for (const text of stringsIn(result.data)) expect(isPlainText(text), JSON.stringify(text)).toBe(true);
      // Checkbox lists take the same text as a repeated field.
      const listed = schema.safeParse([value]);
      if (listed.success) for (const text of stringsIn(listed.data)) expect(isPlainText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("answers any value with data it can store, or a refusal, never a crash", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.anything()), (value) => {
        const result = schema.safeParse(value);
        if (result.success) for (const text of stringsIn(result.data)) expect(isPlainText(text)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
