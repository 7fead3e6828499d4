"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TAG_TONES } from "@/components/ui/tag";
import { FocusedAnswer } from "@/components/ui/focused-answer";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import type { EmailView } from "@/lib/mail/admin";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { EMAIL_STATUS_LABELS } from "@/lib/validation/mail";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const STATUS_STYLE: Record<EmailStatus, string> = {
  QUEUED: "bg-tint-yellow text-ink",
  SENT: TAG_TONES.green,
  FAILED: TAG_TONES.red,
};

/** Messages as cards (they read on a phone as on a desk), each failed one with "send again". */
export function EmailList({ action, emails }: { action: Action; emails: EmailView[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <div>
      <FocusedAnswer state={state} />
      <ul className="mt-2 space-y-3">
        {emails.map((email) => (
          <li key={email.id} className="border-l-4 border-line bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-bold break-words">{email.subject}</h2>
              <span className={`px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[email.status]}`}>{EMAIL_STATUS_LABELS[email.status]}</span>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-semibold">To</dt>
              <dd className="break-code">{email.to}</dd>
              <dt className="font-semibold">Queued</dt>
              <dd>{email.createdAt}</dd>
              {email.outcomeAt ? (
                <>
                  <dt className="font-semibold">{email.status === "FAILED" ? "Failed" : "Sent"}</dt>
                  <dd>{email.outcomeAt}</dd>
                </>
              ) : null}
              <dt className="font-semibold">Tries</dt>
              <dd>{email.attempts}</dd>
              <dt className="font-semibold">Kind</dt>
              <dd className="font-mono break-code">{email.kind}</dd>
              {email.lastError ? (
                <>
                  <dt className="font-semibold">Last error</dt>
                  <dd className="break-words">{email.lastError}</dd>
                </>
              ) : null}
            </dl>
            {email.status === "FAILED" ? (
              email.hadSecret ? (
                <p className="mt-3 text-sm">
                  It held a single-use link, which is not kept: the member must ask for a new one, or you can send a new password-reset link from
                  the members page.
                </p>
              ) : (
                <form action={formAction} className="mt-3">
                  <input type="hidden" name="messageId" value={email.id} />
                  <ConfirmButton
                    tone="primary"
                    title={`Send "${email.subject}" to ${email.to} again?`}
                    body={<p>Do this once the address or the mail server has been put right, or it will fail again.</p>}
                    confirmLabel="Send it again"
                  >
                    Send again <span className="sr-only">to {email.to}</span>
                  </ConfirmButton>
                </form>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
