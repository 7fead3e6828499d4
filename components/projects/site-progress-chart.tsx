import type { PublicProjectSite } from "@/lib/projects/public";

/**
 * Cases submitted against target, one bar per hospital. The numbers are also
 * in the text of each row, so the chart does not depend on seeing colour.
 * The page says when there are none.
 */
export function SiteProgressChart({ sites }: { sites: PublicProjectSite[] }) {
  return (
    <table className="w-full border-collapse bg-white text-left">
      <caption className="sr-only">Cases submitted by each participating hospital against its target</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="p-2">Hospital</th>
          <th scope="col" className="p-2">Region</th>
          <th scope="col" className="p-2">Cases</th>
          <th scope="col" className="w-2/5 p-2">Progress</th>
        </tr>
      </thead>
      <tbody>
        {sites.map((site) => {
          const percent = site.caseTarget > 0 ? Math.min(100, Math.round((site.cases / site.caseTarget) * 100)) : 0;
          return (
            <tr key={`${site.name}-${site.city}`} className="border-b border-line">
              <th scope="row" className="p-2 font-normal">
                {site.name}, {site.city}
              </th>
              <td className="p-2">{site.region}</td>
              <td className="p-2 whitespace-nowrap">
                {site.cases} of {site.caseTarget}
              </td>
              <td className="p-2">
                <div className="h-4 w-full bg-line" aria-hidden="true">
                  <div className="h-4 bg-brand" style={{ width: `${percent}%` }} />
                </div>
                <span className="sr-only">{percent}% of target</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
