import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusTag } from "@/components/projects/status-tag";
import { FilterSelect } from "@/components/ui/filter-select";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { listCalls } from "@/lib/reviews/calls";
import { reviewQueue } from "@/lib/reviews/queue";
import { PendingAmendments } from "@/components/amendments/pending-amendments";
import { listPendingAmendments } from "@/lib/amendments/read";
import { reviewQueueSearchSchema } from "@/lib/validation/review-chair";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Proposals to review" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "project.review")) notFound();
  const search = reviewQueueSearchSchema.parse(await searchParams);
  const [list, calls, amendments] = await Promise.all([reviewQueue(actor, search), listCalls(actor), listPendingAmendments(actor)]);
  const queue = list.items;
  const chairs = can(actor, "call.manage");
  const filtered = Boolean(search.call || search.mine);
  return (
    <div>
      <h1 className="text-3xl font-bold">Proposals to review</h1>
      <p className="mt-2 max-w-2xl text-lg">
        Submitted proposals waiting for the committee: those of a call together, then the rest, oldest first. Proposals you lead, or
        declared a conflict of interest in, are not listed.
      </p>
      {chairs ? (
        <p className="mt-2">
          <Link href="/dashboard/review/calls">Calls for proposals</Link>
        </p>
      ) : null}
      <ListSearch layout={3} submitLabel="Show proposals" clearHref="/dashboard/review" filtered={filtered}>
        <FilterSelect
          id="queue-call"
          name="call"
          label="Call for proposals"
          defaultValue={search.call ?? ""}
          anyLabel="Any call, or none"
          options={Object.fromEntries(calls.map((call) => [call.id, call.title]))}
        />
        <FilterSelect id="queue-mine" name="mine" label="Assigned" defaultValue={search.mine ?? ""} anyLabel="To anyone" options={{ "1": "Assigned to me" }} />
      </ListSearch>
      {queue.length === 0 ? (
        <p className="mt-6">{filtered ? "No proposal waiting for review matches." : "There are no proposals waiting for review."}</p>
      ) : (
        <DataTable
          className="mt-6 max-w-5xl"
          caption="Proposals waiting for review"
          head={
            <>
              <ColumnHeader>Proposal</ColumnHeader>
              <ColumnHeader>Call</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Submitted</ColumnHeader>
              <ColumnHeader>Version</ColumnHeader>
              <ColumnHeader>Reviews of this version</ColumnHeader>
              <ColumnHeader>Reviewers assigned</ColumnHeader>
              <ColumnHeader>You</ColumnHeader>
            </>
          }
        >
          {queue.map((item) => (
            <Row key={item.id}>
              <RowHeader>
                <Link href={`/dashboard/review/${item.id}`}>{item.title}</Link>
              </RowHeader>
              <Cell label="Call">{item.call ? item.call.title : "Not in a call"}</Cell>
              <Cell label="Status">
                <StatusTag status={item.status} />
              </Cell>
              <Cell label="Submitted">{formatDate(item.submittedAt)}</Cell>
              <Cell label="Version">{item.round}</Cell>
              <Cell label="Reviews of this version">{item.reviewsThisRound}</Cell>
              <Cell label="Reviewers assigned">
                {item.assignedCount === 0 ? "None" : `${item.assignedCount}, first due ${formatDate(item.earliestDue)}`}
                {chairs ? (
                  <Link className="block" href={`/dashboard/review/${item.id}/reviewers`}>
                    Reviewers <span className="sr-only">of {item.title}</span>
                  </Link>
                ) : null}
              </Cell>
              <Cell label="You">
                {item.reviewedByMe ? (
                  "Reviewed"
                ) : item.myDueOn ? (
                  <strong>Assigned to you, due {formatDate(item.myDueOn)}</strong>
                ) : (
                  <strong>To review</strong>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/dashboard/review" params={{ call: search.call, mine: search.mine }} />
      <PendingAmendments amendments={amendments} />
    </div>
  );
}
