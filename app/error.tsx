"use client";

import { ServerError } from "@/components/layout/server-error";

export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <>
      {/* An error boundary cannot export metadata; React puts this title in the head. */}
      <title>Sorry, something went wrong – RADIANT Portal</title>
      <ServerError digest={error.digest} retry={retry} />
    </>
  );
}
