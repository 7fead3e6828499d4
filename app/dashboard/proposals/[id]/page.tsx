import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { LifecycleButtons, type MoveButton } from "@/components/proposals/lifecycle-buttons";
import { ProposalDetails } from "@/components/proposals/proposal-details";
import { WithdrawInvitationButton } from "@/components/invitations/withdraw-invitation-button";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { CommitteeFeedbackPanel } from "@/components/proposals/committee-feedback";
import { StudyDocumentsPanel } from "@/components/documents/study-documents-panel";
import { listProjectDocuments } from "@/lib/documents/documents";
import { requireActor } from "@/lib/auth/session";
import type { LeadMove } from "@/lib/projects/lifecycle";
import { withdrawCoLeadInvitationAction } from "../actions";
import { getProposalForLead } from "@/lib/projects/proposals";
import { SETTINGS_OPEN_STATUSES } from "@/lib/sites/settings";
import { AMENDABLE_STATUSES } from "@/lib/amendments/moves";
import { PUBLIC_STATUSES, STATUS_LABELS } from "@/lib/validation/projects";
import { proposalFormInput } from "@/lib/validation/proposals";
import { orNotFound } from "@/lib/server/or-not-found";
import { openCalls } from "@/lib/reviews/calls";

export const metadata: Metadata = { title: "Your proposal" };

const BUTTONS: Record<LeadMove, Omit<MoveButton, "move">> = {
  openToSites: {
    label: "Open to sites",
    question: "Open the project to sites?",
    explanation: "Hospitals can then register to take part, and the project appears on the public list of projects.",
  },
  startCollection: {
    label: "Start data collection",
    question: "Start data collection?",
    explanation: "Sites with their approvals recorded can start entering cases. After this the project can no longer be withdrawn.",
  },
  startAnalysis: {
    label: "Close data collection and start analysis",
    question: "Close data collection?",
    explanation: "Sites can no longer add cases, and the project moves to analysis.",
  },
  complete: {
    label: "Mark as completed",
    question: "Mark the project as completed?",
    explanation: "Do this once the results are written up. The project stays on the public list as completed.",
  },
  withdraw: {
    label: "Withdraw the project",
    question: "Withdraw the project?",
    explanation: "The project stops for good: the committee and sites are no longer asked to act on it. This cannot be undone.",
  },
};

/** The heading over the lead's buttons says no more than the buttons do. */
function movesHeading(moves: LeadMove[]): string {
  const onward = moves.some((move) => move !== "withdraw");
  if (!onward) return "Withdraw the project";
  return moves.includes("withdraw") ? "Move the project on, or withdraw it" : "Move the project on";
}

const NOTICES: Record<string, string> = {
  saved: "Your draft has been saved.",
  invited: "Your draft has been saved, and an invitation to be a co-lead has been sent. They become a co-lead when they accept it.",
  submitted: "Your proposal has been submitted. The committee has been told and will review it.",
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProposalPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const proposal = await orNotFound(getProposalForLead(actor, id));
  const documents = await listProjectDocuments(actor, proposal.id);
  const notice = query.saved ? (query.invited ? NOTICES.invited : NOTICES.saved) : query.submitted ? NOTICES.submitted : query.moved ? `The project is now: ${STATUS_LABELS[proposal.status].toLowerCase()}.` : null;
  const buttons = proposal.moves.map((move) => ({ move: move as LeadMove, ...BUTTONS[move as LeadMove] }));
  const isPublic = (PUBLIC_STATUSES as readonly string[]).includes(proposal.status);
  return (
    <div>
      <p>
        <Link href="/dashboard/proposals">Your proposals</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{proposal.content.title || "Untitled proposal"}</h1>
      <p className="mt-2">
        <StatusTag status={proposal.status} />
        {proposal.versions > 0 ? <span className="ml-3 text-muted">Submitted versions: {proposal.versions}</span> : null}
      </p>
      {/* While the form is on the page it shows the outcome itself, so that an answer to the next save replaces this one. */}
      {notice && !proposal.editable ? (
        <div role="status" className="mt-4 border-l-8 border-ok bg-white p-4">
          {notice}
        </div>
      ) : null}
      {isPublic ? (
        <p className="mt-4">
          <Link href={`/projects/${proposal.slug}`}>See the public page of the project</Link>
        </p>
      ) : null}
      {SETTINGS_OPEN_STATUSES.includes(proposal.status) ? (
        <p className="mt-2">
          <Link href={`/dashboard/projects/${proposal.slug}/settings`}>Study settings: team size and who is citable</Link>
        </p>
      ) : null}
      {AMENDABLE_STATUSES.includes(proposal.status) ? (
        <p className="mt-2">
          <Link href={`/dashboard/projects/${proposal.slug}/amendments`}>Amendments: change the window, targets, methods, data items or co-leads</Link>
        </p>
      ) : null}

      {proposal.editable ? (
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="form-title">
            <h2 id="form-title" className="mb-4 text-2xl font-bold">
              {proposal.status === "CHANGES_REQUESTED" ? "Revise your proposal" : "Your proposal"}
            </h2>
            <ProposalForm
              projectId={proposal.id}
              version={proposal.version}
              initial={proposalFormInput(proposal.content)}
              coLeads={proposal.coLeads}
              invitedCoLeads={proposal.invitedCoLeads}
              unsaved={proposal.unsavedFields}
              outcome={notice ?? undefined}
              calls={await proposalCalls(actor, proposal.call)}
              callId={proposal.call?.id ?? null}
              submitLabel={proposal.status === "CHANGES_REQUESTED" ? "Resubmit for review" : "Submit for review"}
            />
          </section>
          {proposal.latestDecision ? <CommitteeFeedbackPanel decision={proposal.latestDecision} feedback={proposal.feedback} /> : null}
        </div>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="details-title">
            <h2 id="details-title" className="mb-4 text-2xl font-bold">
              What the proposal says
            </h2>
            <ProposalDetails content={proposal.content} />
            {proposal.invitedCoLeads.length > 0 ? (
              <section aria-labelledby="invited-title" className="mt-6">
                <h3 id="invited-title" className="text-xl font-bold">
                  Invited as co-leads, waiting for an answer
                </h3>
                <p className="mt-1">They become co-leads when they accept.</p>
                <ul className="mt-2 space-y-2">
                  {proposal.invitedCoLeads.map((invitation) => (
                    <li key={invitation.id} className="flex flex-wrap items-start justify-between gap-3 bg-white p-3">
                      <span className="break-code">{invitation.label}</span>
                      <WithdrawInvitationButton action={withdrawCoLeadInvitationAction} invitationId={invitation.id} name={invitation.label} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </section>
          {proposal.latestDecision ? <CommitteeFeedbackPanel decision={proposal.latestDecision} feedback={proposal.feedback} /> : null}
        </div>
      )}

      <StudyDocumentsPanel documents={documents.documents} uploadHref={documents.canUpload ? `/dashboard/proposals/${proposal.id}/documents` : undefined} />

      {buttons.length > 0 ? (
        <section aria-labelledby="moves-title" className="mt-10">
          <h2 id="moves-title" className="mb-4 text-2xl font-bold">
            {movesHeading(buttons.map((button) => button.move))}
          </h2>
          <LifecycleButtons projectId={proposal.id} buttons={buttons} />
        </section>
      ) : null}
    </div>
  );
}

/** The calls a lead may choose: those open now, and the one the proposal is in even if it closed. */
async function proposalCalls(actor: Parameters<typeof openCalls>[0], current: { id: string; title: string; closesOn: Date } | null) {
  const open = await openCalls(actor);
  return current && !open.some((call) => call.id === current.id) ? [current, ...open] : open;
}
