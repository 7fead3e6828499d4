import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate } from "@/lib/format/dates";
import type { RoleWork } from "@/lib/users/role-work";
import { QUIET_SITE_DAYS } from "@/lib/validation/constants";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const sitePath = (slug: string, odsCode: string) => `/dashboard/projects/${slug}/sites/${encodeURIComponent(odsCode)}`;

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="text-xl font-bold">
        {title}
      </h3>
      <ul className="mt-2 space-y-2">{children}</ul>
    </section>
  );
}

/** "and N more" under a list cut short, with where the whole list is. */
function More({ shown, total, href, label }: { shown: number; total: number; href?: string; label: string }) {
  if (total <= shown) return null;
  return <li>{href ? <Link href={href}>{`${total - shown} more ${label}`}</Link> : `${total - shown} more ${label}`}</li>;
}

/**
 * The top of the dashboard: what waits on the person now, one part per role they hold
 * something in, each item a link to where it is done, with its count.
 */
export function RoleWorkPanel({ work }: { work: RoleWork }) {
  const { siteLead, projectLead, reviewer, admin } = work;
  const siteLeadWaits = siteLead.requests.total + siteLead.quietSites.total > 0;
  const waitingRequests = siteLead.requests.all;
  const projectLeadWaits = projectLead.awaitingApproval.total + projectLead.changesRequested.total + projectLead.behindTarget.total > 0;
  return (
    <section aria-labelledby="needs-you-title" className="mt-6 border-l-8 border-brand bg-white p-4">
      <h2 id="needs-you-title" className="text-2xl font-bold">
        Needs you now
      </h2>
      {work.total === 0 ? <p className="mt-2">Nothing needs you now.</p> : null}

      {siteLeadWaits ? (
        <Part id="needs-site-lead" title="As a site lead">
          {waitingRequests > 0 ? (
            <li>
              <Link href="/dashboard/site-requests">
                {waitingRequests === 1 ? "1 request to join your site is waiting" : `${waitingRequests} requests to join your sites are waiting`}
              </Link>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {siteLead.requests.items.map((item) => (
                  <li key={`requests-${item.projectSlug}-${item.odsCode}`}>
                    <Link href={`${sitePath(item.projectSlug, item.odsCode)}/team#requests-title`}>
                      {plural(item.requests, "request", "requests")} at {item.hospital}
                    </Link>{" "}
                    for {item.projectTitle}
                  </li>
                ))}
                <More shown={siteLead.requests.items.length} total={siteLead.requests.total} label="sites with requests" />
              </ul>
            </li>
          ) : null}
          {siteLead.quietSites.items.map((item) => (
            <li key={`quiet-${item.projectSlug}-${item.odsCode}`}>
              <Link href={`${sitePath(item.projectSlug, item.odsCode)}/progress`}>Record the cases at {item.hospital}</Link> for {item.projectTitle}:{" "}
              {item.lastReport ? `no count recorded since ${formatDate(item.lastReport)}` : "no count recorded yet"}
            </li>
          ))}
          <More shown={siteLead.quietSites.items.length} total={siteLead.quietSites.total} label="sites that have not reported" />
          {siteLead.quietSites.total > 0 ? (
            <li className="text-muted">A site that has not reported is collecting data and has recorded no count in the last {QUIET_SITE_DAYS} days.</li>
          ) : null}
        </Part>
      ) : null}

      {projectLeadWaits ? (
        <Part id="needs-project-lead" title="As a project lead">
          {projectLead.awaitingApproval.items.map((item) => (
            <li key={`awaiting-${item.projectSlug}`}>
              <Link href={`/dashboard/projects/${item.projectSlug}#awaiting-title`}>
                {plural(item.sites, "site awaits", "sites await")} your approval
              </Link>{" "}
              for {item.projectTitle}
            </li>
          ))}
          <More shown={projectLead.awaitingApproval.items.length} total={projectLead.awaitingApproval.total} label="projects with sites awaiting approval" />
          {projectLead.changesRequested.items.map((item) => (
            <li key={`changes-${item.projectId}`}>
              <Link href={`/dashboard/proposals/${item.projectId}`}>The committee asked for changes to {item.projectTitle}</Link>
            </li>
          ))}
          <More shown={projectLead.changesRequested.items.length} total={projectLead.changesRequested.total} href="/dashboard/proposals" label="proposals with changes asked for" />
          {projectLead.behindTarget.items.map((item) => (
            <li key={`behind-${item.projectSlug}`}>
              <Link href={`/dashboard/projects/${item.projectSlug}?behind=1`}>{item.projectTitle} is behind its target</Link>:{" "}
              {plural(item.cases, "case", "cases")} of the {item.expected} expected by today (target {item.target})
            </li>
          ))}
          <More shown={projectLead.behindTarget.items.length} total={projectLead.behindTarget.total} label="projects behind target" />
        </Part>
      ) : null}

      {reviewer && reviewer.toReview.total > 0 ? (
        <Part id="needs-reviewer" title="For the committee">
          {reviewer.toReview.items.map((item) => (
            <li key={`review-${item.projectId}`}>
              <Link href={`/dashboard/review/${item.projectId}`}>Review {item.projectTitle}</Link>
              {item.submittedAt ? `, submitted on ${formatDate(item.submittedAt)}` : null}
            </li>
          ))}
          <li>
            <Link href="/dashboard/review">{plural(reviewer.toReview.total, "proposal waits", "proposals wait")} for your review</Link>
          </li>
        </Part>
      ) : null}

      {admin && admin.hospitalRequests + admin.failedEmails > 0 ? (
        <Part id="needs-admin" title="As an administrator">
          {admin.hospitalRequests > 0 ? (
            <li>
              <Link href="/dashboard/hospital-requests">{plural(admin.hospitalRequests, "hospital asked for by a member waits", "hospitals asked for by members wait")} for a decision</Link>
            </li>
          ) : null}
          {admin.failedEmails > 0 ? (
            <li>
              <Link href="/dashboard/mail?status=FAILED">{plural(admin.failedEmails, "e-mail", "e-mails")} could not be delivered</Link>
            </li>
          ) : null}
        </Part>
      ) : null}
    </section>
  );
}
