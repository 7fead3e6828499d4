"use client";

import Link from "next/link";
import { Mark } from "@/components/layout/mark";
import { ServerError } from "@/components/layout/server-error";
import "./globals.css";

// Replaces the root layout when the layout itself fails (its header reads the session), so it
// brings its own document and a plain header that needs nothing from the server.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, something went wrong – RADIANT Portal</title>
      </head>
      <body className="min-h-screen font-sans antialiased">
        <header className="bg-brand text-white">
          <div className="mx-auto max-w-5xl px-4 py-4">
            <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
              <Mark className="mr-2 inline-block size-7 align-[-0.25em]" />
              RADIANT Portal
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          <ServerError digest={error.digest} retry={retry} />
          <p className="mt-6">
            <Link href="/">Go to the home page</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
