import type { Metadata } from "next";
import Link from "next/link";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { requireActor } from "@/lib/auth/session";

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
  await requireActor();
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/dashboard/proposals">Your proposals</Link>
      </p>
      <h1 className="mt-2 mb-2 text-3xl font-bold">Propose a project</h1>
      <p className="mb-6 text-lg">
        You can save a draft at any point and come back to it. When you submit, the committee reviews it and you become its lead.
      </p>
      <ProposalForm projectId={null} version={null} initial={EMPTY} coLeads={[]} submitLabel="Submit for review" />
    </div>
  );
}
