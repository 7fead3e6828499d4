import type { Metadata } from "next";
import Link from "next/link";
import { InvitationsPanel } from "@/components/invitations/invitations-panel";
import { TraineeDashboard } from "@/components/trainees/trainee-dashboard";
import { ProposalsPanel } from "@/components/proposals/proposals-panel";
import { StudiesPanel } from "@/components/sites/studies-panel";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listMyInvitations } from "@/lib/invitations/lists";
import { getMyStudies } from "@/lib/sites/mine";
import { getDashboardSummary } from "@/lib/users/dashboard";
import { GRADE_LABELS } from "@/lib/validation/auth";
import { answerInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const [summary, studies, invitations] = await Promise.all([getDashboardSummary(actor), getMyStudies(actor), listMyInvitations(actor)]);
  const { welcome } = await searchParams;
  return (
    <div>
      {welcome ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          {welcome === "invited" && actor.emailVerified
            ? "Your account has been created, and your e-mail address is confirmed: you came from the invitation sent to it. Welcome to RADIANT."
            : "Your account has been created. Welcome to RADIANT."}
        </div>
      ) : null}
      <h1 className="text-3xl font-bold">Hello, {summary.name}</h1>
      <p className="mt-2 text-lg">
        You are signed in as <strong>{summary.roles.join(", ")}</strong>.
      </p>
      <InvitationsPanel invitations={invitations} action={answerInvitationAction} />
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
      </ul>
      <div className="mt-8">
        <StudiesPanel studies={studies} />
      </div>
      <TraineeDashboard actor={actor} searchParams={searchParams} />
      <ProposalsPanel actor={actor} />
    </div>
  );
}
