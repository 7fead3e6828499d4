import type { Metadata } from "next";
import Link from "next/link";
import { DecideForm } from "@/components/trainees/decide-form";
import { OtherHospitalWarning, RequesterFactRows } from "@/components/trainees/requester-facts";
import { requireActor } from "@/lib/auth/session";
import { listSiteRequests } from "@/lib/collaborations/site-requests";
import { formatDate } from "@/lib/format/dates";
import { decideRequestAction } from "./actions";

export const metadata: Metadata = { title: "Requests to join your sites" };

export default async function SiteRequestsPage() {
  const actor = await requireActor();
  const requests = await listSiteRequests(actor);
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">Requests to join your sites</h1>
      <p className="mt-2 text-lg">Trainees who asked to take part at a hospital where you are the site lead.</p>
      {requests.length === 0 ? (
        <p className="mt-6" role="status">
          No requests are waiting. <Link href="/dashboard">Back to your dashboard</Link>.
        </p>
      ) : (
        <ul className="mt-6 space-y-4">
          {requests.map((request) => (
            <li key={request.id}>
              {/* The e-mail about a request links here: the request it names is marked. */}
              <article
                id={`request-${request.id}`}
                aria-labelledby={`r-${request.id}`}
                className="scroll-mt-4 border-t-4 border-brand bg-white p-4 target:border-l-8 target:border-l-ink"
              >
                <h2 id={`r-${request.id}`} className="text-xl font-bold">
                  {request.traineeName}
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                  <dt className="font-semibold">Project</dt>
                  <dd>
                    <Link href={`/projects/${request.projectSlug}`}>{request.projectTitle}</Link>
                  </dd>
                  <dt className="font-semibold">Site</dt>
                  <dd>
                    {request.site} · <Link href={request.teamPath}>See the team at {request.site}</Link>
                  </dd>
                  <RequesterFactRows requester={request.requester} />
                  <dt className="font-semibold">Asked on</dt>
                  <dd>{formatDate(request.requestedAt)}</dd>
                </dl>
                <OtherHospitalWarning name={request.traineeName} requester={request.requester} />
                <div className="mt-4">
                  <DecideForm
                    action={decideRequestAction}
                    collaborationId={request.id}
                    traineeName={request.traineeName}
                    periods={request.periods}
                    periodId={request.periodId}
                  />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
