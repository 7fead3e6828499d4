import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import type { PendingAmendment } from "@/lib/amendments/read";

/** The amendments to approved projects waiting for one committee member, or the chair, to decide. */
export function PendingAmendments({ amendments }: { amendments: PendingAmendment[] }) {
  return (
    <section aria-labelledby="pending-amendments-title" className="mt-8">
      <h2 id="pending-amendments-title" className="text-2xl font-bold">
        Amendments waiting for a decision
      </h2>
      {amendments.length === 0 ? (
        <p className="mt-2">No amendment is waiting.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {amendments.map((amendment) => (
            <li key={amendment.id} className="bg-white p-3">
              <Link href={`/dashboard/review/amendments/${amendment.id}`} className="font-semibold">
                Amendment {amendment.number} to {amendment.projectTitle}
              </Link>
              <span className="block">Proposed {formatDate(amendment.proposedAt)}</span>
              {amendment.cannotDecideReason ? <span className="block">{amendment.cannotDecideReason}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
