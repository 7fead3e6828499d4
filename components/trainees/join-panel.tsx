import Link from "next/link";
import { ConfirmEmailNotice } from "@/components/accounts/confirm-email-notice";
import { joinProjectAction, leaveProjectAction, registerInterestAction } from "@/app/client-actions";
import type { JoinPanel as JoinPanelData } from "@/lib/collaborations/panel";
import { InterestForm, JoinForm, LeaveChoices } from "./participation-forms";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

const collaboratorsText = (count: number) => (count === 1 ? "1 collaborator" : `${count} collaborators`);

/** "Take part" on a project page, for someone signed in; the page loads `panel` (lib/collaborations/panel). */
export function JoinPanel({ slug, panel }: { slug: string; panel: JoinPanelData }) {
  const { active } = panel;
  const sites = [...panel.sites].sort((a, b) => Number(b.isHome) - Number(a.isHome));
  const home = sites.find((site) => site.isHome);
  const unconfirmed = panel.emailUnconfirmed;
  return (
    <>
      <section aria-labelledby="take-part-title" className="mt-8 max-w-3xl border-l-8 border-brand bg-white p-4">
        <h2 id="take-part-title" className="text-2xl font-bold">
          Take part
        </h2>
        {active ? (
          <div className="mt-2 space-y-4">
            <p role="status" className="text-lg">
              {active.status === "REQUESTED"
                ? `Your request to join at ${active.site} is waiting for the site lead to confirm it.`
                : `You are confirmed as ${active.role === "SITE_LEAD" ? "site lead" : "a collaborator"} at ${active.site}.`}
            </p>
            {active.leaveRefusal === null ? (
              <LeaveChoices
                action={leaveProjectAction.bind(null, slug)}
                place={{ id: active.id, status: active.status, site: active.site, project: "this project", mayRotate: active.mayRotate }}
              />
            ) : (
              <p>{active.leaveRefusal}</p>
            )}
          </div>
        ) : panel.closedReason ? (
          <p className="mt-2">{panel.closedReason}</p>
        ) : unconfirmed ? (
          <ConfirmEmailNotice email={panel.email} unavailable="ask to join this project or register your hospital for it" headingLevel={3} />
        ) : panel.profileIncomplete ? (
          <p className="mt-2">
            {panel.profileIncomplete} to join this project. <Link href="/dashboard/profile">Complete your profile</Link>.
          </p>
        ) : (
          <div className="mt-2 space-y-4">
            {panel.homeRegistered ? (
              <p>{panel.homeSite} is taking part. The site lead there confirms each collaborator.</p>
            ) : (
              <>
                <p>{panel.homeSite} is not taking part yet.</p>
                {panel.interestRegistered ? (
                  <p role="status">You have registered your interest. The project lead sees how many trainees at each hospital would take part.</p>
                ) : (
                  <InterestForm action={registerInterestAction.bind(null, slug)} projectId={panel.projectId} hospital={panel.homeSite ?? "your hospital"} />
                )}
                {sites.length > 0 ? <p>You can also ask to join at a hospital that is taking part.</p> : null}
              </>
            )}
            {sites.length > 0 ? (
              <JoinForm
                action={joinProjectAction.bind(null, slug)}
                defaultSiteId={home?.projectSiteId}
                periods={panel.periods}
                sites={sites.map((site) => ({
                  projectSiteId: site.projectSiteId,
                  label: `${site.name}, ${site.city} (${collaboratorsText(site.collaborators)})`,
                }))}
              />
            ) : null}
          </div>
        )}
        {panel.mine
          .filter((place) => place.status === "ROTATED")
          .map((place) => (
            <p key={place.id} className="mt-4">
              You moved on from {place.site}: your place there stays on the record and keeps the credit for your time on its team.
            </p>
          ))}
        {panel.open && !active && !unconfirmed ? (
          <p className="mt-4">
            Is your hospital not taking part yet?{" "}
            <Link href={`/dashboard/projects/${slug}/register`}>Register your hospital and become its site lead</Link>.
          </p>
        ) : null}
        {panel.demand ? (
          <p className="mt-4">
            <Link href={`/dashboard/projects/${slug}`}>See every site in the national view</Link>
          </p>
        ) : null}
        {panel.mine.some((collaboration) => collaboration.id !== active?.id) ? (
          <p className="mt-4 text-sm">
            <Link href="/dashboard/research">See all your collaborations and their history</Link>
          </p>
        ) : null}
      </section>
      {panel.demand ? (
        <section aria-labelledby="demand-title" className="mt-8 max-w-3xl bg-white p-4">
          <h2 id="demand-title" className="text-2xl font-bold">
            Demand from hospitals not taking part
          </h2>
          {panel.demand.length === 0 ? (
            <p className="mt-2">No trainee has registered interest from a hospital that is not taking part.</p>
          ) : (
            <DataTable
              className="mt-2"
              caption="Trainees who would take part, by hospital"
              head={
                <>
                  <ColumnHeader>Hospital</ColumnHeader>
                  <ColumnHeader>Trainees interested</ColumnHeader>
                </>
              }
            >
              {panel.demand.map((row) => (
                <Row key={`${row.site}-${row.city}`}>
                  <RowHeader>
                    {row.site}, {row.city}
                  </RowHeader>
                  <Cell label="Trainees interested">{row.count}</Cell>
                </Row>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
    </>
  );
}
