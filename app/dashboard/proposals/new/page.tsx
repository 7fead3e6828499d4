import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailNotice } from "@/components/accounts/confirm-email-notice";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { requireActor } from "@/lib/auth/session";
import { needsConfirmedEmail } from "@/lib/authz";
import { openCalls } from "@/lib/reviews/calls";

export const metadata: Metadata = { title: "Propose a project" };

const EMPTY = {
  title: "",
  summary: "",
  background: "",
  aims: "",
  primaryOutcome: "",
  methods: "",
  design: "",
  modalities: [],
  subspecialties: [],
  dataItems: "",
  governanceRoute: "",
  collectionStart: "",
  collectionEnd: "",
  targetSites: "",
  targetCasesPerSite: "",
  supervisorName: "",
  supervisorEmail: "",
};

export default async function NewProposalPage() {
  const actor = await requireActor();
  if (needsConfirmedEmail(actor, "project.propose")) {
    return (
      <div className="max-w-3xl">
        <p>
          <Link href="/dashboard/proposals">Your proposals</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Propose a project</h1>
        <ConfirmEmailNotice email={actor.email} unavailable="propose a project" />
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/dashboard/proposals">Your proposals</Link>
      </p>
      <h1 className="mt-2 mb-2 text-3xl font-bold">Propose a project</h1>
      <p className="mb-6 text-lg">
        You can save a draft at any point and come back to it. When you submit, the committee reviews it and you become its lead.
      </p>
      <ProposalForm projectId={null} version={null} initial={EMPTY} coLeads={[]} calls={await openCalls(actor)} submitLabel="Submit for review" />
    </div>
  );
}
