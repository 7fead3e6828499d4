import type { Metadata } from "next";
import Link from "next/link";
import { SiteGovernanceChecklist } from "@/components/sites/governance-checklist";
import { ProjectSiteHeader } from "@/components/sites/project-site-header";
import { ApproveSiteButton, SiteMoveButton, type SiteMoveChoice } from "@/components/sites/site-buttons";
import { BarChart } from "@/components/ui/bar-chart";
import { LineChart } from "@/components/ui/line-chart";
import { requireActor } from "@/lib/auth/session";
import { mayViewNational } from "@/lib/sites/facts";
import { formatDate } from "@/lib/format/dates";
import { getSiteOverview } from "@/lib/sites/overview";
import type { SiteMoveName } from "@/lib/validation/sites";
import { approveSiteHereAction, moveSiteAction } from "./actions";
import { checkSiteItemAction, recordSiteItemAction, sendBackSiteItemAction } from "./governance-actions";
import { getSiteGovernance } from "@/lib/sites/governance";
import { GOVERNANCE_KINDS } from "@/lib/validation/governance";
import { ConsultantSection } from "@/components/sites/consultant-section";
import { getConsultantPanel } from "@/lib/sites/consultant";
import * as consultantActions from "./consultant-actions";
import { orNotFound } from "@/lib/server/or-not-found";
import { ContinuityPanel } from "@/components/sites/continuity-panel";
import { getSiteContinuity } from "@/lib/sites/continuity";
import { appointSiteLeadAction, handOverSiteAction } from "./continuity-actions";
import { SitePeriodsTable } from "@/components/periods/site-periods-table";
import { sitePeriods } from "@/lib/periods/site";
import { StudyDocumentsPanel } from "@/components/documents/study-documents-panel";
import { readableProjectDocuments } from "@/lib/documents/documents";

export const metadata: Metadata = { title: "Your site" };

type Props = {
  params: Promise<{ slug: string; ods: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const MOVES: Record<SiteMoveName, Omit<SiteMoveChoice, "move">> = {
  startApprovals: {
    label: "Start local approvals",
    question: "Start local approvals?",
    explanation: "Say that the site is seeking its local approvals. Recording them moves the site on too.",
  },
  activate: {
    label: "Start data collection at this site",
    question: "Start data collection at this site?",
    explanation: "The site becomes active: its team can enter cases and you record progress against the target.",
  },
  complete: {
    label: "Mark data collection here as complete",
    question: "Mark data collection at this site as complete?",
    explanation: "Do this once every case has been submitted. No more progress can be recorded for the site.",
  },
  withdraw: {
    label: "Withdraw the site",
    question: "Withdraw the site from the project?",
    explanation:
      "The site stops taking part: its team is no longer listed or cited, and it records no more cases. A member at the hospital can register it again later, with new local approvals and the project lead's approval; its team does not come back with it, and each member rejoins by asking or by accepting an invitation.",
  },
};

/** What the page says after a move; the address names the move, never the words. */
const DONE: Record<string, string> = {
  startApprovals: "The site is now seeking its local approvals.",
  activate: "The site is now active: data collection has started here.",
  complete: "Data collection at this site is now complete.",
  withdraw: "The site has withdrawn from the project.",
  approved: "You have checked every item the site recorded.",
  itemRecorded: "The item has been recorded. The project lead checks it next.",
  itemChecked: "The item is checked.",
  checklistChecked: "Every item of the checklist is checked: the site is approved.",
  itemSentBack: "The item has been sent back. The site's leads have been told why.",
};

/** The checklist item named in the address, if it is one. */
const kindIn = (value: unknown) => GOVERNANCE_KINDS.find((kind) => kind === value) ?? null;

const percentOf = (share: number | null) => (share === null ? "no target" : `${Math.round(share * 100)}%`);

export default async function SitePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug, ods } = await params;
  const query = await searchParams;
  const site = await orNotFound(getSiteOverview(actor, slug, ods));
  const { facts, national } = site;
  const [consultantPanel, continuity, periods, governance, documents] = await Promise.all([
    getConsultantPanel(actor, facts),
    getSiteContinuity(actor, facts),
    sitePeriods(actor, facts),
    getSiteGovernance(actor, facts),
    readableProjectDocuments(actor, facts.project.id),
  ]);
  const share = site.target ? site.cases / site.target : null;
  const nationalShare = national.target > 0 ? national.cases / national.target : null;
  const moves = site.moves.filter((move) => move !== "activate" || governance.notReady.length === 0);
  const waitingToActivate = site.moves.includes("activate") && !moves.includes("activate");
  return (
    <div>
      <ProjectSiteHeader facts={facts} current="" nationalLink={mayViewNational(actor, facts)} />
      {typeof query.done === "string" && Object.hasOwn(DONE, query.done) ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          {DONE[query.done]}
        </div>
      ) : null}
      {query.registered ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          {facts.site.name} is registered for the project and you are its site lead. Record the items of the governance checklist below; the
          project lead checks each one.
        </div>
      ) : null}

      <section aria-labelledby="standing-title" className="bg-white p-4">
        <h2 id="standing-title" className="text-2xl font-bold">
          Where the site stands
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">Registered</dt>
          <dd>{formatDate(facts.registeredAt)}</dd>
          <dt className="font-semibold">Governance checklist</dt>
          <dd>
            {governance.items.filter((item) => item.state === "CHECKED").length} of {governance.items.length} checked
            {facts.leadApprovedAt ? `; the project lead approved the site on ${formatDate(facts.leadApprovedAt)}` : ""}
          </dd>
          <dt className="font-semibold">Team</dt>
          <dd>
            {site.teamSize} confirmed
            {site.requests > 0 ? `, ${site.requests} ${site.requests === 1 ? "request" : "requests"} waiting` : ""} ·{" "}
            <Link href={`/dashboard/projects/${facts.project.slug}/sites/${encodeURIComponent(facts.site.odsCode)}/team`}>See the team</Link>
          </dd>
          <dt className="font-semibold">Cases</dt>
          <dd>
            {site.cases} of {site.target ?? "no target"}
            {site.target ? ` (${percentOf(share)}; about ${site.expected} expected by now)` : ""}
          </dd>
        </dl>
        {site.canApprove && !facts.leadApprovedAt && facts.status !== "WITHDRAWN" ? (
          <div className="mt-4">
            <p className="mb-2">As the project lead, approve the site when you are content it can take part: this checks every item it has recorded.</p>
            <ApproveSiteButton action={approveSiteHereAction} projectSiteId={facts.id} hospital={facts.site.name} />
          </div>
        ) : null}
        {site.canChangeStatus && (moves.length > 0 || waitingToActivate) ? (
          <div className="mt-6">
            <h3 className="mb-2 text-xl font-bold">Move the site on</h3>
            {waitingToActivate ? (
              <p className="mb-4">
                Data collection can start here once every item of the governance checklist below is recorded and checked.
              </p>
            ) : null}
            {moves.map((move) => (
              <SiteMoveButton key={move} action={moveSiteAction} projectSiteId={facts.id} choice={{ move, ...MOVES[move] }} />
            ))}
          </div>
        ) : null}
      </section>

      <ContinuityPanel continuity={continuity} projectSiteId={facts.id} site={facts.site.name} handOverAction={handOverSiteAction} appointAction={appointSiteLeadAction} />

      <SiteGovernanceChecklist
        projectSiteId={facts.id}
        sitePath={`/dashboard/projects/${facts.project.slug}/sites/${encodeURIComponent(facts.site.odsCode)}`}
        routeLabel={governance.routeLabel}
        items={governance.items}
        projectItems={governance.projectItems}
        notReady={governance.notReady}
        canRecord={governance.canRecord}
        canCheck={governance.canCheck}
        recording={kindIn(query.record)}
        sendingBack={kindIn(query.sendBack)}
        actions={{ record: recordSiteItemAction, check: checkSiteItemAction, sendBack: sendBackSiteItemAction }}
        started={facts.status === "ACTIVE" || facts.status === "COMPLETE" || facts.status === "WITHDRAWN"}
      />

      <ConsultantSection panel={consultantPanel} projectSiteId={facts.id} actions={{ name: consultantActions.nameConsultantAction, clear: consultantActions.clearConsultantAction, invite: consultantActions.inviteConsultantAction, remove: consultantActions.removeObserverAction, stop: consultantActions.stopObservingAction }} />

      <SitePeriodsTable periods={periods} site={facts.site.name} teamCap={facts.project.teamCap} />

      <section aria-labelledby="national-title" className="mt-8">
        <h2 id="national-title" className="text-2xl font-bold">
          Against the national picture
        </h2>
        <p className="mt-2 max-w-3xl">
          This site has {site.cases} {site.cases === 1 ? "case" : "cases"}
          {site.target ? ` of its target of ${site.target} (${percentOf(share)})` : ""}, {ordinal(national.rank)} of {national.sites}{" "}
          {national.sites === 1 ? "site" : "sites"} by cases. Nationally, the sites have {national.cases} of {national.target} cases (
          {percentOf(nationalShare)}), and the middle site is at {percentOf(national.medianShare)} of its target.
        </p>
        <div className="mt-4 space-y-6">
          <BarChart
            title="Share of target reached"
            summary={`This site ${percentOf(share)}, the middle site ${percentOf(national.medianShare)}, all sites together ${percentOf(nationalShare)}.`}
            labelHeading="Compared"
            valueHeading="Share of target"
            max={100}
            bars={[
              { label: "This site", value: Math.round((share ?? 0) * 100), text: percentOf(share), highlight: true },
              { label: "Middle site nationally", value: Math.round((national.medianShare ?? 0) * 100), text: percentOf(national.medianShare) },
              { label: "All sites together", value: Math.round((nationalShare ?? 0) * 100), text: percentOf(nationalShare) },
            ]}
          />
          <LineChart
            title="Cases at this site over time"
            summary={`Cumulative cases at ${facts.site.name}: ${site.cases} now${site.target ? `, against a target of ${site.target}` : ""}.`}
            points={[...site.history].reverse().map((entry) => ({ at: entry.reportedAt, value: entry.cumulativeCases }))}
            target={site.target}
            valueLabel="Cumulative cases"
          />
        </div>
      </section>
      {documents ? <StudyDocumentsPanel documents={documents.documents} intro="The approved protocol and forms to work from. Each link downloads the file." /> : null}
    </div>
  );
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
