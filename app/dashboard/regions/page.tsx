import type { Metadata } from "next";
import Link from "next/link";
import { BackHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { AddRegionForm, RenameRegionForm } from "@/components/reference/region-forms";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listRegions } from "@/lib/reference/regions";
import { createRegionAction, renameRegionAction } from "./actions";
import { Cell, ColumnHeader, DataTable, Row } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Training regions" };

const NATION_NAMES = { ENGLAND: "England", SCOTLAND: "Scotland", WALES: "Wales", NORTHERN_IRELAND: "Northern Ireland" } as const;

export default async function RegionsPage() {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const regions = await listRegions(actor);
  return (
    <div>
      <BackHeading href="/dashboard/hospitals" backLabel="Back to the hospitals">
        Training regions
      </BackHeading>
      <p className="mt-2 max-w-3xl">The postgraduate training regions of the four nations. Renaming a region keeps its hospitals and members in it.</p>
      <DataTable
        className="mt-6"
        caption="Training regions"
        head={
          <>
            <ColumnHeader>Region</ColumnHeader>
            <ColumnHeader>Code</ColumnHeader>
            <ColumnHeader>Nation</ColumnHeader>
            <ColumnHeader>Hospitals listed</ColumnHeader>
          </>
        }
      >
        {regions.map((region) => (
          <Row key={region.id}>
            <Cell label="Region">
              <RenameRegionForm action={renameRegionAction} region={region} />
            </Cell>
            <Cell label="Code" className="break-code">
              {region.code}
            </Cell>
            <Cell label="Nation">{NATION_NAMES[region.nation]}</Cell>
            <Cell label="Hospitals listed">
              <Link href={`/dashboard/hospitals?region=${region.id}&listing=LISTED`}>
                {region.hospitals}
                <span className="sr-only"> hospitals in {region.name}</span>
              </Link>
            </Cell>
          </Row>
        ))}
      </DataTable>
      <section aria-labelledby="add-region" className="mt-10">
        <h2 id="add-region" className="mb-4 text-2xl font-bold">
          Add a region
        </h2>
        <AddRegionForm action={createRegionAction} />
      </section>
    </div>
  );
}
