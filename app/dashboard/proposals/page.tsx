import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { listMyProposals } from "@/lib/projects/proposals";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { LinkButton } from "@/components/ui/buttons";

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
        <LinkButton href="/dashboard/proposals/new">
          Start a new proposal
        </LinkButton>
      </p>
      {proposals.length === 0 ? (
        <p className="mt-6">You have not proposed or co-led a project yet.</p>
      ) : (
        <DataTable
          className="mt-6 max-w-3xl"
          caption="Proposals and projects you lead"
          head={
            <>
              <ColumnHeader>Title</ColumnHeader>
              <ColumnHeader>Your role</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Last changed</ColumnHeader>
            </>
          }
        >
          {proposals.map((proposal) => (
            <Row key={proposal.id}>
              <RowHeader>
                <Link href={`/dashboard/proposals/${proposal.id}`}>{proposal.title || "Untitled proposal"}</Link>
              </RowHeader>
              <Cell label="Your role">{proposal.role === "LEAD" ? "Lead" : "Co-lead"}</Cell>
              <Cell label="Status">
                <StatusTag status={proposal.status} />
              </Cell>
              <Cell label="Last changed">{formatDate(proposal.updatedAt)}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </div>
  );
}
