import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { DEFAULT_RETURN_PATH, RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** What the page says when a link of an account e-mail has just been used and sent the person here. */
const DONE: Record<string, string> = {
  reset: "Your password has been changed, and you have been signed out on every device. Sign in with your new password.",
  confirmed: "Your e-mail address has been confirmed. Sign in to carry on.",
  "email-changed": "Your e-mail address has been changed. Sign in with your new address from now on.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  // Where to go once signed in: a page of this portal named in the link, or the dashboard.
  const returnTo = safeReturnPath(query[RETURN_PARAM]);
  if (await currentActor()) redirect(returnTo);
  const { done, error } = query;
  const carry = returnTo === DEFAULT_RETURN_PATH ? "" : `?${RETURN_PARAM}=${encodeURIComponent(returnTo)}`;
  const message = typeof done === "string" && Object.hasOwn(DONE, done) ? DONE[done] : undefined;
  return (
    <div className="max-w-xl">
      {message ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          {message}
        </div>
      ) : null}
      {error !== undefined ? (
        // Where Auth.js sends a request it could not read (its own error page would answer 500).
        <div role="alert" className="mb-6 border-l-8 border-danger bg-white p-4">
          Signing in did not work from the link you followed. Sign in with the form below.
        </div>
      ) : null}
      <h1 className="mb-6 text-3xl font-bold">Sign in</h1>
      <SignInForm returnTo={returnTo} />
      <p className="mt-6">
        <Link href="/forgotten-password">Forgotten your password?</Link>
      </p>
      <p className="mt-2">
        New to RADIANT? <Link href={`/signup${carry}`}>Create an account</Link>.
      </p>
    </div>
  );
}
