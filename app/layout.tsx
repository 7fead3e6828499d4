import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { currentActor, currentUnreadNotifications } from "@/lib/auth/session";
import { signOutAction } from "./(auth)/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "RADIANT Portal", template: "%s – RADIANT Portal" },
  description: "The research collaborative of UK radiology trainees: join multicentre audits and studies at your hospital.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Both read the one session lookup of the request (cached): the header costs no query of its own.
  const [actor, unread] = await Promise.all([currentActor(), currentUnreadNotifications()]);
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only bg-focus p-2 text-ink focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Skip to main content
        </a>
        <SiteHeader signedIn={actor ? { unread, signOutAction } : null} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mt-12 border-t border-line bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-muted">
            <span>RADIANT: the UK radiology trainee research collaborative, with the Royal College of Radiologists.</span>
            <span className="flex flex-wrap gap-x-6 gap-y-2">
              <a href="/outputs">Research outputs</a>
              <a href="/privacy">Privacy notice</a>
            </span>
          </div>
        </footer>
      </body>
    </html>
  );
}
