import Link from "next/link";
import type { ReactNode } from "react";
import { Tag, type TagTone } from "@/components/ui/tag";
import type { FormAction } from "@/components/ui/form";
import { formatDate } from "@/lib/format/dates";
import type { GovernanceItemKind } from "@/lib/generated/prisma/enums";
import type { ChecklistItem, ItemState } from "@/lib/sites/governance";
import { CheckItemButton, GovernanceItemForm, SendBackForm } from "./governance-forms";

const STATES: Record<ItemState, { label: string; tone: TagTone }> = {
  MISSING: { label: "Not recorded", tone: "grey" },
  RECORDED: { label: "Waiting for a check", tone: "yellow" },
  CHECKED: { label: "Checked", tone: "green" },
  SENT_BACK: { label: "Sent back", tone: "red" },
};

export function GovernanceStateTag({ state, project = false }: { state: ItemState; project?: boolean }) {
  // The project's own items are recorded by its leads: recorded is all they need to be.
  if (project && state === "CHECKED") return <Tag tone="green">Recorded</Tag>;
  return <Tag tone={STATES[state].tone}>{STATES[state].label}</Tag>;
}

/** What is known of an item: its reference and date, who recorded it, who checked it or sent it back and why. */
export function ItemFacts({ item, project = false }: { item: ChecklistItem; project?: boolean }) {
  if (item.state === "MISSING") return <p className="mt-1">{project ? "Not recorded yet." : "The site has not recorded it yet."}</p>;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      <dt className="font-semibold">Reference</dt>
      <dd className="break-code">{item.reference}</dd>
      <dt className="font-semibold">{item.dateLegend}</dt>
      <dd>{formatDate(item.date)}</dd>
      <dt className="font-semibold">Recorded</dt>
      <dd>
        {item.recordedBy ? `by ${item.recordedBy} ` : ""}on {formatDate(item.recordedAt)}
      </dd>
      {!project && item.state === "CHECKED" ? (
        <>
          <dt className="font-semibold">Checked</dt>
          <dd>
            {item.checkedBy ? `by ${item.checkedBy} ` : ""}on {formatDate(item.checkedAt)}
          </dd>
        </>
      ) : null}
      {item.state === "SENT_BACK" ? (
        <>
          <dt className="font-semibold">Sent back</dt>
          <dd>
            {item.checkedBy ? `by ${item.checkedBy} ` : ""}on {formatDate(item.checkedAt)}, because: {item.sentBackReason}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export interface SiteChecklistProps {
  projectSiteId: string;
  sitePath: string;
  routeLabel: string;
  items: ChecklistItem[];
  projectItems: ChecklistItem[];
  notReady: string[];
  canRecord: boolean;
  canCheck: boolean;
  /** The item whose form is open (from the page's address), if any. */
  recording: GovernanceItemKind | null;
  sendingBack: GovernanceItemKind | null;
  actions: { record: FormAction; check: FormAction; sendBack: FormAction };
  /** Whether the site already collects or has finished: then "cannot start" is not said. */
  started: boolean;
}

/** A site's governance checklist: each item's state, the forms of whoever may act on it, and why the site cannot start yet. */
export function SiteGovernanceChecklist(props: SiteChecklistProps): ReactNode {
  const { items, projectItems, notReady } = props;
  return (
    <section aria-labelledby="governance-title" className="mt-8">
      <h2 id="governance-title" className="text-2xl font-bold">
        Governance checklist
      </h2>
      <p className="mt-2 max-w-3xl">
        The project&apos;s route: {props.routeLabel}. Record each item&apos;s reference and date; upload nothing, as no patient data enters the portal. The project
        lead checks each item.
      </p>
      {!props.started ? (
        notReady.length > 0 ? (
          <div className="mt-4 max-w-3xl border-l-8 border-brand bg-white p-4">
            <p className="font-semibold">Data collection cannot start at this site yet:</p>
            <ul className="mt-2 list-disc pl-6">
              {notReady.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="mt-4 max-w-3xl border-l-8 border-ok bg-white p-4">Every item is recorded and checked: data collection can start at this site.</p>
        )
      ) : null}
      {projectItems.length > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-bold">The project&apos;s approvals</h3>
          <ul className="mt-2 max-w-3xl space-y-4">
            {projectItems.map((item) => (
              <li key={item.kind} className="bg-white p-4">
                <p>
                  <span className="font-semibold">{item.label}</span> <GovernanceStateTag state={item.state} project />
                </p>
                <ItemFacts item={item} project />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="mt-6 text-xl font-bold">This site&apos;s items</h3>
      <ul className="mt-2 max-w-3xl space-y-4">
        {items.map((item) => (
          <li key={item.kind} className="bg-white p-4" id={`item-${item.kind}`}>
            <p>
              <span className="font-semibold">{item.label}</span> <GovernanceStateTag state={item.state} />
            </p>
            <p className="text-sm text-muted">{item.hint}</p>
            <ItemFacts item={item} />
            <div className="mt-3 flex flex-wrap items-start gap-4">
              {props.canCheck && item.state === "RECORDED" ? (
                <CheckItemButton action={props.actions.check} projectSiteId={props.projectSiteId} kind={item.kind} phrase={item.phrase} recordedAt={item.recordedAt} />
              ) : null}
              {props.canCheck && (item.state === "RECORDED" || item.state === "CHECKED") && props.sendingBack !== item.kind ? (
                <Link href={`${props.sitePath}?sendBack=${item.kind}#item-${item.kind}`}>
                  Send back<span className="sr-only"> the {item.phrase}</span>
                </Link>
              ) : null}
              {props.canRecord && props.recording !== item.kind ? (
                <Link href={`${props.sitePath}?record=${item.kind}#item-${item.kind}`}>
                  {item.state === "MISSING" ? "Record" : "Record again"}
                  <span className="sr-only"> the {item.phrase}</span>
                </Link>
              ) : null}
            </div>
            {props.canRecord && props.recording === item.kind ? (
              <div className="mt-4">
                {item.state === "CHECKED" ? <p className="mb-2">Recording it again puts it back to the project lead to check.</p> : null}
                <GovernanceItemForm
                  action={props.actions.record}
                  owner={{ name: "projectSiteId", value: props.projectSiteId }}
                  item={{ ...item, date: item.date ? item.date.toISOString().slice(0, 10) : null }}
                />
              </div>
            ) : null}
            {props.canCheck && props.sendingBack === item.kind && (item.state === "RECORDED" || item.state === "CHECKED") ? (
              <div className="mt-4">
                <SendBackForm action={props.actions.sendBack} projectSiteId={props.projectSiteId} kind={item.kind} phrase={item.phrase} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The project's own items (IRAS number, REC reference) on its leads' page, with the form of the one being recorded. */
export function ProjectGovernanceSection({
  projectId,
  basePath,
  routeLabel,
  items,
  canRecord,
  recording,
  action,
}: {
  projectId: string;
  basePath: string;
  routeLabel: string;
  items: ChecklistItem[];
  canRecord: boolean;
  recording: GovernanceItemKind | null;
  action: FormAction;
}) {
  return (
    <section aria-labelledby="project-governance-title" className="mt-8">
      <h2 id="project-governance-title" className="text-2xl font-bold">
        The project&apos;s approvals
      </h2>
      <p className="mt-2">
        Route: {routeLabel}. No site can start collecting until these are recorded; each site then records its own confirmation of capacity and capability.
      </p>
      <ul className="mt-2 space-y-4">
        {items.map((item) => (
          <li key={item.kind} className="bg-white p-4" id={`item-${item.kind}`}>
            <p>
              <span className="font-semibold">{item.label}</span> <GovernanceStateTag state={item.state} project />
            </p>
            <p className="text-sm text-muted">{item.hint}</p>
            <ItemFacts item={item} project />
            {canRecord && recording !== item.kind ? (
              <p className="mt-2">
                <Link href={`${basePath}?record=${item.kind}#item-${item.kind}`}>
                  {item.state === "MISSING" ? "Record" : "Change"}
                  <span className="sr-only"> the {item.phrase}</span>
                </Link>
              </p>
            ) : null}
            {canRecord && recording === item.kind ? (
              <div className="mt-4">
                <GovernanceItemForm
                  action={action}
                  owner={{ name: "projectId", value: projectId }}
                  item={{ ...item, date: item.date ? item.date.toISOString().slice(0, 10) : null }}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
