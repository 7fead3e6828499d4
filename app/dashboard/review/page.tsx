import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusTag } from "@/components/projects/status-tag";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { pageParam } from "@/lib/paging";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { reviewQueue } from "@/lib/reviews/reviews";

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
        <table className="mt-6 w-full max-w-4xl border-collapse bg-white text-left">
          <caption className="sr-only">Proposals waiting for review</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">Proposal</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Submitted</th>
              <th scope="col" className="p-2">Version</th>
              <th scope="col" className="p-2">Reviews of this version</th>
              <th scope="col" className="p-2">You</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id} className="border-b border-line">
                <td className="p-2">
                  <Link href={`/dashboard/review/${item.id}`}>{item.title}</Link>
                </td>
                <td className="p-2">
                  <StatusTag status={item.status} />
                </td>
                <td className="p-2">{formatDate(item.submittedAt)}</td>
                <td className="p-2">{item.round}</td>
                <td className="p-2">{item.reviewsThisRound}</td>
                <td className="p-2">{item.reviewedByMe ? "Reviewed" : <strong>To review</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/dashboard/review" params={{}} />
    </div>
  );
}
