import { z } from "zod";

/** Trims, and treats an empty field as absent. */
export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

/** E-mail addresses are stored lower-cased: that is what makes them unique regardless of case. */
export const emailSchema = z
  .string({ error: "Enter your e-mail address" })
  .trim()
  .min(1, "Enter your e-mail address")
  .max(254, "E-mail address must be 254 characters or fewer")
  .pipe(z.email("Enter an e-mail address in the correct format, like name@example.org"))
  .transform((value) => value.toLowerCase());

export const uuidSchema = (message: string) =>
  z.string({ error: message }).trim().pipe(z.uuid(message));
