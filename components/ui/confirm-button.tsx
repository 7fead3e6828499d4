"use client";

import { useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/buttons";

/**
 * A button that asks before it submits its form: for moves that cannot be
 * undone (withdrawing, leaving, removing). Uses <dialog>, which keeps focus
 * inside while open and returns it to the button when closed.
 */
export function ConfirmButton({
  children,
  title,
  body,
  confirmLabel,
  tone = "danger",
}: {
  children: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { pending } = useFormStatus();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
        className={buttonClass(tone)}
      >
        {children}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto max-w-lg border-4 border-ink p-6 backdrop:bg-black/50">
        <h2 id={titleId} className="text-xl font-bold">
          {title}
        </h2>
        <div className="mt-3">{body}</div>
        <div className="mt-6 flex flex-wrap gap-4">
          <button
            type="submit"
            onClick={() => dialog.current?.close()}
            className={buttonClass(tone)}
          >
            {confirmLabel}
          </button>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className={buttonClass("secondary")}
          >
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
