import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountForm } from "./delete-account-form";
import { SessionsSection } from "./sessions-section";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { changed, done } = await searchParams;
  return (
    <div className="max-w-xl">
      {changed ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          Your password has been changed. You have been signed out on every other device.
        </div>
      ) : null}
      {done === "email-changed" ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          Your e-mail address has been changed to <strong className="break-code">{actor.email}</strong>. Sign in with it from now on.
        </div>
      ) : null}
      <h1 className="text-3xl font-bold">Your account</h1>
      <p className="mt-2">
        Signed in as <span className="break-code">{actor.email}</span>
        {actor.emailVerified ? "." : ", not confirmed yet: see your dashboard."}
      </p>
      <h2 id="change-email-title" className="mt-8 mb-4 text-2xl font-bold">
        Change your e-mail address
      </h2>
      <ChangeEmailForm />
      <h2 className="mt-8 mb-4 text-2xl font-bold">Change your password</h2>
      <ChangePasswordForm />
      <SessionsSection actor={actor} />
      <h2 className="mt-10 text-2xl font-bold">E-mails from RADIANT</h2>
      <p className="mt-2">
        <Link href="/dashboard/account/notifications">Choose what RADIANT e-mails you about</Link>: at once, in a daily digest, or never.
      </p>
      <h2 className="mt-10 text-2xl font-bold">Your data</h2>
      <p className="mt-2">
        <Link href="/dashboard/account/data">See everything RADIANT holds about you</Link>, or{" "}
        <a href="/dashboard/account/data/download">download it as a file</a>. The <Link href="/privacy">privacy notice</Link> says why
        we hold it.
      </p>
      <h2 className="mt-10 mb-4 text-2xl font-bold">Delete your account</h2>
      <DeleteAccountForm />
    </div>
  );
}
