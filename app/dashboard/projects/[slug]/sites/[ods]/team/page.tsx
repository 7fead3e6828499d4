import type { Metadata } from "next";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { ProjectSiteHeader } from "@/components/sites/project-site-header";
import { WithdrawInvitationButton } from "@/components/invitations/withdraw-invitation-button";
import { ContributionForm, InviteForm, RemoveMemberButton } from "@/components/sites/team-forms";
import { DecideForm } from "@/components/trainees/decide-form";
import { OtherHospitalWarning, RequesterFactRows } from "@/components/trainees/requester-facts";
import { requireActor } from "@/lib/auth/session";
import { mayViewNational, seesSiteContacts } from "@/lib/sites/facts";
import { formatDate } from "@/lib/format/dates";
import { ALL_PERIODS, MAX_SITE_LEADS, periodLabel } from "@/lib/participation/rules";
import { placesTaken } from "@/components/periods/site-periods-table";
import { getSiteTeam } from "@/lib/sites/team";
import { GRADE_LABELS } from "@/lib/validation/auth";
import { ROLE_LABELS } from "@/lib/validation/sites";
import { INVITATION_ROLE_LABELS } from "@/lib/invitations/words";
import { decideTeamRequestAction, inviteToSiteAction, recordContributionAction, removeMemberAction, withdrawInvitationAction } from "./actions";
import { orNotFound } from "@/lib/server/or-not-found";
import { SupervisingConsultantLine } from "@/components/sites/consultant-line";
import { ActingForNotice } from "@/components/sites/acting-for-notice";

export const metadata: Metadata = { title: "Site team" };

type Props = { params: Promise<{ slug: string; ods: string }> };

export default async function SiteTeamPage({ params }: Props) {
  const actor = await requireActor();
  const { slug, ods } = await params;
  const team = await orNotFound(getSiteTeam(actor, slug, ods));
  const { facts } = team;
  const manage = team.canManage;
  const membersTable = (members: typeof team.members, caption: string) => (
    <DataTable
      className="mt-4"
      caption={caption}
      head={
        <>
          <ColumnHeader>Name</ColumnHeader>
          <ColumnHeader>As cited</ColumnHeader>
          <ColumnHeader>Role</ColumnHeader>
          <ColumnHeader>Contribution</ColumnHeader>
          {manage ? (
            <ColumnHeader>
              <span className="sr-only">Remove</span>
            </ColumnHeader>
          ) : null}
        </>
      }
    >
      {members.map((member) => (
        <Row key={member.collaborationId}>
          <RowHeader>
            {member.name}
            {member.isMe ? " (you)" : ""}
            {member.email ? (
              <>
                <br />
                <span className="break-code text-sm font-normal text-muted">{member.email}</span>
              </>
            ) : null}
          </RowHeader>
          <Cell label="As cited">{member.authorship}</Cell>
          <Cell label="Role">{ROLE_LABELS[member.role]}</Cell>
          <Cell label="Contribution">
            {manage ? (
              <ContributionForm
                action={recordContributionAction}
                projectSiteId={facts.id}
                collaborationId={member.collaborationId}
                name={member.name}
                contribution={member.contribution}
              />
            ) : (
              (member.contribution ?? "Not recorded")
            )}
          </Cell>
          {manage ? (
            <Cell label={null}>
              {team.open ? (
                <RemoveMemberButton action={removeMemberAction} projectSiteId={facts.id} collaborationId={member.collaborationId} name={member.name} />
              ) : null}
            </Cell>
          ) : null}
        </Row>
      ))}
    </DataTable>
  );
  const periodName = (periodId: string | null) => {
    const period = team.periods.find((candidate) => candidate.id === periodId);
    return period ? periodLabel(period) : "None named";
  };
  const periodChoices = team.periods.filter((period) => team.openPeriodIds.includes(period.id)).map((period) => ({ id: period.id, label: periodLabel(period) }));
  return (
    <div>
      <ProjectSiteHeader facts={facts} current="team" nationalLink={mayViewNational(actor, facts)} />
      {team.actingFor && team.open ? <ActingForNotice site={facts.site.name} work="confirm or decline requests to join" /> : null}
      <p className="max-w-3xl">
        {team.members.length} confirmed: {team.siteLeads} {team.siteLeads === 1 ? "site lead" : "site leads"} (at most {MAX_SITE_LEADS}) and{" "}
        {team.confirmedCollaborators} {team.confirmedCollaborators === 1 ? "collaborator" : "collaborators"}
        {team.teamCap !== null ? ` of the ${team.teamCap} this project allows per ${team.periods.length > 0 ? "period" : "site"}` : ""}.
      </p>
      <SupervisingConsultantLine consultant={facts.consultant} showEmail={seesSiteContacts(actor, facts)} />

      {team.seesRequests ? (
      <section aria-labelledby="requests-title" className="mt-8">
        <h2 id="requests-title" className="text-2xl font-bold">
          Requests to join
        </h2>
        {team.requests.length === 0 ? (
          <p className="mt-2">No requests are waiting.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {team.requests.map((request) => (
              <li key={request.collaborationId}>
                <article aria-labelledby={`request-${request.collaborationId}`} className="border-t-4 border-brand bg-white p-4">
                  <h3 id={`request-${request.collaborationId}`} className="text-xl font-bold">
                    {request.name}
                  </h3>
                  {request.requester ? (
                    <>
                      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                        <RequesterFactRows requester={request.requester} />
                        <dt className="font-semibold">Asked on</dt>
                        <dd>{formatDate(request.requestedAt)}</dd>
                        {team.periods.length > 0 ? (
                          <>
                            <dt className="font-semibold">Period asked for</dt>
                            <dd>{periodName(request.periodId)}</dd>
                          </>
                        ) : null}
                      </dl>
                      <OtherHospitalWarning name={request.name} requester={request.requester} />
                    </>
                  ) : (
                    <p className="mt-1">
                      {request.grade ? GRADE_LABELS[request.grade] : "Grade not given"} · asked on {formatDate(request.requestedAt)}
                    </p>
                  )}
                  {(manage || team.actingFor) && team.open ? (
                    <div className="mt-3">
                      <DecideForm
                        action={decideTeamRequestAction.bind(null, facts.id)}
                        collaborationId={request.collaborationId}
                        traineeName={request.name}
                        periods={periodChoices}
                        periodId={request.periodId}
                      />
                    </div>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      ) : null}

      <section aria-labelledby="members-title" className="mt-8">
        <h2 id="members-title" className="text-2xl font-bold">
          The team
        </h2>
        {team.periods.length === 0 ? (
          membersTable(team.members, `Confirmed members of the team at ${facts.site.name}`)
        ) : (
          <>
            <p className="mt-2 max-w-3xl">
              This project runs in data-collection periods, each with its own team of collaborators. Site leads, and places from before the
              periods, are for all periods.
            </p>
            {team.periods.map((period) => {
              const members = team.members.filter((member) => member.periodId === period.id);
              return (
                <section key={period.id} aria-labelledby={`period-${period.id}`} className="mt-6">
                  <h3 id={`period-${period.id}`} className="text-xl font-bold">
                    {periodLabel(period)}
                    {period.ended ? ", ended" : ""}
                  </h3>
                  <p className="mt-1">{placesTaken(period.taken, team.teamCap)}</p>
                  {members.length > 0 ? membersTable(members, `Collaborators of period ${period.number} at ${facts.site.name}`) : null}
                </section>
              );
            })}
            <section aria-labelledby="all-periods" className="mt-6">
              <h3 id="all-periods" className="text-xl font-bold">
                For {ALL_PERIODS}
              </h3>
              {membersTable(
                team.members.filter((member) => member.periodId === null),
                `Site leads and places for all periods at ${facts.site.name}`,
              )}
            </section>
          </>
        )}
      </section>

      {team.invitations.length > 0 ? (
        <section aria-labelledby="invitations-title" className="mt-8">
          <h2 id="invitations-title" className="text-2xl font-bold">
            Invitations waiting for an answer
          </h2>
          <p className="mt-2 max-w-3xl">Nobody invited is in the team until they accept. Invitations are open for 14 days.</p>
          <ul className="mt-4 space-y-3">
            {team.invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-start justify-between gap-3 bg-white p-3">
                <div className="min-w-0">
                  <p className="font-semibold break-code">{invitation.email}</p>
                  <p className="text-sm">
                    {INVITATION_ROLE_LABELS[invitation.kind]}, invited by {invitation.invitedBy} on {formatDate(invitation.invitedAt)}, open until{" "}
                    {formatDate(invitation.expiresAt)}
                  </p>
                </div>
                {manage ? <WithdrawInvitationButton action={withdrawInvitationAction} invitationId={invitation.id} name={invitation.email} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {manage && team.open ? (
        <section aria-labelledby="invite-title" className="mt-8 max-w-2xl">
          <h2 id="invite-title" className="mb-4 text-2xl font-bold">
            Invite someone to the team
          </h2>
          <InviteForm action={inviteToSiteAction} projectSiteId={facts.id} inPeriods={team.periods.length > 0} />
        </section>
      ) : null}

      {team.past.length > 0 || team.earlierHidden > 0 ? (
        <section aria-labelledby="past-title" className="mt-8">
          <h2 id="past-title" className="text-2xl font-bold">
            Declined and former members
          </h2>
          {team.earlierHidden > 0 ? (
            <p className="mt-2 max-w-3xl">
              {facts.site.name} had a team before it registered again. Its former members are not on this team: they can ask to join, or you
              can invite them once the project lead has approved the site, and they are listed here from then.
            </p>
          ) : null}
          {team.past.length > 0 ? (
            <ul className="mt-2 list-disc pl-6">
              {team.past.map((member) => (
                <li key={member.collaborationId}>
                  {member.name}: {member.status === "DECLINED" ? "declined" : "left or removed"} on {formatDate(member.decidedAt)}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
