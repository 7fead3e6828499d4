/**
 * A rule of the domain refused the request (a lifecycle guard, a duplicate, a
 * limit). The message is written for the person and shown to them; `field`
 * names the form field it belongs to, if any.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** The thing asked for does not exist, or the actor may not know it exists. */
export class NotFoundError extends Error {
  constructor(what = "That page") {
    super(`${what} could not be found.`);
    this.name = "NotFoundError";
  }
}
