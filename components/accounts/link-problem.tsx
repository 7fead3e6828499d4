import Link from "next/link";
import type { LinkKind } from "@/lib/accounts/link-problems";
import type { Actor } from "@/lib/auth/session";
import { ResendVerificationForm } from "./resend-verification-form";

/**
 * The page behind a link that cannot be used: why (`title` and `body`, from lib/accounts/link-problems),
 * and the way to a new link, which depends on who is signed in (`actor`; not needed for a reset link).
 */
export function LinkProblem({
  kind,
  title,
  body,
  actor = null,
}: {
  kind: LinkKind;
  title: string;
  body: string;
  actor?: Pick<Actor, "email" | "emailVerified"> | null;
}) {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-4">{body}</p>
      {kind === "reset" ? (
        <p className="mt-4">
          <Link href="/forgotten-password">Ask for a new link to reset your password</Link>
        </p>
      ) : kind === "change" ? (
        <p className="mt-4">
          {actor ? (
            <Link href="/dashboard/account#change-email-title">Ask again from your account page</Link>
          ) : (
            <>
              <Link href="/signin">Sign in</Link> and ask again from your account page.
            </>
          )}
        </p>
      ) : !actor ? (
        <p className="mt-4">
          <Link href="/signin">Sign in</Link>: if your address is not confirmed yet, your dashboard offers to send a new link.
        </p>
      ) : actor.emailVerified ? (
        <p className="mt-4">
          Your e-mail address is confirmed. <Link href="/dashboard">Go to your dashboard</Link>.
        </p>
      ) : (
        <div className="mt-4">
          <p>
            Your address, <strong className="break-code">{actor.email}</strong>, is not confirmed yet. We can send a new link to it.
          </p>
          <ResendVerificationForm />
        </div>
      )}
    </div>
  );
}
