"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDate } from "@/lib/format/dates";
import type { MyInvitation, MyInvitations } from "@/lib/invitations/lists";
import { IDLE } from "@/lib/validation/form-state";
import type { InvitationAnswerState } from "@/lib/validation/invitations";

type Action = (previous: InvitationAnswerState, formData: FormData) => Promise<InvitationAnswerState>;

/**
 * The invitations waiting for the signed-in person, each with what, where and
 * who, and its answer. Stays mounted after an answer (the list is read again),
 * so that what happened is said where the person is looking.
 */
export function InvitationsPanel({ invitations, action }: { invitations: MyInvitations; action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The buttons pressed are gone with the invitation: the answer takes the focus.
    if (state.status === "answered") answer.current?.focus();
  }, [state]);

  if (!invitations.confirmed) {
    if (invitations.waiting === 0) return null;
    return (
      <section id="invitations" aria-labelledby="invitations-title" className="mt-8 border-l-8 border-brand bg-white p-4">
        <h2 id="invitations-title" className="text-xl font-bold">
          {invitations.waiting === 1 ? "An invitation is waiting for you" : `${invitations.waiting} invitations are waiting for you`}
        </h2>
        <p className="mt-1">
          Confirm your e-mail address to see {invitations.waiting === 1 ? "it" : "them"} and answer: an invitation is answered only by
          the owner of the address it was sent to.
        </p>
      </section>
    );
  }
  if (invitations.items.length === 0 && state.status === "idle") return null;
  const stray = state.status === "refused" && !invitations.items.some((item) => item.id === state.about) ? state.message : null;
  return (
    <section id="invitations" aria-labelledby="invitations-title" className="mt-8">
      <h2 id="invitations-title" className="text-2xl font-bold">
        Invitations
      </h2>
      {state.status === "answered" ? (
        <div ref={answer} tabIndex={-1} role="status" className="mt-4 border-l-8 border-ok bg-white p-4">
          <p className="font-semibold">{state.message}</p>
          {state.link ? (
            <p className="mt-1">
              <Link href={state.link.href}>{state.link.label}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {stray ? (
        <p role="alert" className="mt-4 border-l-4 border-danger bg-white p-2 font-semibold text-danger">
          {stray}
        </p>
      ) : null}
      {invitations.items.length === 0 ? (
        <p className="mt-2">No other invitations are waiting.</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {invitations.items.map((item) => (
            <li key={item.id}>
              <InvitationCard item={item} state={state} action={formAction} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationCard({ item, state, action }: { item: MyInvitation; state: InvitationAnswerState; action: (formData: FormData) => void }) {
  const titleId = `invitation-${item.id}`;
  const problem = state.status === "refused" && state.about === item.id ? state.message : null;
  return (
    <article aria-labelledby={titleId} className="border-t-4 border-brand bg-white p-4">
      <h3 id={titleId} className="text-xl font-bold">
        {item.heading}
      </h3>
      <p className="mt-1">
        {item.invitedBy} invited you on {formatDate(item.invitedAt)}. The invitation is open until {formatDate(item.expiresAt)}.
      </p>
      {item.projectPath ? (
        <p className="mt-1">
          <Link href={item.projectPath}>Read about {item.project}</Link>
        </p>
      ) : null}
      {item.refusal ? (
        <p className="mt-2">
          <strong>You cannot accept it now.</strong> {item.refusal}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-2 border-l-4 border-danger pl-2 font-semibold text-danger">
          {problem}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {item.refusal ? null : (
          <form action={action}>
            <input type="hidden" name="invitationId" value={item.id} />
            <input type="hidden" name="decision" value="ACCEPT" />
            <SubmitButton pendingText="Accepting…">
              Accept<span className="sr-only"> the invitation to be {item.place}</span>
            </SubmitButton>
          </form>
        )}
        <form action={action}>
          <input type="hidden" name="invitationId" value={item.id} />
          <input type="hidden" name="decision" value="DECLINE" />
          <ConfirmButton
            tone="danger"
            title="Decline the invitation?"
            body={
              <p>
                You will not be {item.place}. {item.invitedBy} is told, and can invite you again later.
              </p>
            }
            confirmLabel="Decline"
          >
            Decline<span className="sr-only"> the invitation to be {item.place}</span>
          </ConfirmButton>
        </form>
      </div>
    </article>
  );
}
