import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblem } from "@/components/accounts/link-problem";
import { SubmitButton } from "@/components/ui/button";
import { checkVerificationLink } from "@/lib/accounts/verify-email";
import { linkProblem } from "@/lib/accounts/link-problems";
import { currentActor } from "@/lib/auth/session";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your e-mail address", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Behind the link of the verification e-mail. Opening it changes nothing: the button does. */
export default async function VerifyEmailPage({ params }: Props) {
  const { token } = await params;
  const link = await checkVerificationLink(token);
  if (link.state !== "valid") return <LinkProblem kind="verify" {...linkProblem("verify", link.state)} actor={await currentActor()} />;
  if (link.alreadyConfirmed) {
    return (
      <div className="max-w-xl">
        <h1 className="text-3xl font-bold">Your e-mail address is already confirmed</h1>
        <p className="mt-4">
          <strong className="break-code">{link.email}</strong> is confirmed. There is nothing more to do. <Link href="/dashboard">Go to your dashboard</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Confirm your e-mail address</h1>
      <p className="mt-4">
        Confirm that <strong className="break-code">{link.email}</strong> is your e-mail address. You can then ask to join projects,
        register your hospital and propose projects.
      </p>
      <form action={confirmEmailAction.bind(null, token)} className="mt-6">
        <SubmitButton pendingText="Confirming…">Confirm my e-mail address</SubmitButton>
      </form>
    </div>
  );
}
