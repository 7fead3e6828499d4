import "server-only";
import { TOKEN_LIFETIME_HOURS } from "./tokens";

export type LinkKind = "verify" | "reset" | "change";
export type LinkProblemState = "expired" | "used" | "unknown" | "taken";

const hours = (count: number) => (count === 1 ? "1 hour" : `${count} hours`);

const LIFETIME: Record<LinkKind, string> = {
  verify: `Links to confirm an e-mail address work for ${hours(TOKEN_LIFETIME_HOURS.VERIFY_EMAIL)}, once.`,
  reset: `Links to reset a password work for ${hours(TOKEN_LIFETIME_HOURS.RESET_PASSWORD)}, once.`,
  change: `Links to confirm a new e-mail address work for ${hours(TOKEN_LIFETIME_HOURS.CHANGE_EMAIL)}, once.`,
};

/** What the page behind a link says when the link cannot be used: a title, and why. */
export function linkProblem(kind: LinkKind, state: LinkProblemState): { title: string; body: string } {
  switch (state) {
    case "expired":
      return { title: "This link has expired", body: LIFETIME[kind] };
    case "used":
      return {
        title: "This link has already been used",
        body:
          kind === "reset"
            ? "Each link to reset a password works once, and a newer one, or a change of password, replaces it."
            : kind === "verify"
              ? "If you confirmed your address with it, there is nothing more to do."
              : "Each link works once, and a newer request replaces it. If you confirmed your new address with it, there is nothing more to do.",
      };
    case "taken":
      return {
        title: "This e-mail address is already in use",
        body: "Another account started using this address after you asked for the change, so your address has not been changed.",
      };
    case "unknown":
      return {
        title: "This link does not work",
        body: "It may have been copied incompletely, or it belongs to an address that is no longer the account's. Use the link in the newest e-mail we sent you.",
      };
  }
}
