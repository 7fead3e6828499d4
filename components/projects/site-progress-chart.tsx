import { ChartLegend } from "@/components/ui/chart-legend";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import type { PublicProjectSite } from "@/lib/projects/public";

/**
 * Cases submitted against target, one bar per hospital. The numbers are also
 * in the text of each row, so the chart does not depend on seeing colour.
 * On a phone each hospital is a card (the portal's DataTable) with its count above its bar.
 * The page says when there are none.
 */
export function SiteProgressChart({ sites }: { sites: PublicProjectSite[] }) {
  return (
    <figure aria-label="Cases submitted by each hospital against its target" className="bg-white px-0 py-2 sm:p-2">
      <div className="px-1 sm:px-0">
        <ChartLegend
          entries={[
            { mark: "bar", text: "Cases submitted" },
            { mark: "track", text: "The hospital's target (the whole bar)" },
          ]}
        />
      </div>
      <DataTable
        className="mt-2"
        caption="Cases submitted by each participating hospital against its target"
        head={
          <>
            <ColumnHeader>Hospital</ColumnHeader>
            <ColumnHeader>Region</ColumnHeader>
            <ColumnHeader>Cases</ColumnHeader>
            <ColumnHeader className="w-2/5">Progress</ColumnHeader>
          </>
        }
      >
        {sites.map((site) => {
          const percent = site.caseTarget > 0 ? Math.min(100, Math.round((site.cases / site.caseTarget) * 100)) : 0;
          return (
            <Row key={`${site.name}-${site.city}`}>
              <RowHeader>
                {site.name}, {site.city}
              </RowHeader>
              <Cell label="Region">{site.region}</Cell>
              <Cell label="Cases">
                <span className="md:whitespace-nowrap">
                  {site.cases} of {site.caseTarget}
                </span>
                <span className="sr-only"> ({percent}% of target)</span>
              </Cell>
              <Cell label="Progress">
                <span data-mark="track" className="block h-4 w-full border border-muted bg-paper" aria-hidden="true">
                  <span data-mark="bar" className="block h-full bg-brand" style={{ width: `${percent}%` }} />
                </span>
              </Cell>
            </Row>
          );
        })}
      </DataTable>
    </figure>
  );
}
