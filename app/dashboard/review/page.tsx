import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusTag } from "@/components/projects/status-tag";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { pageParam } from "@/lib/paging";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { reviewQueue } from "@/lib/reviews/queue";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Proposals to review" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "project.review")) notFound();
  const list = await reviewQueue(actor, pageParam((await searchParams).page));
  const queue = list.items;
  return (
    <div>
      <h1 className="text-3xl font-bold">Proposals to review</h1>
      <p className="mt-2 max-w-2xl text-lg">Submitted proposals waiting for the committee, oldest first. Proposals you lead are not listed.</p>
      {queue.length === 0 ? (
        <p className="mt-6">There are no proposals waiting for review.</p>
      ) : (
        <DataTable
          className="mt-6 max-w-4xl"
          caption="Proposals waiting for review"
          head={
            <>
              <ColumnHeader>Proposal</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Submitted</ColumnHeader>
              <ColumnHeader>Version</ColumnHeader>
              <ColumnHeader>Reviews of this version</ColumnHeader>
              <ColumnHeader>You</ColumnHeader>
            </>
          }
        >
          {queue.map((item) => (
            <Row key={item.id}>
              <RowHeader>
                <Link href={`/dashboard/review/${item.id}`}>{item.title}</Link>
              </RowHeader>
              <Cell label="Status">
                <StatusTag status={item.status} />
              </Cell>
              <Cell label="Submitted">{formatDate(item.submittedAt)}</Cell>
              <Cell label="Version">{item.round}</Cell>
              <Cell label="Reviews of this version">{item.reviewsThisRound}</Cell>
              <Cell label="You">{item.reviewedByMe ? "Reviewed" : <strong>To review</strong>}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/dashboard/review" params={{}} />
    </div>
  );
}
