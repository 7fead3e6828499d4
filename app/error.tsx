"use client";

import { ServerError } from "@/components/layout/server-error";

export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ServerError digest={error.digest} retry={retry} />;
}
