"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "@/components/ui/buttons";

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)} {...rest}>
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
