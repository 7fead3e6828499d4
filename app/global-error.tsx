"use client";

import { ServerError } from "@/components/layout/server-error";
import "./globals.css";

// Replaces the root layout when the layout itself fails, so it brings its own document.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, something went wrong – RADIANT Portal</title>
      </head>
      <body className="min-h-screen font-sans antialiased">
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          <ServerError digest={error.digest} retry={retry} />
        </main>
      </body>
    </html>
  );
}
