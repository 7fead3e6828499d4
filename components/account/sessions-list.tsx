"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InlineProblem, SavedNotice } from "@/components/ui/form";
import { formatDateTime } from "@/lib/format/dates";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface SessionItem {
  id: string;
  browser: string;
  signedInAt: Date;
  thisDevice: boolean;
}

/**
 * The member's sessions, this device first, each other one with its own
 * "Sign out", and "Sign out of all other devices" after a confirmation. The
 * answer is said above the list, and focused: the button pressed is gone.
 */
export function SessionsList({ sessions, endSession, endOtherSessions }: { sessions: SessionItem[]; endSession: Action; endOtherSessions: Action }) {
  const [one, endOne] = useActionState(endSession, IDLE);
  const [others, endOthers] = useActionState(endOtherSessions, IDLE);
  // Whichever of the two forms answered last is the one to show.
  const [seen, setSeen] = useState<{ one: FormState; others: FormState; latest: FormState }>({ one, others, latest: IDLE });
  if (seen.one !== one || seen.others !== others) setSeen({ one, others, latest: seen.one !== one ? one : others });
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (seen.latest.status !== "idle") answer.current?.focus();
  }, [seen.latest]);
  const otherCount = sessions.filter((session) => !session.thisDevice).length;
  return (
    <div>
      <div ref={answer} tabIndex={-1} className="outline-none">
        <SavedNotice state={seen.latest} />
        <InlineProblem state={seen.latest} />
      </div>
      <p>Sign out of any device you do not recognise or no longer use, then change your password if you think someone else knows it.</p>
      <ul className="mt-4 border-t border-line">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-line py-3">
            <div>
              <p className="font-semibold">
                {session.browser}
                {session.thisDevice ? <span className="ml-2 inline-block bg-brand px-2 text-sm text-white">This device</span> : null}
              </p>
              <p className="text-sm text-muted">Signed in {formatDateTime(session.signedInAt)}</p>
            </div>
            {session.thisDevice ? null : (
              <form action={endOne}>
                <input type="hidden" name="sessionId" value={session.id} />
                <SubmitButton variant="secondary" pendingText="Signing out…">
                  Sign out<span className="sr-only"> {session.browser}, signed in {formatDateTime(session.signedInAt)}</span>
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {otherCount > 0 ? (
        <form action={endOthers} className="mt-4">
          <ConfirmButton
            title="Sign out of all other devices?"
            body={
              <p>
                You stay signed in on this device. On the {otherCount === 1 ? "other device" : `${otherCount} other devices`}, you or anyone using
                them will have to sign in again.
              </p>
            }
            confirmLabel="Sign out of all other devices"
          >
            Sign out of all other devices
          </ConfirmButton>
        </form>
      ) : (
        <p className="mt-4">You are not signed in on any other device.</p>
      )}
    </div>
  );
}
