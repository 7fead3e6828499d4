import { z } from "zod";

// Control characters (PostgreSQL refuses NUL outright), unpaired surrogates
// (not valid UTF-8) and bidirectional overrides (used to disguise text).
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// In longer text, line breaks and tabs are what people type.
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_CHARACTERS_MESSAGE = "Remove the special characters (such as control or direction characters) from this field";

/** True when the text holds nothing a person could not have typed on one line. */
export function isPlainLine(value: string): boolean {
  return !FORBIDDEN_IN_LINE.test(value);
}

/** True when the text holds nothing a person could not have typed in a text area. */
export function isPlainText(value: string): boolean {
  return !FORBIDDEN_IN_TEXT.test(value);
}

/**
 * Trims, and treats an empty field as absent. `tooLong` is also the answer to
 * a value that is not text. `multiline` allows line breaks (text areas).
 */
export const optionalText = (max: number, tooLong: string, options: { multiline?: boolean } = {}) =>
  z
    .string({ error: tooLong })
    .trim()
    .max(max, tooLong)
    .refine(options.multiline ? isPlainText : isPlainLine, CONTROL_CHARACTERS_MESSAGE)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

export const requiredText = (label: string, max: number, options: { multiline?: boolean } = {}) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .refine(options.multiline ? isPlainText : isPlainLine, CONTROL_CHARACTERS_MESSAGE);

// Characters that print as nothing (zero-width spaces and joiners, soft hyphens, fillers): in a
// name they make one person's name look like another's.
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/;

// An emoji made of several joined by zero-width joiners (👩🏽‍⚕️): the joiners there are part of a picture.
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)*(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)*)+/gu;

export const INVISIBLE_CHARACTERS_MESSAGE = "Remove the invisible characters (such as zero-width spaces) from the name";

/** A person's name as others will see it: required text with nothing invisible in it. */
export const personName = (label: string, max: number) =>
  requiredText(label, max).refine((value) => !INVISIBLE.test(value.replace(EMOJI_SEQUENCE, "")), INVISIBLE_CHARACTERS_MESSAGE);


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

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * Text typed into a search box, as it arrives in a page's address: trimmed, at most `max`
 * characters. Anything else (too long, not text, holding a character nobody types such as NUL)
 * is no filter rather than an error page.
 */
export const searchText = (max: number) =>
  z.preprocess(blankAsUndefined, z.string().trim().max(max).refine(isPlainLine).optional()).catch(undefined);

/** A form's checkboxes arrive as a repeated field; FormData gives them to us as an array. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? (value as unknown[]) : [value]), z.array(item));
