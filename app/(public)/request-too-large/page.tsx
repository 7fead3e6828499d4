import type { Metadata } from "next";
import Link from "next/link";
import { BODY_LIMIT_BYTES } from "@/lib/security/body-limit";

export const metadata: Metadata = { title: "What you sent is too large", robots: { index: false } };

/** Where a form is sent when what it sent was over the size limit (proxy.ts answered 413). */
export default function RequestTooLargePage() {
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">What you sent is too large</h1>
      <p className="mb-4">
        The form you sent held more than {BODY_LIMIT_BYTES / (1024 * 1024)} MB, more than any form of RADIANT takes, so nothing was saved.
      </p>
      <p className="mb-4">Go back, shorten what you wrote, and send it again.</p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link> · <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
