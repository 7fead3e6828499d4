import { describe, expect, it } from "vitest";
import { changePasswordSchema, resetPasswordSchema, signUpSchema } from "./auth";
import { personName } from "./fields";
import { isCommonPassword } from "./password-rule";

describe("a password someone chooses", () => {
  it("may not be one of the commonest, whatever its case, nor one character repeated", () => {
    for (const password of ["qwertyuiop", "Password123", "1qaz2wsx3edc", "MANCHESTER", "aaaaaaaaaaaa"]) expect(isCommonPassword(password)).toBe(true);
    for (const password of ["radiant-demo", "correct horse battery", "Ŝtelo-kaj-pano-42"]) expect(isCommonPassword(password)).toBe(false);
  });

  it("is refused at its field, with what to do, at sign-up, on reset and on change", () => {
    const signUp = signUpSchema.safeParse({ name: "A", email: "a@example.org", password: "password123" });
    expect(signUp.error?.issues.find((issue) => issue.path[0] === "password")?.message).toBe(
      "This password is one of the most common, which are tried first: choose another one",
    );
    const reset = resetPasswordSchema.safeParse({ password: "Qwertyuiop", confirmPassword: "Qwertyuiop" });
    expect(reset.error?.issues.map((issue) => issue.path[0])).toEqual(["password"]);
    const change = changePasswordSchema.safeParse({ currentPassword: "whatever it was", newPassword: "1234567890" });
    expect(change.error?.issues.map((issue) => issue.path[0])).toEqual(["newPassword"]);
  });
});

describe("a person's name", () => {
  it("may not hide invisible characters that make it look like someone else's", () => {
    const name = personName("your full name", 120);
    expect(name.safeParse("Aisha Rahman").success).toBe(true);
    expect(name.safeParse("Siobhán O'Connor-Reilly").success).toBe(true);
    for (const hidden of ["Aisha\u200B Rahman", "Aisha\u200DRahman", "Aisha\uFEFFRahman", "Ai\u00ADsha Rahman", "Aisha\u2060Rahman"]) {
      expect(name.safeParse(hidden).error?.issues[0]?.message).toBe("Remove the invisible characters (such as zero-width spaces) from the name");
    }
  });
});
