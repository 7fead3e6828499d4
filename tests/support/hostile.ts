import fc from "fast-check";

/** Strings people and attackers type: long, control characters, RTL overrides, SQL and markup, emoji, NUL bytes. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u202Egnp.exe",
    "\u200B\u200B",
    "'; DROP TABLE \"User\"; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "${process.env}",
    "👩🏽‍⚕️🩻",
    "Ṩ̸̡̛͔̈o̷͎̓m̵͉̈́e̸̜͑ zalgo",
    "\r\n\t",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e309",
    "00000000-0000-0000-0000-000000000000",
    // An id of the right length that is not one, a script as a link, half of a UTF-16 pair, an encoded NUL.
    "------------------------------------",
    "javascript:alert(1)",
    "\uD800",
    "a\uDC00b",
    "%00",
  ),
  fc.nat({ max: 20_000 }).map((length) => "x".repeat(length)),
);

/** A form's worth of hostile fields, some missing, some not even strings. */
export function hostileForm(fields: string[]) {
  return fc.record(
    Object.fromEntries(fields.map((field) => [field, fc.oneof(hostileString, fc.constant(undefined), fc.anything())])),
    { requiredKeys: [] },
  );
}
