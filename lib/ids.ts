import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL or a form has the shape of our ids (PostgreSQL refuses any other). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A malformed id is a page that does not exist, not a database error. */
export function assertUuid(id: string, what: string): void {
  if (!isUuid(id)) throw new NotFoundError(what);
}
