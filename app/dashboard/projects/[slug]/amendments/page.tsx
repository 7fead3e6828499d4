import type { Metadata } from "next";
import Link from "next/link";
import { AmendmentComparison } from "@/components/amendments/amendment-comparison";
import { AmendmentForm } from "@/components/amendments/amendment-form";
import { WithdrawAmendmentForm } from "@/components/amendments/withdraw-amendment-form";
import { StatusTag } from "@/components/projects/status-tag";
import { Tag } from "@/components/ui/tag";
import { INVITES_LABEL, STATUS_WORDS } from "@/lib/amendments/moves";
import { getProjectAmendments } from "@/lib/amendments/read";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Amendments" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const TONES = { PROPOSED: "yellow", APPROVED: "green", REJECTED: "red", WITHDRAWN: "grey" } as const;

export default async function AmendmentsPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const query = await searchParams;
  const view = await orNotFound(getProjectAmendments(actor, slug));
  const { project } = view;
  const sent = typeof query.sent === "string" && /^\d{1,6}$/.test(query.sent) ? query.sent : null;
  const notice = sent
    ? `Amendment ${sent} has been sent to the committee. The project runs as approved until the committee approves it.`
    : query.withdrawn
      ? "The amendment has been withdrawn. Nothing of the project changed."
      : null;
  return (
    <div className="max-w-4xl">
      <p>
        <Link href={`/dashboard/proposals/${project.id}`}>Your project</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Amendments</h1>
      <p className="mt-2 text-lg">{project.title}</p>
      <p className="mt-2">
        <StatusTag status={project.status} />
      </p>
      {notice ? (
        <p role="status" className="mt-4 border-l-8 border-ok bg-white p-4 font-semibold">
          {notice}
        </p>
      ) : null}
      <p className="mt-4">
        Once the committee has approved a project, a change to its collection window, its targets, its methods, its data items or its co-leads is an
        amendment: one committee member, or the chair, decides on it. Until then the project runs as approved.
      </p>

      <section aria-labelledby="list-title" className="mt-8">
        <h2 id="list-title" className="text-2xl font-bold">
          Amendments proposed
        </h2>
        {view.amendments.length === 0 ? <p className="mt-2">None yet.</p> : null}
        {view.amendments.map((amendment) => (
          <article key={amendment.id} aria-labelledby={`amendment-${amendment.number}`} className="mt-6 border-l-4 border-ink pl-4">
            <h3 id={`amendment-${amendment.number}`} className="text-xl font-bold">
              Amendment {amendment.number}{" "}
              <Tag tone={TONES[amendment.status]}>{STATUS_WORDS[amendment.status]}</Tag>
            </h3>
            <p className="mt-1">
              Proposed {formatDate(amendment.proposedAt)} by {amendment.proposedBy}
              {amendment.decidedAt && amendment.decidedBy ? `; decided ${formatDate(amendment.decidedAt)} by ${amendment.decidedBy}` : ""}
              {amendment.versionNumber ? `. It became version ${amendment.versionNumber} of the project.` : "."}
            </p>
            <p className="mt-2 whitespace-pre-line">
              <span className="font-semibold">Why: </span>
              {amendment.reason}
            </p>
            <AmendmentComparison
              changes={amendment.comparison}
              caption={`What amendment ${amendment.number} changes`}
              afterLabel={amendment.status === "APPROVED" ? "Amended" : "Proposed"}
            />
            {amendment.invites.length > 0 ? (
              <p className="mt-2">
                {INVITES_LABEL[amendment.status]}
                {amendment.invites.join(", ")}
              </p>
            ) : null}
            {amendment.decisionMessage ? (
              <p className="mt-2 whitespace-pre-line">
                <span className="font-semibold">The committee said: </span>
                {amendment.decisionMessage}
              </p>
            ) : null}
            <p className="mt-2">
              <Link href={`/dashboard/review/amendments/${amendment.id}`}>See amendment {amendment.number} as the committee reads it</Link>
            </p>
            {amendment.status === "PROPOSED" ? <WithdrawAmendmentForm amendmentId={amendment.id} number={amendment.number} /> : null}
          </article>
        ))}
      </section>

      <section aria-labelledby="propose-title" className="mt-10">
        <h2 id="propose-title" className="text-2xl font-bold">
          Propose an amendment
        </h2>
        {view.cannotProposeReason ? (
          <p className="mt-2 border-l-8 border-brand bg-white p-4">{view.cannotProposeReason}</p>
        ) : (
          <>
            <p className="mt-2 mb-4">The form shows the project as approved. Change what needs to change, and say why.</p>
            <AmendmentForm projectId={project.id} current={view.current} coLeads={view.coLeads} />
          </>
        )}
      </section>
    </div>
  );
}
