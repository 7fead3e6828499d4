import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL or a form has the shape of our ids (PostgreSQL refuses any other). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Whether text from an address (a project's slug, a hospital's code) could name anything: not
 * over-long, and nothing a person cannot type (PostgreSQL refuses a NUL byte with an error).
 */
export function isAddressText(value: string): boolean {
  return value.length <= 300 && !/[\u0000-\u001F\u007F]/.test(value);
}

/** A slug or a code that could name nothing is a page that does not exist, not a database error. */
export function assertAddressText(value: string, what: string): void {
  if (!isAddressText(value)) throw new NotFoundError(what);
}

/** A malformed id is a page that does not exist, not a database error. */
export function assertUuid(id: string, what: string): void {
  if (!isUuid(id)) throw new NotFoundError(what);
}
