import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { Tag } from "@/components/ui/tag";
import { formatDate } from "@/lib/format/dates";
import type { SitePeriod } from "@/lib/periods/site";

/** "2 of 3 places taken": a period's team against the project's cap per period. */
export function placesTaken(team: number, teamCap: number | null): string {
  return teamCap === null ? `${team} ${team === 1 ? "collaborator" : "collaborators"}` : `${team} of ${teamCap} ${teamCap === 1 ? "place" : "places"} taken`;
}

/** A site's data-collection periods: dates, the period's latest count of cases, and its team. */
export function SitePeriodsTable({ periods, site, teamCap, headingLevel = 2 }: { periods: SitePeriod[]; site: string; teamCap: number | null; headingLevel?: 2 | 3 }) {
  if (periods.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="site-periods-title" className="mt-8">
      <Heading id="site-periods-title" className="text-2xl font-bold">
        Data-collection periods
      </Heading>
      <p className="mt-2 max-w-3xl">
        Each period has its own team of collaborators{teamCap === null ? "" : `, ${teamCap} at most`}. The site&apos;s total is the sum of each period&apos;s latest count.
      </p>
      <DataTable
        className="mt-4"
        caption={`Cases and team by data-collection period at ${site}`}
        head={
          <>
            <ColumnHeader>Period</ColumnHeader>
            <ColumnHeader>Dates</ColumnHeader>
            <ColumnHeader>Cases</ColumnHeader>
            <ColumnHeader>Team</ColumnHeader>
          </>
        }
      >
        {periods.map((period) => (
          <Row key={period.id}>
            <RowHeader>
              Period {period.number} {period.current ? <Tag tone="green">Now</Tag> : period.ended ? null : <Tag tone="grey">To come</Tag>}
            </RowHeader>
            <Cell label="Dates">
              {formatDate(period.startsOn)} to {formatDate(period.endsOn)}
            </Cell>
            <Cell label="Cases">{period.cases === null ? (period.started ? "None counted yet" : "Not started") : period.cases}</Cell>
            <Cell label="Team">{placesTaken(period.team, teamCap)}</Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
