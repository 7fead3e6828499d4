import type { ReactNode } from "react";

// The colours of a status tag: a pale background and a dark text of the same hue (app/globals.css
// gives each pair at least 7:1). The words say the status; the colour only groups it.
export const TAG_TONES = {
  blue: "bg-tint-blue text-brand-dark",
  green: "bg-tint-green text-ok-dark",
  yellow: "bg-tint-yellow text-yellow-dark",
  red: "bg-tint-red text-danger-dark",
  grey: "bg-tint-grey text-ink",
  plain: "bg-line text-ink",
} as const;

export type TagTone = keyof typeof TAG_TONES;

/** A short status in a coloured box, e.g. "Data collection". */
export function Tag({ tone, children }: { tone: TagTone; children: ReactNode }) {
  return <strong className={`inline-block px-2 py-0.5 text-sm font-semibold ${TAG_TONES[tone]}`}>{children}</strong>;
}
