import type { Metadata } from "next";
import { AnswerForm } from "@/components/author-lists/forms";
import { requireActor } from "@/lib/auth/session";
import { getMyAuthorListEntry } from "@/lib/author-lists/author-lists";
import { ANSWER_LABELS } from "@/lib/validation/credit-roles";
import { formatLongDay } from "@/lib/format/dates";
import { orNotFound } from "@/lib/server/or-not-found";
import { answerAuthorListAction } from "./actions";

export const metadata: Metadata = { title: "Your name on an author list" };

type Props = { params: Promise<{ id: string }> };

export default async function MyAuthorListEntryPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const { list, project, entry } = await orNotFound(getMyAuthorListEntry(actor, id));
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Your name on the author list</h1>
      <p className="mt-2 text-lg">
        {project.title}, version {list.version}
      </p>
      <p className="mt-4">
        The project lead froze this list for publication on {formatLongDay(list.frozenAt)}. This is your line exactly as it will be printed,
        under the heading &ldquo;{entry.groupName}&rdquo;{entry.cited ? "" : ", among the acknowledged collaborators (your site submitted fewer cases than the project's minimum)"}.
      </p>
      <p data-testid="printed-line" className="mt-4 border-l-8 border-brand bg-white p-4 text-xl font-semibold">
        {entry.line}
      </p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Role</dt>
        <dd>{entry.role}</dd>
        <dt className="font-semibold">Affiliations</dt>
        <dd>{entry.affiliations.join("; ") || "None"}</dd>
        <dt className="font-semibold">ORCID iD</dt>
        <dd>{entry.orcid ?? "None (add it to your profile for the next version)"}</dd>
        <dt className="font-semibold">Your answer</dt>
        <dd>
          {ANSWER_LABELS[entry.answer]}
          {entry.correction ? `: “${entry.correction}”` : ""}
        </dd>
      </dl>
      {list.open ? (
        <section aria-labelledby="answer-title" className="mt-8">
          <h2 id="answer-title" className="text-2xl font-bold">
            Confirm or ask for a correction
          </h2>
          <p className="mt-2">You can answer, or change your answer, until {formatLongDay(list.answerBy)}.</p>
          <div className="mt-4">
            <AnswerForm action={answerAuthorListAction} listId={list.id} />
          </div>
        </section>
      ) : (
        <p className="mt-8" role="status">
          The time to answer ended on {formatLongDay(list.answerBy)}. Your line is printed as shown; if it is wrong, write to the project lead, who
          can issue a corrected version.
        </p>
      )}
    </div>
  );
}
