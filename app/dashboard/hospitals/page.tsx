import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterSelect } from "@/components/ui/filter-select";
import { ListSearch, ResultCount, SearchBox } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listHospitals, listRegionChoices } from "@/lib/reference/hospitals";
import { hospitalSearchSchema, LISTING_LABELS } from "@/lib/validation/reference";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

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
      <ListSearch layout={4} submitLabel="Find hospitals" clearHref="/dashboard/hospitals" filtered={filtered}>
        <SearchBox id="hospital-search" label="Name, code or town" defaultValue={search.q ?? ""} />
        <FilterSelect
          id="hospital-region"
          name="region"
          label="Region"
          defaultValue={search.region ?? ""}
          anyLabel="Any region"
          options={Object.fromEntries(regions.map((region) => [region.id, region.name]))}
        />
        <FilterSelect id="hospital-listing" name="listing" label="Listing" defaultValue={search.listing ?? ""} anyLabel="Any" options={LISTING_LABELS} />
      </ListSearch>
      <ResultCount list={hospitals} one="hospital" many="hospitals" filtered={filtered} things="hospitals" clearHref="/dashboard/hospitals" />
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
