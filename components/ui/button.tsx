"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";

const base =
  "inline-block border-b-4 px-4 py-2 font-semibold disabled:opacity-70 cursor-pointer";
const variants = {
  primary: "bg-ok text-white border-[#00401e] hover:bg-[#00662f]",
  secondary: "bg-line text-ink border-[#aeb7bd] hover:bg-[#c5ccd0]",
};

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string; variant?: keyof typeof variants }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`${base} ${variants[variant]}`} {...rest}>
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
