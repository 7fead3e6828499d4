import type { Metadata } from "next";
import Link from "next/link";
import { OutputList } from "@/components/outputs/output-list";
import { OutputsByYear } from "@/components/outputs/outputs-by-year";
import { Button } from "@/components/ui/buttons";
import { FilterSelect } from "@/components/ui/filter-select";
import { SearchBox } from "@/components/ui/list-search";
import { NoResults } from "@/components/ui/no-results";
import { Pagination } from "@/components/ui/pagination";
import { cachedSearchOutputs } from "@/lib/cache/public";
import { OUTPUT_KIND_LABELS, outputSearchSchema } from "@/lib/validation/outputs";

export const metadata: Metadata = { title: "Outputs" };

export default async function OutputsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = outputSearchSchema.parse(await searchParams);
  const result = await cachedSearchOutputs(search);
  const filtered = Boolean(search.q || search.kind);
  const all = result.years.reduce((sum, year) => sum + year.total, 0);
  return (
    <div>
      <h1 className="text-3xl font-bold">Outputs</h1>
      <p className="mt-2 text-lg">
        The abstracts, posters, talks, papers and reports of the collaborative&apos;s <Link href="/projects">projects</Link>, recorded by their leads.
      </p>
      {all > 0 ? (
        <section aria-labelledby="by-year-title" className="mt-6">
          <h2 id="by-year-title" className="sr-only">
            Outputs by year
          </h2>
          <OutputsByYear years={result.years} />
        </section>
      ) : null}
      <section aria-labelledby="list-title" className="mt-8">
        <h2 id="list-title" className="text-2xl font-bold">
          Every output
        </h2>
        <search>
          <form method="get" action="/outputs" className="mt-4 grid gap-4 bg-white p-4 md:grid-cols-3 md:items-end">
            <SearchBox id="q" label="Search" hint="Title, journal or meeting, project, DOI or PubMed ID" defaultValue={search.q ?? ""} className="md:col-span-2" />
            <FilterSelect id="kind" name="kind" label="Kind" defaultValue={search.kind ?? ""} anyLabel="Any kind" options={OUTPUT_KIND_LABELS} />
            <div className="md:col-span-3">
              <Button type="submit">Show outputs</Button>
            </div>
          </form>
        </search>
        {result.matching === 0 && filtered ? (
          <NoResults things="outputs" clearHref="/outputs" />
        ) : (
          <p className="mt-6" role="status">
            {result.matching === 0
              ? "No outputs have been recorded yet."
              : `${result.matching === 1 ? "1 output" : `${result.matching} outputs`}${filtered ? " found" : ""}${result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ""}.`}
          </p>
        )}
        <OutputList outputs={result.items} />
        <Pagination page={result.page} pageCount={result.pageCount} basePath="/outputs" params={{ q: search.q, kind: search.kind }} />
      </section>
    </div>
  );
}
