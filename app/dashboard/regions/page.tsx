import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddRegionForm, RenameRegionForm } from "@/components/reference/region-forms";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listRegions } from "@/lib/reference/regions";
import { createRegionAction, renameRegionAction } from "./actions";

export const metadata: Metadata = { title: "Training regions" };

const NATION_NAMES = { ENGLAND: "England", SCOTLAND: "Scotland", WALES: "Wales", NORTHERN_IRELAND: "Northern Ireland" } as const;

export default async function RegionsPage() {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const regions = await listRegions(actor);
  return (
    <div>
      <p>
        <Link href="/dashboard/hospitals">Back to the hospitals</Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">Training regions</h1>
      <p className="mt-2 max-w-3xl">The postgraduate training regions of the four nations. Renaming a region keeps its hospitals and members in it.</p>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">Training regions</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">Region</th>
              <th scope="col" className="p-2">Code</th>
              <th scope="col" className="p-2">Nation</th>
              <th scope="col" className="p-2">Hospitals listed</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((region) => (
              <tr key={region.id} className="border-b border-line align-top">
                <td className="p-2">
                  <RenameRegionForm action={renameRegionAction} region={region} />
                </td>
                <td className="p-2">{region.code}</td>
                <td className="p-2">{NATION_NAMES[region.nation]}</td>
                <td className="p-2">
                  <Link href={`/dashboard/hospitals?region=${region.id}&listing=LISTED`}>
                    {region.hospitals}
                    <span className="sr-only"> hospitals in {region.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-region" className="mt-10">
        <h2 id="add-region" className="mb-4 text-2xl font-bold">
          Add a region
        </h2>
        <AddRegionForm action={createRegionAction} />
      </section>
    </div>
  );
}
