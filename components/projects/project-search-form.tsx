import { FilterSelect } from "@/components/ui/filter-select";
import { SearchBox } from "@/components/ui/list-search";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { DESIGN_LABELS, MODALITY_LABELS, STATUS_LABELS } from "@/lib/validation/constants";
import type { ProjectSearch } from "@/lib/validation/projects";
import { Button } from "@/components/ui/buttons";

/** Words, design, modality and status: the search of a list of projects. Sent as a GET, so a search can be bookmarked. */
export function ProjectSearchForm({
  search,
  statuses,
  action,
  idPrefix,
  searchLabel,
  submitLabel,
}: {
  search: ProjectSearch;
  /** The statuses one may pick; none picked means "open or collecting". */
  statuses: readonly ProjectStatus[];
  action?: string;
  /** Keeps the fields' ids unique when the form shares a page. */
  idPrefix: string;
  searchLabel: string;
  submitLabel: string;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : name);
  return (
    <search>
      <form method="get" action={action} className="mt-4 grid gap-4 bg-white p-4 md:grid-cols-5 md:items-end">
        <SearchBox id={id("q")} label={searchLabel} defaultValue={search.q ?? ""} className="md:col-span-2" />
        <FilterSelect id={id("design")} name="design" label="Design" defaultValue={search.design ?? ""} anyLabel="Any design" options={DESIGN_LABELS} />
        <FilterSelect id={id("modality")} name="modality" label="Modality" defaultValue={search.modality ?? ""} anyLabel="Any modality" options={MODALITY_LABELS} />
        <FilterSelect
          id={id("status")}
          name="status"
          label="Status"
          defaultValue={search.status ?? ""}
          anyLabel="Open or collecting"
          options={Object.fromEntries(statuses.map((status) => [status, STATUS_LABELS[status]]))}
        />
        <div className="md:col-span-5">
          <Button type="submit">
            {submitLabel}
          </Button>
        </div>
      </form>
    </search>
  );
}
