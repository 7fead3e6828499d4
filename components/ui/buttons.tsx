import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

// The portal's buttons, one definition for every <button> and every link that looks like one.
// This module has no "use client", so server pages can call `buttonClass` too; the submit button
// that watches its form (components/ui/button.tsx) is a client component and takes its classes
// from here.

const base = "inline-block cursor-pointer border-b-4 px-4 py-2 font-semibold disabled:opacity-70";

const variants = {
  primary: "border-ok-dark bg-ok text-white hover:bg-ok-hover",
  secondary: "border-line-dark bg-line text-ink hover:bg-line-hover",
  danger: "border-danger-dark bg-danger text-white hover:bg-danger-hover",
} as const;

// A link would otherwise take the underline and the link colours of app/globals.css.
const asLink = {
  primary: "no-underline hover:text-white",
  secondary: "no-underline hover:text-ink",
  danger: "no-underline hover:text-white",
} as const;

export type ButtonVariant = keyof typeof variants;

/** The classes of a button of this variant (`link` for an <a> that looks like a button). */
export function buttonClass(variant: ButtonVariant = "primary", { link = false }: { link?: boolean } = {}): string {
  return link ? `${base} ${variants[variant]} ${asLink[variant]}` : `${base} ${variants[variant]}`;
}

/** A button (type "button" unless told otherwise). */
export function Button({
  variant = "primary",
  type = "button",
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={className ? `${buttonClass(variant)} ${className}` : buttonClass(variant)} {...rest} />;
}

/** A link that looks like a button: it goes somewhere, it does not change anything. */
export function LinkButton({ variant = "primary", className, ...rest }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  const classes = buttonClass(variant, { link: true });
  return <Link className={className ? `${classes} ${className}` : classes} {...rest} />;
}
