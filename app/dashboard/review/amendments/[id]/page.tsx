import type { Metadata } from "next";
import Link from "next/link";
import { AmendmentComparison } from "@/components/amendments/amendment-comparison";
import { AmendmentDecisionForm } from "@/components/amendments/amendment-decision-form";
import { StatusTag } from "@/components/projects/status-tag";
import { Tag } from "@/components/ui/tag";
import { STATUS_WORDS } from "@/lib/amendments/moves";
import { getAmendmentReview } from "@/lib/amendments/read";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Decide on an amendment" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AmendmentReviewPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const view = await orNotFound(getAmendmentReview(actor, id));
  const { amendment, project } = view;
  const notice =
    query.decided === "approved"
      ? "The amendment is approved and applied to the project. Its leads have been told, and so have its site leads if what they do changed."
      : query.decided === "rejected"
        ? "The amendment is not approved. Its leads have been told, with your message."
        : null;
  return (
    <div className="max-w-4xl">
      <p>
        <Link href="/dashboard/review">Proposals to review</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        Amendment {amendment.number} to {project.title}
      </h1>
      <p className="mt-2">
        <StatusTag status={project.status} /> <Tag tone={amendment.status === "PROPOSED" ? "yellow" : "grey"}>{STATUS_WORDS[amendment.status]}</Tag>
      </p>
      {notice ? (
        <p role="status" className="mt-4 border-l-8 border-ok bg-white p-4 font-semibold">
          {notice}
        </p>
      ) : null}
      <p className="mt-4">
        Proposed {formatDate(amendment.proposedAt)} by {amendment.proposedBy}. The project runs as approved until the amendment is approved.
      </p>

      <section aria-labelledby="reason-title" className="mt-6">
        <h2 id="reason-title" className="text-2xl font-bold">
          Why the leads ask for it
        </h2>
        <p className="mt-2 whitespace-pre-line">{amendment.reason}</p>
      </section>

      <section aria-labelledby="comparison-title" className="mt-6">
        <h2 id="comparison-title" className="text-2xl font-bold">
          What it changes
        </h2>
        <AmendmentComparison
          changes={amendment.comparison}
          caption={`Fields amendment ${amendment.number} changes`}
          afterLabel={amendment.status === "APPROVED" ? "Amended" : "Proposed"}
        />
        {amendment.invites.length > 0 ? (
          <p className="mt-2">
            Invited to co-lead once approved: {amendment.invites.join(", ")}. They become co-leads only if they accept the invitation.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="decision-title" className="mt-8">
        <h2 id="decision-title" className="text-2xl font-bold">
          Decision
        </h2>
        {amendment.decidedAt ? (
          <p className="mt-2">
            {amendment.decidedBy} decided on {formatDate(amendment.decidedAt)}: {STATUS_WORDS[amendment.status]}.
            {amendment.decisionMessage ? ` “${amendment.decisionMessage}”` : ""}
          </p>
        ) : null}
        {view.cannotDecideReason ? (
          <p className="mt-2 border-l-8 border-brand bg-white p-4">{view.cannotDecideReason}</p>
        ) : (
          <div className="mt-4">
            <AmendmentDecisionForm amendmentId={amendment.id} />
          </div>
        )}
      </section>
    </div>
  );
}
