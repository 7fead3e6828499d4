import type { Metadata } from "next";
import Link from "next/link";
import { readUnsubscribeLink } from "@/lib/notifications/preferences";
import { orNotFound } from "@/lib/server/or-not-found";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "Stop e-mails", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Where an e-mail's "stop e-mails like this one" link leads: a button, no sign-in needed. */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const link = await orNotFound(readUnsubscribeLink(token));
  return (
    <div className="max-w-2xl">
      {link.stopped ? (
        <>
          <h1 className="text-3xl font-bold">E-mails stopped</h1>
          <p role="status" className="mt-4 border-l-8 border-ok bg-white p-4 text-lg">
            You will no longer get {link.what}.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold">Stop e-mails</h1>
          <p className="mt-4 text-lg">This stops {link.what}.</p>
          <form method="post" action={`/unsubscribe/${token}`} className="mt-6">
            <Button type="submit">
              Stop these e-mails
            </Button>
          </form>
        </>
      )}
      <p className="mt-6">
        You still see every notification in the portal. Account and security e-mails, such as a password reset, are always sent.
      </p>
      <p className="mt-4">
        <Link href={link.settingsPath}>Choose what RADIANT e-mails you about</Link> (you will be asked to sign in).
      </p>
    </div>
  );
}
