import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { readDevelopmentMailbox } from "@/lib/mail/mailbox";
import { pageParam } from "@/lib/paging";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Development mailbox" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

/** The plain-text part with its links made clickable. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="mt-3 font-sans text-base break-words whitespace-pre-wrap">
      {parts.map((part, index) => (index % 2 === 1 ? <a key={index} href={part}>{part}</a> : part))}
    </pre>
  );
}

/** Development only, without SMTP_URL: what the portal would have e-mailed. Not found anywhere else. */
export default async function DevelopmentMailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { page: requested } = await searchParams;
  const mailbox = await orNotFound(readDevelopmentMailbox(pageParam(requested)));
  return (
    <div>
      <h1 className="text-3xl font-bold">Development mailbox</h1>
      <p className="mt-2 max-w-3xl">
        With no <code>SMTP_URL</code> set, the portal in development keeps every e-mail here instead of sending it. Set <code>SMTP_URL</code> to
        send them through a mail server. This page does not exist in production.
      </p>
      <p className="mt-4" role="status">
        {mailbox.total === 1 ? "1 message" : `${mailbox.total} messages`}, newest first.
      </p>
      <ol className="mt-4 space-y-4">
        {mailbox.messages.map((message) => (
          <li key={message.id} className="bg-white p-4">
            <h2 className="text-xl font-bold break-words">{message.subject}</h2>
            <p className="mt-1 text-sm">
              To <span className="break-code">{message.to}</span>, {timeFormat.format(message.createdAt)}
              {message.status === "QUEUED" ? " (waiting for the mail worker)" : ""}
            </p>
            <TextWithLinks text={message.text} />
          </li>
        ))}
      </ol>
      <Pagination page={mailbox.page} pageCount={mailbox.pageCount} basePath="/dev/mailbox" params={{}} />
    </div>
  );
}
