"use client";

import { useActionState } from "react";
import { InlineProblem, SavedNotice } from "@/components/ui/form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Retire a listed hospital, or put a retired one back: each asks first. */
export function ListingForm({ action, siteId, name, move }: { action: Action; siteId: string; name: string; move: "retire" | "relist" }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <SavedNotice state={state} />
      <InlineProblem state={state} />
      <input type="hidden" name="siteId" value={siteId} />
      <input type="hidden" name="move" value={move} />
      {move === "retire" ? (
        <ConfirmButton
          title={`Retire ${name}?`}
          body={
            <p>
              It stays on the projects, profiles and interests that name it, and is no longer offered when members sign up, edit
              their profile or register a hospital for a project. You can put it back on the list later.
            </p>
          }
          confirmLabel="Retire it"
        >
          Retire {name}
        </ConfirmButton>
      ) : (
        <ConfirmButton
          title={`Put ${name} back on the list?`}
          body={<p>It will be offered again when members sign up, edit their profile or register a hospital for a project.</p>}
          confirmLabel="Put it back"
          tone="primary"
        >
          Put {name} back on the list
        </ConfirmButton>
      )}
    </form>
  );
}
