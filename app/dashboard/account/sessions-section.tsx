import { SessionsList } from "@/components/account/sessions-list";
import type { Actor } from "@/lib/auth/session";
import { currentSessionKey } from "@/lib/auth/session";
import { listMySessions } from "@/lib/users/sessions";
import { endOtherSessionsAction, endSessionAction } from "./session-actions";

/** The account page's "where you are signed in": its own section, read and changed on its own. */
export async function SessionsSection({ actor }: { actor: Actor }) {
  const sessions = await listMySessions(actor, await currentSessionKey());
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="mt-10 mb-4 text-2xl font-bold">
        Where you are signed in
      </h2>
      <SessionsList sessions={sessions} endSession={endSessionAction} endOtherSessions={endOtherSessionsAction} />
    </section>
  );
}
