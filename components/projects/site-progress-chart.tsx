import { ChartLegend } from "@/components/ui/chart-legend";
import type { PublicProjectSite } from "@/lib/projects/public";

/**
 * Cases submitted against target, one bar per hospital. The numbers are also
 * in the text of each row, so the chart does not depend on seeing colour.
 * On a narrow screen the bar sits under the count instead of in a column of
 * its own, the text is a little smaller (14 px) and a count may wrap, so the table fits a
 * 320 px phone. The page says when there are none.
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
      <table className="mt-2 w-full border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">Cases submitted by each participating hospital against its target</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="px-1 py-2 sm:p-2">Hospital</th>
            <th scope="col" className="px-1 py-2 sm:p-2">Region</th>
            <th scope="col" className="w-[5.25rem] px-1 py-2 sm:w-auto sm:p-2">Cases</th>
            <th scope="col" className="hidden w-2/5 px-1 py-2 sm:table-cell sm:p-2">Progress</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => {
            const percent = site.caseTarget > 0 ? Math.min(100, Math.round((site.cases / site.caseTarget) * 100)) : 0;
            const bar = (
              <span data-mark="track" className="block h-4 w-full border border-muted bg-paper" aria-hidden="true">
                <span data-mark="bar" className="block h-full bg-brand" style={{ width: `${percent}%` }} />
              </span>
            );
            return (
              <tr key={`${site.name}-${site.city}`} className="border-b border-line align-top">
                <th scope="row" className="px-1 py-2 sm:p-2 font-normal">
                  {site.name}, {site.city}
                </th>
                <td className="px-1 py-2 sm:p-2">{site.region}</td>
                <td className="px-1 py-2 sm:p-2">
                  <span className="sm:whitespace-nowrap">
                    {site.cases} of {site.caseTarget}
                  </span>
                  <span className="sr-only"> ({percent}% of target)</span>
                  <span className="mt-1 block sm:hidden">{bar}</span>
                </td>
                <td className="hidden px-1 py-2 sm:table-cell sm:p-2">
                  {bar}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
