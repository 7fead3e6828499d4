import { z } from "zod";
import { Grade } from "@/lib/generated/prisma/enums";
import { emailSchema, optionalText, uuidSchema, personName } from "./fields";
import { homeSiteChoiceSchema, newHospitalFields, requireNewHospital } from "./hospital-requests";
import { choosePassword } from "./password-rule";
export { PASSWORD_MIN_LENGTH, GRADE_LABELS } from "./constants";



export const gmcNumberSchema = optionalText(7, "Enter a GMC number of 7 digits, like 7123456").refine(
  (value) => value === undefined || /^\d{7}$/.test(value),
  "Enter a GMC number of 7 digits, like 7123456",
);

/** The rule for every password a person chooses: at sign-up, and when they reset it. */
const choosePasswordSchema = choosePassword("a password");

export const signUpSchema = z.object({
  name: personName("your full name", 120),
  email: emailSchema,
  password: choosePasswordSchema,
  grade: z.enum(Grade, { error: "Select your grade" }),
  deaneryId: uuidSchema("Select your training region"),
  homeSiteId: homeSiteChoiceSchema,
  gmcNumber: gmcNumberSchema,
  ...newHospitalFields,
}).superRefine(requireNewHospital);
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200, "Enter your password"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200),
    newPassword: choosePassword("a new password"),
  })
  .refine((value) => value.currentPassword !== value.newPassword, {
    message: "Enter a new password that is different from your current one",
    path: ["newPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password to confirm" }).min(1, "Enter your password to confirm").max(200),
});

/** "Forgotten your password?": the address only. */
export const forgottenPasswordSchema = z.object({ email: emailSchema });

/** A new password from a reset link, typed twice. */
export const resetPasswordSchema = z
  .object({
    password: choosePasswordSchema,
    confirmPassword: z.string({ error: "Enter the password again" }).max(200, "Enter the same password twice"),
  })
  .superRefine((value, context) => {
    if (value.confirmPassword === "") context.addIssue({ code: "custom", message: "Enter the password again", path: ["confirmPassword"] });
    else if (value.confirmPassword !== value.password) context.addIssue({ code: "custom", message: "Enter the same password twice", path: ["confirmPassword"] });
  });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** A new e-mail address for the account, with the current password. */
export const changeEmailSchema = z.object({
  newEmail: z
    .string({ error: "Enter your new e-mail address" })
    .trim()
    .min(1, "Enter your new e-mail address")
    .max(254, "E-mail address must be 254 characters or fewer")
    .pipe(z.email("Enter an e-mail address in the correct format, like name@example.org"))
    .transform((value) => value.toLowerCase()),
  // Not "currentPassword": the change-password form on the same page has a field of that name (and id).
  emailPassword: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200, "Enter your password"),
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;
