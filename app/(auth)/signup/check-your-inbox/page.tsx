import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

/**
 * Where every sign-up not made through an invitation's link ends, whether it created an account
 * or the address already had one: the page must not tell which (docs/decisions/012).
 */
export default function CheckYourInboxPage() {
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">Check your inbox</h1>
      <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
        We have sent an e-mail to the address you gave. Open it to carry on.
      </div>
      <p className="mb-4">
        If this is a new account, the e-mail has a link to confirm your address. Once you have confirmed it, sign in with the password you
        chose. You can also sign in before confirming, to fill in your profile.
      </p>
      <p className="mb-4">
        If you already had an account with this address, the e-mail says so and how to sign in or choose a new password. Nothing about
        that account has changed.
      </p>
      <p className="mb-4">If nothing arrives within a few minutes, look in your spam or junk folder, and check that you typed the address correctly.</p>
      <p>
        <Link href="/signin">Sign in</Link> · <Link href="/forgotten-password">Forgotten your password?</Link>
      </p>
    </div>
  );
}
