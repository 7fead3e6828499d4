import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { listMyProposals } from "@/lib/projects/proposals";

export const metadata: Metadata = { title: "Your proposals" };

export default async function ProposalsPage() {
  const actor = await requireActor();
  const proposals = await listMyProposals(actor);
  return (
    <div>
      <h1 className="text-3xl font-bold">Your proposals and projects</h1>
      <p className="mt-2 max-w-2xl text-lg">
        Any member may propose a project. Save a draft as often as you like; the committee sees it only when you submit it.
      </p>
      <p className="mt-4">
        <Link href="/dashboard/proposals/new" className="inline-block border-b-4 border-[#00401e] bg-ok px-4 py-2 font-semibold text-white no-underline hover:bg-[#00662f] hover:text-white">
          Start a new proposal
        </Link>
      </p>
      {proposals.length === 0 ? (
        <p className="mt-6">You have not proposed or co-led a project yet.</p>
      ) : (
        <table className="mt-6 w-full max-w-3xl border-collapse bg-white text-left">
          <caption className="sr-only">Proposals and projects you lead</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">Title</th>
              <th scope="col" className="p-2">Your role</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((proposal) => (
              <tr key={proposal.id} className="border-b border-line">
                <td className="p-2">
                  <Link href={`/dashboard/proposals/${proposal.id}`}>{proposal.title || "Untitled proposal"}</Link>
                </td>
                <td className="p-2">{proposal.role === "LEAD" ? "Lead" : "Co-lead"}</td>
                <td className="p-2">
                  <StatusTag status={proposal.status} />
                </td>
                <td className="p-2">{formatDate(proposal.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
