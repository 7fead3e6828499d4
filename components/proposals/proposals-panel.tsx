import Link from "next/link";
import { can, type AuthzActor } from "@/lib/authz";

/** The dashboard's way in to proposals and, for the committee, to the review queue. */
export function ProposalsPanel({ actor }: { actor: AuthzActor }) {
  return (
    <section aria-labelledby="proposals-panel-title" className="mt-8">
      <h2 id="proposals-panel-title" className="text-2xl font-bold">
        Proposals
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          <Link href="/dashboard/proposals">Your proposals and projects</Link>
        </li>
        <li>
          <Link href="/dashboard/proposals/new">Propose a project</Link>
        </li>
        {can(actor, "project.review") ? (
          <li>
            <Link href="/dashboard/review">Proposals to review</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
