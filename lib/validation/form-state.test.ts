import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./form-state";

describe("parseForm", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name"), password: z.string().min(10, "Too short") });

  it("sends back what was typed, except the password, with a message per field", () => {
    const form = new FormData();
    form.set("name", "");
    form.set("password", "secret");
    const result = parseForm(schema, form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state).toEqual({
      status: "error",
      fieldErrors: { name: "Enter a name", password: "Too short" },
      formError: undefined,
      values: { name: "" },
    });
  });

  it("returns the parsed data when the form is valid", () => {
    const form = new FormData();
    form.set("name", "Ada");
    form.set("password", "long enough secret");
    expect(parseForm(schema, form)).toEqual({ ok: true, data: { name: "Ada", password: "long enough secret" } });
  });
});
