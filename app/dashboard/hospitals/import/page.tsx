import type { Metadata } from "next";
import { BackHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/reference/import-form";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listRegionChoices } from "@/lib/reference/hospitals";
import { applyImportAction, previewImportAction } from "../actions";

export const metadata: Metadata = { title: "Import the NHS organisation files" };

export default async function ImportHospitalsPage() {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const regions = await listRegionChoices(actor);
  return (
    <div>
      <BackHeading href="/dashboard/hospitals" backLabel="Back to the hospitals">
        Import the NHS organisation files
      </BackHeading>
      <div className="mt-2 mb-6 max-w-3xl space-y-2">
        <p>
          The NHS organisation data service publishes its trusts and their sites as CSV files. The import adds the hospitals that are
          not on the list yet, updates the names, towns, postcodes and trusts of those that are, and retires those the file says
          have closed. Hospitals the files do not mention, retired entries and members&apos; requests are left as they are.
        </p>
        <p>You see what would change before anything is written. Importing the same files twice changes nothing the second time.</p>
      </div>
      <ImportForm previewAction={previewImportAction} applyAction={applyImportAction} regions={regions} />
    </div>
  );
}
