import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/sites/copy-button";
import { IssueForm } from "@/components/author-lists/forms";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { Tag } from "@/components/ui/tag";
import { requireActor } from "@/lib/auth/session";
import { getAuthorListVersion } from "@/lib/author-lists/author-lists";
import { ANSWER_LABELS, CREDIT_ROLE_LABELS, GROUPING_FROM, GROUPING_LABELS } from "@/lib/validation/credit-roles";
import { printedLine } from "@/lib/sites/authorship-list";
import { formatDate, formatLongDay } from "@/lib/format/dates";
import { orNotFound } from "@/lib/server/or-not-found";
import { issueAuthorListAction } from "../../actions";

export const metadata: Metadata = { title: "Frozen author list" };

type Props = { params: Promise<{ slug: string; version: string }> };

const TONES = { PENDING: "grey", CONFIRMED: "green", CORRECTION_REQUESTED: "yellow" } as const;

export default async function AuthorListVersionPage({ params }: Props) {
  const actor = await requireActor();
  const { slug, version } = await params;
  const page = await orNotFound(getAuthorListVersion(actor, slug, version));
  const { list, project } = page;
  const basePath = `/dashboard/projects/${project.slug}/authorship`;
  const exportPath = `${basePath}/versions/${list.version}`;
  const grouping = GROUPING_FROM[list.grouping];
  const asked = page.entries.filter((entry) => entry.answer === "CORRECTION_REQUESTED" && entry.userId);
  return (
    <div className="max-w-4xl">
      <p>
        <Link href={basePath}>Authorship list</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Author list, version {list.version}</h1>
      <p className="mt-2 text-lg">{project.title}</p>
      <p className="mt-4">
        Frozen on {formatDate(list.frozenAt)}, {GROUPING_LABELS[grouping].toLowerCase()}.{" "}
        {list.open ? `The people on it can answer until ${formatLongDay(list.answerBy)}.` : `Answers closed on ${formatLongDay(list.answerBy)}.`}
      </p>
      {list.changeLog ? (
        <section aria-labelledby="changes-title" className="mt-6">
          <h2 id="changes-title" className="text-2xl font-bold">
            What changed from version {list.version - 1}
          </h2>
          <pre className="mt-2 whitespace-pre-wrap bg-white p-4 font-sans">{list.changeLog}</pre>
        </section>
      ) : null}
      <section aria-labelledby="text-title" className="mt-6">
        <h2 id="text-title" className="text-2xl font-bold">
          The list as printed
        </h2>
        <pre id="frozen-text" tabIndex={0} aria-label={`Author list, version ${list.version}`} className="mt-2 max-h-[32rem] overflow-auto whitespace-pre-wrap bg-white p-4 font-sans">
          {page.text}
        </pre>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
          <CopyButton targetId="frozen-text" label="Copy the list" />
          <a href={`${exportPath}/pubmed.txt`} download>
            PubMed group authorship (text)
          </a>
          <a href={`${exportPath}/authors.csv`} download>
            Spreadsheet for journal submission (CSV)
          </a>
          <a href={`${exportPath}/manuscript.txt`} download>
            Text for the manuscript
          </a>
        </div>
      </section>
      <section aria-labelledby="answers-title" className="mt-10">
        <h2 id="answers-title" className="text-2xl font-bold">
          Answers
        </h2>
        <p className="mt-2" role="status">
          {page.counts.CONFIRMED} confirmed, {page.counts.CORRECTION_REQUESTED} asked for a correction, {page.counts.PENDING} not answered.
        </p>
        <DataTable
          caption={`Answers to version ${list.version}`}
          className="mt-4"
          head={
            <>
              <ColumnHeader>Name as printed</ColumnHeader>
              <ColumnHeader>Group</ColumnHeader>
              <ColumnHeader>Role</ColumnHeader>
              <ColumnHeader>Answer</ColumnHeader>
              <ColumnHeader>Correction asked for</ColumnHeader>
            </>
          }
        >
          {page.entries.map((entry) => (
            <Row key={entry.id}>
              <RowHeader>
                {printedLine(entry)}
                {entry.cited ? null : " (acknowledged)"}
              </RowHeader>
              <Cell label="Group">{entry.groupName}</Cell>
              <Cell label="Role">{CREDIT_ROLE_LABELS[entry.role]}</Cell>
              <Cell label="Answer">
                <Tag tone={TONES[entry.answer]}>{entry.userId || entry.answer !== "PENDING" ? ANSWER_LABELS[entry.answer] : "No account"}</Tag>
                {entry.answeredAt ? <span className="block text-sm">{formatDate(entry.answeredAt)}</span> : null}
              </Cell>
              <Cell label="Correction asked for">{entry.correction ?? ""}</Cell>
            </Row>
          ))}
        </DataTable>
      </section>
      {list.newest ? (
        <section aria-labelledby="issue-title" className="mt-10">
          <h2 id="issue-title" className="text-2xl font-bold">
            Issue version {list.version + 1}
          </h2>
          <p className="mt-2">
            The new version is made from the list as it stands now, with the names you type below for those who asked for a correction. The
            change log lists what changed, followed by your note. Everyone on it is told again and has a new time to answer.
          </p>
          <div className="mt-4">
            <IssueForm
              action={issueAuthorListAction}
              listId={list.id}
              grouping={grouping}
              asked={asked.map((entry) => ({ entryId: entry.id, printedName: entry.printedName, correction: entry.correction }))}
            />
          </div>
        </section>
      ) : (
        <p className="mt-10">A newer version exists: corrections are issued from the newest.</p>
      )}
    </div>
  );
}
