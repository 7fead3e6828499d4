import type { Metadata } from "next";
import Link from "next/link";
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
      <p>
        <Link href="/dashboard/hospitals">Back to the hospitals</Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">Add a hospital</h1>
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
