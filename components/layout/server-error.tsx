"use client";

import { Button } from "@/components/ui/buttons";

/**
 * What a member sees when a page fails on the server: an apology, what to do, and the reference
 * support looks up in the logs (the digest, which the server's `request.error` line carries
 * beside the request's id; see docs/decisions/015-operations.md).
 */
export function ServerError({ digest, retry }: { digest?: string; retry?: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-4 text-lg">The portal could not finish what you asked. Try again in a moment.</p>
      {digest ? (
        <p className="mt-4">
          If it keeps happening, tell the RADIANT team what you were doing and give them this reference:{" "}
          <strong className="font-mono" data-testid="error-reference">
            {digest}
          </strong>
        </p>
      ) : (
        <p className="mt-4">If it keeps happening, reload the page, or tell the RADIANT team what you were doing.</p>
      )}
      {retry ? (
        <p className="mt-6">
          <Button onClick={retry}>
            Try again
          </Button>
        </p>
      ) : null}
    </div>
  );
}
