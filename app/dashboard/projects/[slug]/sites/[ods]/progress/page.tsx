import type { Metadata } from "next";
import { ProgressForm } from "@/components/sites/progress-form";
import { ProjectSiteHeader } from "@/components/sites/project-site-header";
import { LineChart } from "@/components/ui/line-chart";
import { requireActor } from "@/lib/auth/session";
import { mayViewNational } from "@/lib/sites/facts";
import { formatDate } from "@/lib/format/dates";
import { getSiteProgress } from "@/lib/sites/progress";
import { recordProgressAction } from "./actions";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { ukToday } from "@/lib/validation/date-input";
import { orNotFound } from "@/lib/server/or-not-found";
import { ActingForNotice } from "@/components/sites/acting-for-notice";
import { SitePeriodsTable } from "@/components/periods/site-periods-table";

export const metadata: Metadata = { title: "Site progress" };

type Props = { params: Promise<{ slug: string; ods: string }> };

export default async function SiteProgressPage({ params }: Props) {
  const actor = await requireActor();
  const { slug, ods } = await params;
  const progress = await orNotFound(getSiteProgress(actor, slug, ods));
  const { facts, history, target } = progress;
  return (
    <div>
      <ProjectSiteHeader facts={facts} current="progress" nationalLink={mayViewNational(actor, facts)} />
      {progress.actingFor && !progress.closedReason ? <ActingForNotice site={facts.site.name} work="record the cases submitted" /> : null}
      <p className="text-lg">
        <strong>{progress.current}</strong> {progress.current === 1 ? "case" : "cases"} submitted
        {target ? (
          <>
            {" "}
            of a target of <strong>{target}</strong> ({Math.round((progress.current / target) * 100)}%)
          </>
        ) : null}
        .
      </p>

      {progress.canRecord ? (
        <section aria-labelledby="record-title" className="mt-8 max-w-2xl">
          <h2 id="record-title" className="mb-4 text-2xl font-bold">
            Record cases submitted
          </h2>
          {progress.closedReason ? (
            <p>{progress.closedReason}</p>
          ) : (
            <ProgressForm
              action={recordProgressAction}
              projectSiteId={facts.id}
              today={ukToday()}
              current={progress.current}
              periods={progress.periods.filter((period) => period.started).map(({ id, label, cases, current }) => ({ id, label, cases, current }))}
            />
          )}
        </section>
      ) : null}

      <SitePeriodsTable periods={progress.periods} site={facts.site.name} teamCap={facts.project.teamCap} />

      <section aria-labelledby="history-chart-title" className="mt-8">
        <h2 id="history-chart-title" className="mb-4 text-2xl font-bold">
          Cases over time
        </h2>
        <LineChart
          title={`Cumulative cases at ${facts.site.name}`}
          summary={`${progress.current} cases now${target ? ` against a target of ${target}` : ""}, from ${history.length} ${history.length === 1 ? "count" : "counts"}.`}
          points={[...history].reverse().map((entry) => ({ at: entry.reportedAt, value: entry.cumulativeCases }))}
          target={target}
          valueLabel="Cumulative cases"
        />
      </section>

      <section aria-labelledby="history-title" className="mt-8">
        <h2 id="history-title" className="text-2xl font-bold">
          Every count recorded
        </h2>
        {history.length === 0 ? (
          <p className="mt-2">No count has been recorded yet.</p>
        ) : (
          <DataTable
            className="mt-4"
            caption={`Counts of cases submitted at ${facts.site.name}, newest first`}
            head={
              <>
                <ColumnHeader>Date</ColumnHeader>
                <ColumnHeader>Cases so far</ColumnHeader>
                <ColumnHeader>Recorded by</ColumnHeader>
                <ColumnHeader>Note</ColumnHeader>
              </>
            }
          >
            {history.map((entry) => (
              <Row key={entry.id}>
                <RowHeader className="font-normal md:whitespace-nowrap">{formatDate(entry.reportedAt)}</RowHeader>
                <Cell label="Cases so far">
                  {entry.cumulativeCases}
                  {entry.periodId ? ` (period ${progress.periods.find((period) => period.id === entry.periodId)?.number ?? "deleted"}: ${entry.periodCases ?? 0})` : ""}
                </Cell>
                <Cell label="Recorded by">{entry.reportedBy}</Cell>
                <Cell label="Note">
                  {entry.note}
                  {entry.correctionReason ? (
                    <>
                      {entry.note ? <br /> : null}
                      <strong>Correction:</strong> {entry.correctionReason}
                    </>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
