import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CallClosingForm, NewCallForm } from "@/components/reviews/calls";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { BackHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { listCalls } from "@/lib/reviews/calls";
import { changeCallClosingAction, createCallAction } from "./actions";

export const metadata: Metadata = { title: "Calls for proposals" };

const STATE = { upcoming: ["blue", "Not open yet"], open: ["green", "Open"], closed: ["grey", "Closed"] } as const;

export default async function CallsPage() {
  const actor = await requireActor();
  if (!can(actor, "call.manage")) notFound();
  const calls = await listCalls(actor);
  return (
    <div className="max-w-4xl">
      <BackHeading href="/dashboard/review" backLabel="Proposals to review">
        Calls for proposals
      </BackHeading>
      <p className="mt-2 max-w-3xl">
        Leads can submit a proposal in a call while it is open; the committee reviews a call&apos;s proposals together (filter the review
        queue by call). A proposal cannot be submitted in a call after its closing date.
      </p>
      {calls.length === 0 ? (
        <p className="mt-6">There are no calls yet.</p>
      ) : (
        <DataTable
          className="mt-6"
          caption="Calls for proposals, the latest closing first"
          head={
            <>
              <ColumnHeader>Call</ColumnHeader>
              <ColumnHeader>Opens</ColumnHeader>
              <ColumnHeader>Closes</ColumnHeader>
              <ColumnHeader>State</ColumnHeader>
              <ColumnHeader>Proposals submitted</ColumnHeader>
            </>
          }
        >
          {calls.map((call) => (
            <Row key={call.id}>
              <RowHeader>
                {call.title}
                {call.description ? <span className="block text-sm font-normal text-muted">{call.description}</span> : null}
              </RowHeader>
              <Cell label="Opens">{formatDate(call.opensOn)}</Cell>
              <Cell label="Closes">{formatDate(call.closesOn)}</Cell>
              <Cell label="State">
                <Tag tone={STATE[call.state][0]}>{STATE[call.state][1]}</Tag>
              </Cell>
              <Cell label="Proposals submitted">
                <Link href={`/dashboard/review?call=${call.id}`}>
                  {call.proposals} <span className="sr-only">proposals in {call.title}: see those awaiting review</span>
                </Link>
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="new-call-title" className="mt-8 max-w-2xl">
        <h2 id="new-call-title" className="mb-4 text-2xl font-bold">
          Open a call
        </h2>
        <NewCallForm action={createCallAction} />
      </section>
      {calls.length > 0 ? (
        <section aria-labelledby="closing-title" className="mt-8 max-w-2xl">
          <h2 id="closing-title" className="mb-4 text-2xl font-bold">
            Change a closing date
          </h2>
          <CallClosingForm action={changeCallClosingAction} calls={calls} />
        </section>
      ) : null}
    </div>
  );
}
