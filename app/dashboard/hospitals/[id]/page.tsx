import type { Metadata } from "next";
import Link from "next/link";
import { BackHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HospitalForm } from "@/components/reference/hospital-form";
import { ListingForm } from "@/components/reference/listing-form";
import { MergeForm } from "@/components/reference/merge-form";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { getHospital, listRegionChoices } from "@/lib/reference/hospitals";
import { LISTING_LABELS } from "@/lib/validation/reference";
import { changeListingAction, mergeHospitalAction, updateHospitalAction } from "../actions";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Hospital" };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default async function HospitalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const query = await searchParams;
  const hospital = await orNotFound(getHospital(actor, id));
  const regions = await listRegionChoices(actor);
  const merged = typeof query.merged === "string" ? query.merged.slice(0, 200) : null;
  return (
    <div>
      <BackHeading href="/dashboard/hospitals" backLabel="Back to the hospitals">
        {hospital.name}
      </BackHeading>
      {query.added ? (
        <p role="status" className="mt-4 border-l-8 border-ok bg-white p-3 font-semibold">
          {hospital.name} has been added to the list.
        </p>
      ) : null}
      {merged ? (
        <p role="status" className="mt-4 border-l-8 border-ok bg-white p-3 font-semibold">
          {merged} has been merged into {hospital.name}.
        </p>
      ) : null}
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Organisation code</dt>
        <dd>{hospital.odsCode}</dd>
        <dt className="font-semibold">Listing</dt>
        <dd>
          {LISTING_LABELS[hospital.listing]}
          {hospital.retiredAt ? ` since ${formatDate(hospital.retiredAt)}` : ""}
          {hospital.mergedInto ? (
            <>
              {", merged into "}
              <Link href={`/dashboard/hospitals/${hospital.mergedInto.id}`}>
                {hospital.mergedInto.name} ({hospital.mergedInto.odsCode})
              </Link>
            </>
          ) : null}
        </dd>
        <dt className="font-semibold">Used by</dt>
        <dd>
          {plural(hospital.uses.projects, "project", "projects")}, {plural(hospital.uses.profiles, "member's profile", "members' profiles")},{" "}
          {plural(hospital.uses.interests, "interest", "interests")}
        </dd>
      </dl>

      <section aria-labelledby="edit-heading" className="mt-8">
        <h2 id="edit-heading" className="mb-4 text-2xl font-bold">
          Details
        </h2>
        <HospitalForm
          action={updateHospitalAction}
          regions={regions}
          siteId={hospital.id}
          saved={{
            odsCode: hospital.odsCode,
            name: hospital.name,
            trust: hospital.trust,
            trustCode: hospital.trustCode ?? "",
            city: hospital.city,
            postcode: hospital.postcode ?? "",
            deaneryId: hospital.deaneryId,
          }}
          submitLabel="Save the details"
        />
      </section>

      {hospital.listing === "LISTED" ? (
        <>
          <section aria-labelledby="retire-heading" className="mt-10">
            <h2 id="retire-heading" className="text-2xl font-bold">
              Retire
            </h2>
            <p className="mt-2 mb-4 max-w-3xl">For a hospital that has closed, or an entry nobody should choose any more.</p>
            <ListingForm action={changeListingAction} siteId={hospital.id} name={hospital.name} move="retire" />
          </section>
          <section aria-labelledby="merge-heading" className="mt-10">
            <h2 id="merge-heading" className="text-2xl font-bold">
              Merge into another entry
            </h2>
            <p className="mt-2 mb-4 max-w-3xl">
              For a hospital that is on the list twice. Projects, members&apos; home hospitals and interests move to the entry kept. A
              project that has both entries must first be settled by its leads.
            </p>
            <MergeForm action={mergeHospitalAction} siteId={hospital.id} name={hospital.name} />
          </section>
        </>
      ) : null}
      {hospital.listing === "RETIRED" && !hospital.mergedInto ? (
        <section aria-labelledby="relist-heading" className="mt-10">
          <h2 id="relist-heading" className="mb-4 text-2xl font-bold">
            Put back on the list
          </h2>
          <ListingForm action={changeListingAction} siteId={hospital.id} name={hospital.name} move="relist" />
        </section>
      ) : null}
    </div>
  );
}
