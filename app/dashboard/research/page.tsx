import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { COLLABORATION_STATUS_LABELS, ROLE_LABELS, historyLabel } from "@/components/trainees/labels";
import { LeaveForm } from "@/components/trainees/participation-forms";
import { requireActor } from "@/lib/auth/session";
import { getMyResearch } from "@/lib/collaborations/my-research";
import { formatDate, formatWindow } from "@/lib/format/dates";
import { PUBLIC_STATUSES, STATUS_LABELS, type PublicStatus } from "@/lib/validation/projects";
import { leaveFromResearchAction } from "./actions";
import { buttonClass } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "My research" };

export default async function MyResearchPage() {
  const actor = await requireActor();
  const research = await getMyResearch(actor);
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">My research</h1>
      <p className="mt-2 text-lg">Every project you have asked to join, what you did and what changed.</p>
      {research.collaborations.length === 0 ? (
        <p className="mt-6">
          You have not joined a project yet. <Link href="/dashboard">Find a project open at your hospital</Link>.
        </p>
      ) : (
        <ul className="mt-6 space-y-6">
          {research.collaborations.map((collaboration) => (
            <li key={collaboration.id}>
              <article aria-labelledby={`c-${collaboration.id}`} className="border-t-4 border-brand bg-white p-4">
                <h2 id={`c-${collaboration.id}`} className="text-xl font-bold">
                  <Link href={`/projects/${collaboration.project.slug}`}>{collaboration.project.title}</Link>
                </h2>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                  <dt className="font-semibold">Your status</dt>
                  <dd data-testid="collaboration-status">{COLLABORATION_STATUS_LABELS[collaboration.status]}</dd>
                  <dt className="font-semibold">Role</dt>
                  <dd>{ROLE_LABELS[collaboration.role]}</dd>
                  <dt className="font-semibold">Hospital</dt>
                  <dd>{collaboration.site}</dd>
                  <dt className="font-semibold">Project status</dt>
                  <dd>
                    {(PUBLIC_STATUSES as readonly string[]).includes(collaboration.project.status) ? (
                      <StatusTag status={collaboration.project.status as PublicStatus} />
                    ) : (
                      STATUS_LABELS[collaboration.project.status]
                    )}
                  </dd>
                  <dt className="font-semibold">Data collection</dt>
                  <dd>{formatWindow(collaboration.project.collectionStart, collaboration.project.collectionEnd)}</dd>
                  <dt className="font-semibold">Your contribution</dt>
                  <dd>{collaboration.contribution ?? "Not recorded yet"}</dd>
                </dl>
                <h3 className="mt-4 font-bold">History</h3>
                <ol className="mt-1 list-disc pl-6">
                  {collaboration.history.length > 0 ? (
                    collaboration.history.map((entry, index) => (
                      <li key={index}>
                        {historyLabel(entry.action)} on {formatDate(entry.at)}
                      </li>
                    ))
                  ) : (
                    <>
                      <li>Asked to join on {formatDate(collaboration.requestedAt)}</li>
                      {collaboration.decidedAt ? (
                        <li>
                          {COLLABORATION_STATUS_LABELS[collaboration.status]} on {formatDate(collaboration.decidedAt)}
                        </li>
                      ) : null}
                    </>
                  )}
                </ol>
                <div className="mt-4 flex flex-wrap gap-4">
                  {collaboration.certificateAvailable ? (
                    <a
                      href="/dashboard/certificates"
                      className={buttonClass("primary", { link: true })}
                    >
                      Download certificate (PDF)<span className="sr-only"> for {collaboration.project.title}</span>
                    </a>
                  ) : null}
                  {collaboration.canLeave ? (
                    <LeaveForm
                      action={leaveFromResearchAction}
                      collaborationId={collaboration.id}
                      label={collaboration.status === "REQUESTED" ? "Withdraw request" : "Leave project"}
                      body={
                        <p>
                          You will no longer take part in {collaboration.project.title} at {collaboration.site}.
                        </p>
                      }
                    />
                  ) : collaboration.leaveRefusal ? (
                    <p>{collaboration.leaveRefusal}</p>
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {research.interests.length > 0 ? (
        <section aria-labelledby="interests-title" className="mt-8">
          <h2 id="interests-title" className="text-2xl font-bold">
            Interest you registered
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {research.interests.map((interest) => (
              <li key={interest.slug}>
                <Link href={`/projects/${interest.slug}`}>{interest.project}</Link> at {interest.site}, on {formatDate(interest.at)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
