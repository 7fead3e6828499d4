/**
 * The collaborative's mark: a disc with eight rays, drawn in the current text colour. Decorative
 * beside the portal's name (which says the same thing), so hidden from assistive technology.
 */
export function Mark({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className} fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round">
      <circle cx="16" cy="16" r="5.5" fill="currentColor" stroke="none" />
      <path d="M16 2.5v5M16 24.5v5M2.5 16h5M24.5 16h5M6.5 6.5l3.5 3.5M22 22l3.5 3.5M25.5 6.5 22 10M10 22l-3.5 3.5" />
    </svg>
  );
}
