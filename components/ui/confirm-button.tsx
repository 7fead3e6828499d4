"use client";

import { useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

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
  const confirmClass =
    tone === "danger"
      ? "bg-danger text-white border-[#6b1710] hover:bg-[#a12318]"
      : "bg-ok text-white border-[#00401e] hover:bg-[#00662f]";
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
        className={`cursor-pointer border-b-4 px-4 py-2 font-semibold disabled:opacity-70 ${confirmClass}`}
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
            className={`cursor-pointer border-b-4 px-4 py-2 font-semibold ${confirmClass}`}
          >
            {confirmLabel}
          </button>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="cursor-pointer border-b-4 border-[#aeb7bd] bg-line px-4 py-2 font-semibold text-ink"
          >
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
