import { formatDate } from "@/lib/format/dates";
import type { SiteContinuity } from "@/lib/sites/continuity";
import type { FormAction } from "@/components/ui/form";
import { AppointLeadForm, HandOverForm, type Person } from "./continuity-forms";

/** Keeping the site led: the site lead's handover, and the project lead's appointment of a site lead (docs/decisions/026). */
export function ContinuityPanel({
  continuity,
  projectSiteId,
  site,
  handOverAction,
  appointAction,
}: {
  continuity: SiteContinuity;
  projectSiteId: string;
  site: string;
  handOverAction: FormAction;
  appointAction: FormAction;
}) {
  if (!continuity.canHandOver && !continuity.canAppoint) return null;
  const collaborators: Person[] = continuity.members.filter((m) => m.role === "COLLABORATOR").map((m) => ({ id: m.collaborationId, name: m.name }));
  const siteLeads: Person[] = continuity.members.filter((m) => m.role === "SITE_LEAD").map((m) => ({ id: m.userId, name: m.name }));
  return (
    <section aria-labelledby="continuity-title" className="mt-8 max-w-2xl">
      <h2 id="continuity-title" className="text-2xl font-bold">
        Who leads the site
      </h2>
      <p className="mt-2">
        {siteLeads.length === 0 ? "Nobody leads the site at the moment." : `Led by ${siteLeads.map((lead) => lead.name).join(" and ")}.`} A site
        has {continuity.maxSiteLeads} site leads at most, and always at least one.
      </p>
      {continuity.pending.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {continuity.pending.map((invitation) => (
            <li key={invitation.id}>
              <span className="break-code">{invitation.who}</span> is invited to be a site lead
              {invitation.replaces ? ` in place of ${invitation.replaces}` : ""}, open until {formatDate(invitation.expiresAt)}.
            </li>
          ))}
        </ul>
      ) : null}
      {continuity.closedReason ? (
        <p className="mt-2">{continuity.closedReason}</p>
      ) : (
        <>
          {continuity.canHandOver ? (
            <div className="mt-4">
              <h3 className="mb-2 text-xl font-bold">Hand the site over</h3>
              {collaborators.length === 0 ? (
                <p>There is no collaborator on the team to hand the site to yet. Invite someone from the team page first.</p>
              ) : (
                <HandOverForm action={handOverAction} projectSiteId={projectSiteId} collaborators={collaborators} />
              )}
            </div>
          ) : null}
          {continuity.canAppoint ? (
            <div className="mt-4">
              <h3 className="mb-2 text-xl font-bold">Appoint a site lead at {site}</h3>
              <p className="mb-4">As a lead of the project, invite a member of the team or anyone else to lead the site, beside its site leads or in place of one.</p>
              <AppointLeadForm action={appointAction} projectSiteId={projectSiteId} collaborators={collaborators} siteLeads={siteLeads} />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
