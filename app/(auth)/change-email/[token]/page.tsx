import type { Metadata } from "next";
import { LinkProblem } from "@/components/accounts/link-problem";
import { SubmitButton } from "@/components/ui/button";
import { checkEmailChangeLink } from "@/lib/accounts/change-email";
import { linkProblem } from "@/lib/accounts/link-problems";
import { currentActor } from "@/lib/auth/session";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your new e-mail address", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Behind the link sent to a new address. Opening it changes nothing: the button does. */
export default async function ChangeEmailPage({ params }: Props) {
  const { token } = await params;
  const link = await checkEmailChangeLink(token);
  if (link.state !== "valid") return <LinkProblem kind="change" {...linkProblem("change", link.state)} actor={await currentActor()} />;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Confirm your new e-mail address</h1>
      <p className="mt-4">
        Your RADIANT account will use <strong className="break-code">{link.email}</strong> instead of{" "}
        <strong className="break-code">{link.currentEmail}</strong>. You will sign in with the new address, and e-mails will go to it.
      </p>
      <form action={confirmEmailChangeAction.bind(null, token)} className="mt-6">
        <SubmitButton pendingText="Changing your address…">Use this e-mail address</SubmitButton>
      </form>
    </div>
  );
}
