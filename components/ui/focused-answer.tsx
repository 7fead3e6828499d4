"use client";

import { useEffect, useRef } from "react";
import { InlineProblem, SavedNotice } from "@/components/ui/form";
import type { FormState } from "@/lib/validation/form-state";

/**
 * The answer to a row's button in a list, which takes the focus when it arrives: the button pressed
 * may disappear with the row's change, and focus must go to the answer, not to the page's start.
 */
export function FocusedAnswer({ state }: { state: FormState }) {
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") answer.current?.focus();
  }, [state]);
  return (
    <div ref={answer} tabIndex={-1} className="outline-none">
      <SavedNotice state={state} />
      <InlineProblem state={state} />
    </div>
  );
}
