import type { Metadata } from "next";
import { LinkProblem } from "@/components/accounts/link-problem";
import { checkResetLink } from "@/lib/accounts/reset-password";
import { linkProblem } from "@/lib/accounts/link-problems";
import { resetPasswordAction } from "./actions";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Behind the link of a password-reset e-mail. Opening it changes nothing: saving a new password does. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await checkResetLink(token);
  if (link.state !== "valid") return <LinkProblem kind="reset" {...linkProblem("reset", link.state)} />;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      <p className="mt-2 mb-6 text-lg">
        For the account <strong className="break-code">{link.email}</strong>. Saving it signs you out on every device where you are signed
        in.
      </p>
      <ResetPasswordForm action={resetPasswordAction.bind(null, token)} email={link.email} />
    </div>
  );
}
