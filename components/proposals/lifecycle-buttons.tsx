"use client";

import { useActionState } from "react";
import { moveProjectAction } from "@/app/client-actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { LeadMove } from "@/lib/projects/lifecycle";
import { IDLE } from "@/lib/validation/form-state";

export interface MoveButton {
  move: LeadMove;
  label: string;
  question: string;
  explanation: string;
}

function MoveForm({ projectId, button }: { projectId: string; button: MoveButton }) {
  const [state, action] = useActionState(moveProjectAction.bind(null, projectId, button.move), IDLE);
  return (
    <form action={action} className="mb-4">
      <ConfirmButton
        title={button.question}
        body={<p>{button.explanation}</p>}
        confirmLabel={button.label}
        tone={button.move === "withdraw" ? "danger" : "primary"}
      >
        {button.label}
      </ConfirmButton>
      {state.status === "refused" ? (
        <p role="alert" className="mt-2 border-l-4 border-danger bg-white p-2 font-semibold text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The moves the lead may make now, each asking for confirmation first. */
export function LifecycleButtons({ projectId, buttons }: { projectId: string; buttons: MoveButton[] }) {
  return (
    <div>
      {buttons.map((button) => (
        <MoveForm key={button.move} projectId={projectId} button={button} />
      ))}
    </div>
  );
}
