import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { COLLABORATION_STATUS_LABELS, ROLE_LABELS, historyLabel } from "@/components/trainees/labels";
import { LeaveChoices } from "@/components/trainees/participation-forms";
import { requireActor } from "@/lib/auth/session";
import { getMyResearch, type MyCollaboration, type PlaceEnding } from "@/lib/collaborations/my-research";
import { formatDate, formatWindow } from "@/lib/format/dates";
import { PUBLIC_STATUSES, STATUS_LABELS, type PublicStatus } from "@/lib/validation/projects";
import { leaveFromResearchAction } from "./actions";
import { buttonClass } from "@/components/ui/buttons";
import { MyOutputs } from "@/components/outputs/output-list";
import { outputsForMember } from "@/lib/outputs/member";

export const metadata: Metadata = { title: "My research" };

const ENDING_LABELS: Record<PlaceEnding, string> = {
  moved: "Moved to another hospital, keeping the credit for this time",
  withdrew: "Withdrew from the project",
  removed: "Removed from the team by the site lead",
  endedByHospital: "Ended when the hospital registered for the project again",
  declined: "Request declined by the site lead",
};

function teamDates(place: MyCollaboration): string {
  if (!place.joinedAt) return "Not on the team";
  if (place.endedAt) return `${formatDate(place.joinedAt)} to ${formatDate(place.endedAt)}`;
  return place.status === "CONFIRMED" ? `${formatDate(place.joinedAt)} to now (still on the team)` : `From ${formatDate(place.joinedAt)}`;
}

const casesText = (cases: number) => (cases === 1 ? "1 case" : `${cases} cases`);

/** One place: a hospital's team the person asked to join, their time there, and how it ended. */
function PlaceSection({ place }: { place: MyCollaboration }) {
  const headingId = `c-${place.id}`;
  return (
    <section aria-labelledby={headingId} className="mt-4 border-l-4 border-ink/20 pl-3">
      <h3 id={headingId} className="text-lg font-bold">
        {place.site}
        {/* One hospital may appear under several projects: the project keeps each section's name its own. */}
        <span className="sr-only">, in {place.project.title}</span>
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Your status</dt>
        <dd data-testid="collaboration-status">{COLLABORATION_STATUS_LABELS[place.status]}</dd>
        <dt className="font-semibold">Role</dt>
        <dd>{ROLE_LABELS[place.role]}</dd>
        <dt className="font-semibold">On the team</dt>
        <dd data-testid="team-dates">{teamDates(place)}</dd>
        {place.ending ? (
          <>
            <dt className="font-semibold">How it ended</dt>
            <dd>{ENDING_LABELS[place.ending]}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Cases while you were on the team</dt>
        <dd data-testid="team-cases">{place.cases !== null ? `${casesText(place.cases)} recorded by ${place.site}` : place.joinedAt ? "Not known" : "None: not on the team"}</dd>
        <dt className="font-semibold">Counts for credit</dt>
        <dd data-testid="counts-for-credit">
          {place.countsForCredit ? "Yes: on the author list and certificates, under the project's citation rule" : "No"}
        </dd>
        <dt className="font-semibold">Your contribution</dt>
        <dd>{place.contribution ?? "Not recorded yet"}</dd>
      </dl>
      <h4 className="mt-3 font-bold">History</h4>
      <ol className="mt-1 list-disc pl-6">
        {place.history.length > 0 ? (
          place.history.map((entry, index) => (
            <li key={index}>
              {historyLabel(entry.action)} on {formatDate(entry.at)}
            </li>
          ))
        ) : (
          <>
            <li>Asked to join on {formatDate(place.requestedAt)}</li>
            {place.decidedAt ? (
              <li>
                {COLLABORATION_STATUS_LABELS[place.status]} on {formatDate(place.decidedAt)}
              </li>
            ) : null}
          </>
        )}
      </ol>
      <div className="mt-4 flex flex-wrap gap-4">
        {place.canLeave ? (
          <LeaveChoices
            action={leaveFromResearchAction}
            place={{ id: place.id, status: place.status, site: place.site, project: place.project.title, mayRotate: place.mayRotate }}
          />
        ) : place.leaveRefusal ? (
          <p>{place.leaveRefusal}</p>
        ) : null}
      </div>
    </section>
  );
}

export default async function MyResearchPage() {
  const actor = await requireActor();
  const research = await getMyResearch(actor);
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">My research</h1>
      <p className="mt-2 text-lg">Every project you have asked to join, each hospital where you took part, what you did and what changed.</p>
      {research.collaborations.length === 0 ? (
        <p className="mt-6">
          You have not joined a project yet. <Link href="/dashboard">Find a project open at your hospital</Link>.
        </p>
      ) : (
        <ul className="mt-6 space-y-6">
          {research.projects.map(({ project, places }) => (
            <li key={project.slug}>
              <article aria-labelledby={`p-${places[0]!.id}`} className="border-t-4 border-brand bg-white p-4">
                <h2 id={`p-${places[0]!.id}`} className="text-xl font-bold">
                  <Link href={`/projects/${project.slug}`}>{project.title}</Link>
                </h2>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                  <dt className="font-semibold">Project status</dt>
                  <dd>
                    {(PUBLIC_STATUSES as readonly string[]).includes(project.status) ? (
                      <StatusTag status={project.status as PublicStatus} />
                    ) : (
                      STATUS_LABELS[project.status]
                    )}
                  </dd>
                  <dt className="font-semibold">Data collection</dt>
                  <dd>{formatWindow(project.collectionStart, project.collectionEnd)}</dd>
                </dl>
                {places.length > 1 ? <p className="mt-3">You took part at {places.length} hospitals in this project, one after the other.</p> : null}
                {places.map((place) => (
                  <PlaceSection key={place.id} place={place} />
                ))}
                {places.some((place) => place.certificateAvailable) ? (
                  <p className="mt-4">
                    <Link href="/dashboard/certificates" className={buttonClass("primary", { link: true })}>
                      Your certificate<span className="sr-only"> for {project.title}</span>
                    </Link>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
      <MyOutputs outputs={await outputsForMember(actor)} />
      {research.interests.length > 0 ? (
        <section aria-labelledby="interests-title" className="mt-8">
          <h2 id="interests-title" className="text-2xl font-bold">
            Interest you registered
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {research.interests.map((interest) => (
              <li key={interest.slug}>
                <Link href={`/projects/${interest.slug}`}>{interest.project}</Link> at {interest.site}, on {formatDate(interest.at)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
