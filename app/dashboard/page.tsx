import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailNotice } from "@/components/accounts/confirm-email-notice";
import { InvitationsPanel } from "@/components/invitations/invitations-panel";
import { TraineeDashboard } from "@/components/trainees/trainee-dashboard";
import { ProposalsPanel } from "@/components/proposals/proposals-panel";
import { RoleWorkPanel } from "@/components/users/role-work-panel";
import { StudiesPanel } from "@/components/sites/studies-panel";
import { ObservedSites } from "@/components/sites/observed-sites";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listMyInvitations } from "@/lib/invitations/lists";
import { getMyStudies } from "@/lib/sites/mine";
import { getDashboardSummary } from "@/lib/users/dashboard";
import { getRoleWork } from "@/lib/users/role-work";
import { GRADE_LABELS } from "@/lib/validation/auth";
import { answerInvitationAction } from "./actions";
import { loadTraineeDashboard } from "./trainee-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const summaryRead = getDashboardSummary(actor);
  const [summary, work, studies, invitations, trainee] = await Promise.all([
    summaryRead,
    getRoleWork(actor),
    getMyStudies(actor),
    listMyInvitations(actor),
    loadTraineeDashboard(actor, searchParams, summaryRead),
  ]);
  const { hospitalRequests, failedEmails } = work.admin ?? { hospitalRequests: 0, failedEmails: 0 };
  const { welcome, confirmed, observing } = await searchParams;
  return (
    <div>
      {welcome ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          {welcome === "invited" && actor.emailVerified
            ? "Your account has been created, and your e-mail address is confirmed: you came from the invitation sent to it. Welcome to RADIANT."
            : "Your account has been created. Welcome to RADIANT."}
        </div>
      ) : null}
      {confirmed && actor.emailVerified ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          Your e-mail address has been confirmed. You can now ask to join projects, register your hospital and propose projects.
        </div>
      ) : null}
      <h1 className="text-3xl font-bold">Hello, {summary.name}</h1>
      <p className="mt-2 text-lg">
        You are signed in as <strong>{summary.roles.join(", ")}</strong>.
      </p>
      {actor.emailVerified ? null : <ConfirmEmailNotice email={actor.email} />}
      {/* What waits on the person in each role first; their own projects and the search for one after. */}
      <RoleWorkPanel work={work} />
      <InvitationsPanel invitations={invitations} action={answerInvitationAction} />
      <div className="mt-8">
        <StudiesPanel studies={studies} />
      </div>
      <ObservedSites sites={summary.observing} stopped={observing === "stopped"} />
      <ProposalsPanel actor={actor} />
      <dl className="mt-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 bg-white p-4">
        <dt className="font-semibold">Grade</dt>
        <dd>{summary.grade ? GRADE_LABELS[summary.grade] : "Not given"}</dd>
        <dt className="font-semibold">Training region</dt>
        <dd>{summary.region ?? "Not given"}</dd>
        <dt className="font-semibold">Home hospital</dt>
        <dd>{summary.homeSite ?? "Not given"}</dd>
        <dt className="font-semibold">Active collaborations</dt>
        <dd>{summary.collaborations}</dd>
      </dl>
      <ul className="mt-6 space-y-2">
        <li>
          <Link href="/projects">Browse projects open to sites</Link>
        </li>
        <li>
          <Link href="/dashboard/account">Your account and password</Link>
        </li>
        {can(actor, "audit.read") ? (
          <li>
            <Link href="/dashboard/audit">Audit log</Link>
          </li>
        ) : null}
        {can(actor, "users.manageRoles") ? (
          <li>
            <Link href="/dashboard/members">Members and roles</Link>
          </li>
        ) : null}
        {can(actor, "reference.manage") ? (
          <li>
            <Link href="/dashboard/hospitals">Hospitals and regions</Link>
          </li>
        ) : null}
        {can(actor, "reference.manage") ? (
          <li>
            <Link href="/dashboard/hospital-requests">Requests for missing hospitals</Link>
            {hospitalRequests > 0 ? <strong className="ml-2">{hospitalRequests === 1 ? "1 waiting" : `${hospitalRequests} waiting`}</strong> : null}
          </li>
        ) : null}
        {can(actor, "mail.manage") ? (
          <li>
            <Link href="/dashboard/mail">E-mail sent by the portal</Link>
            {failedEmails > 0 ? <strong className="ml-2 text-danger">{failedEmails === 1 ? "1 failed" : `${failedEmails} failed`}</strong> : null}
          </li>
        ) : null}
        {can(actor, "operations.view") ? (
          <li>
            <Link href="/dashboard/status">Status of the portal</Link>
          </li>
        ) : null}
      </ul>
      <TraineeDashboard {...trainee} />
    </div>
  );
}
