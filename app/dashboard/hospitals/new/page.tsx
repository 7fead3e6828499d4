import type { Metadata } from "next";
import { BackHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { HospitalForm } from "@/components/reference/hospital-form";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listRegionChoices } from "@/lib/reference/hospitals";
import { createHospitalAction } from "../actions";

export const metadata: Metadata = { title: "Add a hospital" };

export default async function NewHospitalPage() {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const regions = await listRegionChoices(actor);
  return (
    <div>
      <BackHeading href="/dashboard/hospitals" backLabel="Back to the hospitals">
        Add a hospital
      </BackHeading>
      <p className="mt-2 mb-6 max-w-3xl">It is offered at once when members sign up, keep their profile or register a hospital for a project.</p>
      <HospitalForm
        action={createHospitalAction}
        regions={regions}
        saved={{ odsCode: "", name: "", trust: "", trustCode: "", city: "", postcode: "", deaneryId: "" }}
        submitLabel="Add the hospital"
      />
    </div>
  );
}
