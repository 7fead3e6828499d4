"use client";

import Link from "next/link";
import { ServerError } from "@/components/layout/server-error";

// A page failed on the server (or in the browser): the root layout still stands, with its header.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <>
      {/* An error boundary cannot export metadata; React puts this title in the head. */}
      <title>Sorry, something went wrong – RADIANT Portal</title>
      <ServerError digest={error.digest} retry={retry} />
      <p className="mt-6">
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
