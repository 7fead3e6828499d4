import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/security/common-passwords";
import { PASSWORD_MIN_LENGTH } from "./constants";

let common: ReadonlySet<string> | undefined;

/** Whether a password is one of the commonest, which attackers try first, whatever its case. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS);
  return common.has(password.toLowerCase()) || /^(.)\1*$/.test(password);
}

/**
 * The rule for every password a person chooses (sign-up, reset, change, the first administrator):
 * long enough, not too long to hash, and not one of the commonest.
 * `what` names it in the messages: "a password", "a new password".
 */
export function choosePassword(what: "a password" | "a new password") {
  return z
    .string({ error: `Enter ${what}` })
    .min(1, `Enter ${what}`)
    .min(PASSWORD_MIN_LENGTH, `Enter ${what} of at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, `Enter ${what} of 200 characters or fewer`)
    .refine((password) => !isCommonPassword(password), "This password is one of the most common, which are tried first: choose another one");
}
