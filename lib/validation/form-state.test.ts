import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValues, parseForm } from "./form-state";

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

describe("formValues", () => {
  it("never sends back any of the password fields: current, new, or typed twice", () => {
    const form = new FormData();
    for (const name of ["password", "confirmPassword", "currentPassword", "newPassword", "emailPassword"]) form.set(name, "a secret pass phrase");
    form.set("newEmail", "kept@example.net");
    expect(formValues(form)).toEqual({ newEmail: "kept@example.net" });
  });
});
