import Link from "next/link";
import { UNCONFIRMED_CANNOT } from "@/lib/validation/constants";
import { ResendVerificationForm } from "./resend-verification-form";

/**
 * Why something is not offered yet to a member whose e-mail address is not confirmed, with the
 * address the link went to and the way to get a new one. `unavailable` says what this page
 * would have offered ("ask to join this project"); without it, the notice lists everything.
 */
export function ConfirmEmailNotice({
  email,
  unavailable,
  headingLevel = 2,
}: {
  email: string;
  unavailable?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="confirm-email-title" className="mt-4 max-w-3xl border-l-8 border-brand bg-white p-4">
      <Heading id="confirm-email-title" className={headingLevel === 2 ? "text-2xl font-bold" : "text-xl font-bold"}>
        Confirm your e-mail address
      </Heading>
      <p className="mt-2">
        We sent a link to <strong className="break-code">{email}</strong>. Open it and press the button on the page to confirm that the
        address is yours.
      </p>
      <p className="mt-2">
        {unavailable
          ? `You can ${unavailable} once your address is confirmed. Meanwhile you can fill in your profile and look at projects.`
          : `Until then you can fill in your profile and look at projects, but you cannot ${UNCONFIRMED_CANNOT}.`}
      </p>
      <p className="mt-2">
        Not arrived? Look in your spam or junk folder, or ask for a new link. Wrong address?{" "}
        <Link href="/dashboard/account#change-email-title">Change it on your account page</Link>.
      </p>
      <ResendVerificationForm />
    </section>
  );
}
