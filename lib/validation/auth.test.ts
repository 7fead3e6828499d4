import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./form-state";
import { changeEmailSchema, forgottenPasswordSchema, resetPasswordSchema, signUpSchema } from "./auth";

const valid = {
  name: "Aisha Rahman",
  email: "Aisha.Rahman@NHS.example.net",
  password: "a long enough password",
  grade: "ST3",
  deaneryId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90",
  homeSiteId: "0b6e8a7d-2c4f-4b1e-8e9a-5d3c2b1a0f9e",
  gmcNumber: "",
};

function errorsOf(input: Record<string, unknown>) {
  const result = signUpSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("sign-up form rules", () => {
  it("accepts a complete form, lower-cases the e-mail and treats an empty GMC number as not given", () => {
    const result = signUpSchema.parse(valid);
    expect(result.email).toBe("aisha.rahman@nhs.example.net");
    expect(result.gmcNumber).toBeUndefined();
  });

  it("asks for every required field when the form is empty", () => {
    expect(errorsOf({})).toMatchObject({
      name: "Enter your full name",
      email: "Enter your e-mail address",
      password: "Enter a password",
      grade: "Select your grade",
      deaneryId: "Select your training region",
      homeSiteId: "Select your home hospital",
    });
    expect(errorsOf({ ...valid, name: "   ", email: "" })).toMatchObject({
      name: "Enter your full name",
      email: "Enter your e-mail address",
    });
  });

  it("refuses a 10,000-character name with a limit the person can act on", () => {
    expect(errorsOf({ ...valid, name: "x".repeat(10_000) }).name).toBe(
      "Your full name must be 120 characters or fewer",
    );
  });

  it.each(["not-an-email", "name@", "@example.org", "a b@example.org"])("refuses the e-mail address %j", (email) => {
    expect(errorsOf({ ...valid, email }).email).toBe(
      "Enter an e-mail address in the correct format, like name@example.org",
    );
  });

  it.each(["12345AB", "123456", "12345678", "GMC1234"])("refuses the GMC number %j", (gmcNumber) => {
    expect(errorsOf({ ...valid, gmcNumber }).gmcNumber).toBe("Enter a GMC number of 7 digits, like 7123456");
  });

  it("accepts a GMC number of 7 digits, trimmed", () => {
    expect(signUpSchema.parse({ ...valid, gmcNumber: " 7123456 " }).gmcNumber).toBe("7123456");
  });

  it("refuses a short password and a made-up grade or region", () => {
    expect(errorsOf({ ...valid, password: "short" }).password).toBe("Enter a password of at least 10 characters");
    expect(errorsOf({ ...valid, grade: "CONSULTANT" }).grade).toBe("Select your grade");
    expect(errorsOf({ ...valid, deaneryId: "1 OR 1=1" }).deaneryId).toBe("Select your training region");
  });
});

describe("text that no keyboard types", () => {
  it.each(["Ada\u0000Lovelace", "Ada\u202ELovelace", "Ada\nLovelace", "Ada\uD800"])("is refused in a name: %j", (name) => {
    expect(errorsOf({ ...valid, name }).name).toBe(
      "Remove the special characters (such as control or direction characters) from this field",
    );
  });

  it("keeps accents, apostrophes, hyphens and scripts other than Latin", () => {
    for (const name of ["Siobhán O'Connor-Reilly", "Zoë Ağaoğlu", "李小龍", "Nguyễn Thị Minh Khai", "Dr 👩🏽‍⚕️ Emoji"]) {
      expect(signUpSchema.parse({ ...valid, name }).name).toBe(name);
    }
  });
});

describe("a new password from a reset link", () => {
  // As the form shows them: the first message of each field.
  const errors = (input: Record<string, unknown>) => {
    const result = resetPasswordSchema.safeParse(input);
    return result.success ? {} : fieldErrorsOf(result.error);
  };

  it("follows the sign-up rule and must be typed the same twice", () => {
    expect(resetPasswordSchema.parse({ password: "a long enough password", confirmPassword: "a long enough password" })).toEqual({
      password: "a long enough password",
      confirmPassword: "a long enough password",
    });
    expect(errors({ password: "", confirmPassword: "" }).password).toBe("Enter a password");
    expect(errors({ password: "short", confirmPassword: "short" }).password).toBe("Enter a password of at least 10 characters");
    expect(errors({ password: "x".repeat(201), confirmPassword: "x".repeat(201) }).password).toBe("Enter a password of 200 characters or fewer");
    expect(errors({ password: "a long enough password", confirmPassword: "" })).toEqual({ confirmPassword: "Enter the password again" });
    expect(errors({ password: "a long enough password", confirmPassword: "a long enough passw0rd" })).toEqual({ confirmPassword: "Enter the same password twice" });
  });
});

describe("the forms that take an e-mail address", () => {
  it("lower-case it and say what is wrong at the field", () => {
    expect(forgottenPasswordSchema.parse({ email: " Ada@Example.ORG " })).toEqual({ email: "ada@example.org" });
    expect(forgottenPasswordSchema.safeParse({ email: "" }).error?.issues[0]?.message).toBe("Enter your e-mail address");
    expect(changeEmailSchema.parse({ newEmail: "New@Example.org", emailPassword: "pw" })).toEqual({ newEmail: "new@example.org", emailPassword: "pw" });
    expect(changeEmailSchema.safeParse({ newEmail: "", emailPassword: "" }).error?.issues.map((issue) => issue.message)).toEqual([
      "Enter your new e-mail address",
      "Enter your password",
    ]);
    expect(changeEmailSchema.safeParse({ newEmail: "not an address", emailPassword: "pw" }).error?.issues[0]?.message).toBe(
      "Enter an e-mail address in the correct format, like name@example.org",
    );
  });
});
