import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { DeletePeriodButton, EditPeriodForm, GeneratePeriodsForm } from "@/components/periods/period-forms";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/session";
import { formatDate, formatWindow } from "@/lib/format/dates";
import { getProjectPeriods } from "@/lib/periods/periods";
import { orNotFound } from "@/lib/server/or-not-found";
import { deletePeriodAction, editPeriodAction, generatePeriodsAction } from "./actions";

export const metadata: Metadata = { title: "Data-collection periods" };

type Props = { params: Promise<{ slug: string }> };

const iso = (date: Date) => date.toISOString().slice(0, 10);

export default async function ProjectPeriodsPage({ params }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const page = await orNotFound(getProjectPeriods(actor, slug));
  const { project, periods } = page;
  const free = periods.filter((period) => period.lockedReason === null);
  return (
    <div className="max-w-4xl">
      <p>
        <Link href={`/dashboard/projects/${project.slug}/settings`}>Study settings</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Data-collection periods</h1>
      <p className="mt-2 text-lg">{project.title}</p>
      <p className="mt-2">
        <StatusTag status={project.status} />
      </p>
      <p className="mt-4 max-w-3xl">
        Data collection runs {formatWindow(project.collectionStart, project.collectionEnd)}. With periods, each site registers a team for each
        period{project.teamCap === null ? "" : `, of at most ${project.teamCap} ${project.teamCap === 1 ? "collaborator" : "collaborators"}`}, and
        records its cases per period. Without periods, a site has one team for the whole of data collection.
      </p>

      {periods.length === 0 ? (
        <p className="mt-6">This project has no periods.</p>
      ) : (
        <DataTable
          className="mt-6"
          caption="The project's data-collection periods"
          head={
            <>
              <ColumnHeader>Period</ColumnHeader>
              <ColumnHeader>Dates</ColumnHeader>
              <ColumnHeader>In use</ColumnHeader>
              {page.open ? (
                <ColumnHeader>
                  <span className="sr-only">Delete</span>
                </ColumnHeader>
              ) : null}
            </>
          }
        >
          {periods.map((period) => (
            <Row key={period.id}>
              <RowHeader>
                Period {period.number}
                {period.current ? " (now)" : period.ended ? " (ended)" : ""}
              </RowHeader>
              <Cell label="Dates">
                {formatDate(period.startsOn)} to {formatDate(period.endsOn)}
              </Cell>
              <Cell label="In use">
                {period.places} {period.places === 1 ? "place" : "places"}, {period.reports} {period.reports === 1 ? "count" : "counts"}
              </Cell>
              {page.open ? (
                <Cell label={null}>
                  {period.lockedReason === null ? (
                    <DeletePeriodButton action={deletePeriodAction} projectId={project.id} periodId={period.id} label={`Period ${period.number}`} />
                  ) : (
                    <span className="text-sm">In use: stays as it is</span>
                  )}
                </Cell>
              ) : null}
            </Row>
          ))}
        </DataTable>
      )}

      {!page.open ? (
        <p className="mt-6">The project is no longer collecting data, so its periods stay as they were.</p>
      ) : page.windowProblem ? (
        <p className="mt-6">{page.windowProblem}</p>
      ) : (
        <>
          <section aria-labelledby="generate-title" className="mt-8 max-w-2xl">
            <h2 id="generate-title" className="mb-4 text-2xl font-bold">
              {periods.length === 0 ? "Divide data collection into periods" : "Make the periods again"}
            </h2>
            {page.regenerateRefusal ? (
              <p>{page.regenerateRefusal}</p>
            ) : (
              <GeneratePeriodsForm action={generatePeriodsAction} projectId={project.id} replacing={periods.length > 0} />
            )}
          </section>
          {free.length > 0 ? (
            <section aria-labelledby="edit-title" className="mt-8 max-w-2xl">
              <h2 id="edit-title" className="mb-4 text-2xl font-bold">
                Change a period&apos;s dates
              </h2>
              <p className="mb-4">A period in use (by a place on a team or a count of cases) keeps its dates. Periods must not overlap.</p>
              <EditPeriodForm
                action={editPeriodAction}
                projectId={project.id}
                periods={free.map((period) => ({ id: period.id, label: period.label, startsOn: iso(period.startsOn), endsOn: iso(period.endsOn) }))}
              />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
