import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailList } from "@/components/mail/email-list";
import { FilterSelect } from "@/components/ui/filter-select";
import { ListSearch, ResultCount, SearchBox } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listEmails } from "@/lib/mail/admin";
import { EMAIL_STATUS_LABELS, emailSearchSchema } from "@/lib/validation/mail";
import { resendEmailAction } from "./actions";

export const metadata: Metadata = { title: "E-mail sent by the portal" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "mail.manage")) notFound();
  const search = emailSearchSchema.parse(await searchParams);
  const list = await listEmails(actor, search);
  const filtered = Boolean(search.to || search.status);
  return (
    <div>
      <h1 className="text-3xl font-bold">E-mail sent by the portal</h1>
      <p className="mt-2 max-w-3xl">
        Every message the portal has sent or is about to send, kept for {list.retentionDays} days to help members who did not get one. A message
        the mail server refuses for good is marked failed here and is not tried again.
      </p>
      {list.failed > 0 ? (
        <p className="mt-4 border-l-8 border-danger bg-white p-4 font-semibold">
          {list.failed === 1 ? "1 message has failed." : `${list.failed} messages have failed.`}{" "}
          {search.status !== "FAILED" ? <Link href="/dashboard/mail?status=FAILED">Show the failed messages</Link> : null}
        </p>
      ) : null}
      <ListSearch layout={3} submitLabel="Find messages" clearHref="/dashboard/mail" filtered={filtered}>
        <SearchBox id="mail-to" name="to" label={<>Recipient&rsquo;s address</>} defaultValue={search.to ?? ""} />
        <FilterSelect id="mail-status" name="status" label="Status" defaultValue={search.status ?? ""} anyLabel="Any status" options={EMAIL_STATUS_LABELS} />
      </ListSearch>
      <ResultCount list={list} one="message" many="messages" filtered={filtered} things="messages" clearHref="/dashboard/mail" />
      {list.rows.length > 0 ? (
        <EmailList
          action={resendEmailAction}
          emails={list.rows.map((row) => ({
            id: row.id,
            to: row.to,
            subject: row.subject,
            kind: row.kind,
            status: row.status,
            attempts: row.attempts,
            lastError: row.lastError,
            createdAt: timeFormat.format(row.createdAt),
            outcomeAt: row.sentAt ? timeFormat.format(row.sentAt) : row.failedAt ? timeFormat.format(row.failedAt) : null,
            hadSecret: row.hadSecret,
          }))}
        />
      ) : null}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/dashboard/mail" params={{ to: search.to, status: search.status }} />
    </div>
  );
}
