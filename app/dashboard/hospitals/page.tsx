import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterSelect } from "@/components/ui/filter-select";
import { NoResults } from "@/components/ui/no-results";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listHospitals, listRegionChoices } from "@/lib/reference/hospitals";
import { hospitalSearchSchema, LISTING_LABELS } from "@/lib/validation/reference";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "Hospitals" };

export default async function HospitalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const search = hospitalSearchSchema.parse(await searchParams);
  const [hospitals, regions] = await Promise.all([listHospitals(actor, search), listRegionChoices(actor)]);
  const filtered = Boolean(search.q || search.region || search.listing);
  return (
    <div>
      <h1 className="text-3xl font-bold">Hospitals</h1>
      <p className="mt-2 max-w-3xl">
        The hospitals members choose from when they sign up, keep their profile or register a hospital for a project. Retired
        hospitals stay on the projects and profiles that name them but are offered to nobody new.
      </p>
      <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href="/dashboard/hospitals/new">Add a hospital</Link>
        </li>
        <li>
          <Link href="/dashboard/hospitals/import">Import the NHS organisation files</Link>
        </li>
        <li>
          <Link href="/dashboard/regions">Training regions</Link>
        </li>
      </ul>
      <search>
        <form method="get" className="mt-6 grid gap-4 bg-white p-4 md:grid-cols-4 md:items-end">
          <div>
            <label htmlFor="hospital-search" className="block font-semibold">
              Name, code or town
            </label>
            <input id="hospital-search" name="q" type="search" defaultValue={search.q ?? ""} className="mt-1 block w-full border-2 border-ink px-2 py-1.5" />
          </div>
          <FilterSelect
            id="hospital-region"
            name="region"
            label="Region"
            defaultValue={search.region ?? ""}
            anyLabel="Any region"
            options={Object.fromEntries(regions.map((region) => [region.id, region.name]))}
          />
          <FilterSelect id="hospital-listing" name="listing" label="Listing" defaultValue={search.listing ?? ""} anyLabel="Any" options={LISTING_LABELS} />
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit">
              Find hospitals
            </Button>
            {filtered ? <Link href="/dashboard/hospitals">Clear the search</Link> : null}
          </div>
        </form>
      </search>
      {hospitals.total === 0 && filtered ? (
        <NoResults things="hospitals" clearHref="/dashboard/hospitals" />
      ) : (
        <p className="mt-6" role="status">
          {hospitals.total === 1 ? "1 hospital" : `${hospitals.total.toLocaleString("en-GB")} hospitals`}
          {filtered ? " found" : ""}
          {hospitals.pageCount > 1 ? `, page ${hospitals.page} of ${hospitals.pageCount}` : ""}.
        </p>
      )}
      {hospitals.rows.length > 0 ? (
        <DataTable
          className="mt-4"
          caption="Hospitals"
          head={
            <>
              <ColumnHeader>Hospital</ColumnHeader>
              <ColumnHeader>Code</ColumnHeader>
              <ColumnHeader>Trust</ColumnHeader>
              <ColumnHeader>Region</ColumnHeader>
              <ColumnHeader>Listing</ColumnHeader>
            </>
          }
        >
          {hospitals.rows.map((row) => (
            <Row key={row.id}>
              <RowHeader>
                <Link href={`/dashboard/hospitals/${row.id}`}>{row.name}</Link>
                <span className="block text-sm font-normal text-muted">{row.city}</span>
              </RowHeader>
              <Cell label="Code" className="break-code">
                {row.odsCode}
              </Cell>
              <Cell label="Trust">{row.trust}</Cell>
              <Cell label="Region">{row.region}</Cell>
              <Cell label="Listing">{LISTING_LABELS[row.listing]}</Cell>
            </Row>
          ))}
        </DataTable>
      ) : null}
      <Pagination page={hospitals.page} pageCount={hospitals.pageCount} basePath="/dashboard/hospitals" params={{ q: search.q, region: search.region, listing: search.listing }} />
    </div>
  );
}
