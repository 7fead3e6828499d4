import type { FormAction } from "@/components/ui/form";
import { formatDate } from "@/lib/format/dates";
import type { ConsultantPanel } from "@/lib/sites/consultant";
import { ConsultantForm, SiteConsultantButton } from "./consultant-forms";

export interface ConsultantActions {
  name: FormAction;
  clear: FormAction;
  invite: FormAction;
  remove: FormAction;
  stop: FormAction;
}

/**
 * The site's supervising consultant and who observes the site, on the site's page. Each person
 * sees the buttons they may use and nothing else: the leads name, invite and remove; an observer
 * may stop observing. Queries nothing.
 */
export function ConsultantSection({ panel, projectSiteId, actions }: { panel: ConsultantPanel; projectSiteId: string; actions: ConsultantActions }) {
  const { consultant } = panel;
  return (
    <section aria-labelledby="consultant-title" className="mt-8">
      <h2 id="consultant-title" className="text-2xl font-bold">
        Supervising consultant
      </h2>
      <p className="mt-2 max-w-3xl">
        The consultant who supervises the team at this hospital, shown to the team and on its certificates. The project&apos;s own supervisor,
        named in the proposal, is someone else&apos;s role.
      </p>
      {consultant ? (
        <dl className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 bg-white p-4">
          <dt className="font-semibold">Name</dt>
          <dd>{consultant.name}</dd>
          <dt className="font-semibold">Role</dt>
          <dd>{consultant.role ?? "Not given"}</dd>
          {consultant.email !== null || panel.canEdit ? (
            <>
              <dt className="font-semibold">E-mail</dt>
              <dd className="break-code">{consultant.email ?? "Not given"}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="mt-2">The site has not named its supervising consultant.</p>
      )}

      {panel.canInvite && consultant?.email && !panel.consultantObserves ? (
        <div className="mt-4 max-w-2xl">
          {panel.invitation ? (
            <p>
              {consultant.name} was invited to observe the site on {formatDate(panel.invitation.sentAt)}; the invitation is open until{" "}
              {formatDate(panel.invitation.expiresAt)}.
            </p>
          ) : (
            <>
              <p>Invite {consultant.name} to observe the site: once they accept, they see its pages, its team and its progress, and change nothing.</p>
              <SiteConsultantButton action={actions.invite} projectSiteId={projectSiteId} label={`Invite ${consultant.name} to observe`} pendingText="Sending…" />
            </>
          )}
        </div>
      ) : null}

      <h3 className="mt-6 text-xl font-bold">Who observes the site</h3>
      {panel.observers.length === 0 ? (
        <p className="mt-2">Nobody observes the site.</p>
      ) : (
        <ul className="mt-2 max-w-2xl space-y-3">
          {panel.observers.map((observer) => (
            <li key={observer.userId} className="bg-white p-3">
              <p>
                <span className="font-semibold">
                  {observer.name}
                  {observer.isMe ? " (you)" : ""}
                </span>
                , observing since {formatDate(observer.addedAt)}
              </p>
              {observer.isMe ? (
                <SiteConsultantButton
                  action={actions.stop}
                  projectSiteId={projectSiteId}
                  label="Stop observing"
                  confirm={{ title: "Stop observing the site?", body: "You will no longer see the site's pages. Its leads can invite you again." }}
                />
              ) : panel.canInvite ? (
                <SiteConsultantButton
                  action={actions.remove}
                  projectSiteId={projectSiteId}
                  userId={observer.userId}
                  label={`Remove ${observer.name}`}
                  confirm={{ title: `Stop ${observer.name} observing the site?`, body: "They will no longer see the site's pages. You can invite them again." }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {panel.canEdit ? (
        <div className="mt-6 max-w-2xl">
          <h3 className="mb-4 text-xl font-bold">{consultant ? "Change the consultant" : "Name the consultant"}</h3>
          <ConsultantForm
            action={actions.name}
            projectSiteId={projectSiteId}
            saved={{ consultantName: consultant?.name ?? "", consultantRole: consultant?.role ?? "", consultantEmail: consultant?.email ?? "" }}
          />
          {consultant ? (
            <SiteConsultantButton
              action={actions.clear}
              projectSiteId={projectSiteId}
              label="Clear the consultant"
              confirm={{
                title: "Clear the site's consultant?",
                body: "The site will name no supervising consultant. An invitation to observe still open is withdrawn; whoever observes the site already goes on until removed.",
              }}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
