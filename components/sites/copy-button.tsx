"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/buttons";

/** Copies a block of text to the clipboard, and says so. */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-3">
      <button
        type="button"
        onClick={() => {
          const text = document.getElementById(targetId)?.textContent ?? "";
          // Without clipboard permission the text stays selectable by hand.
          navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false));
        }}
        className={buttonClass("secondary")}
      >
        {label}
      </button>
      <span role="status" className="font-semibold">
        {copied ? "Copied" : ""}
      </span>
    </span>
  );
}
