import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/sites/copy-button";
import { requireActor } from "@/lib/auth/session";
import { getAuthorshipList } from "@/lib/sites/exports";
import { authorshipGroupSchema } from "@/lib/validation/sites";
import { orNotFound } from "@/lib/server/or-not-found";
import { CreditRoleForm, FreezeForm, TakeBackButton } from "@/components/author-lists/forms";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { CREDIT_ROLE_LABELS, GROUPING_LABELS, GROUPING_FROM } from "@/lib/validation/credit-roles";
import { formatDate } from "@/lib/format/dates";
import { AUTHORSHIP_GROUPS } from "@/lib/validation/sites";
import { freezeAuthorListAction, giveCreditRoleAction, takeBackCreditRoleAction } from "./actions";

export const metadata: Metadata = { title: "Authorship list" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AuthorshipPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const group = authorshipGroupSchema.parse((await searchParams).group);
  const list = await orNotFound(getAuthorshipList(actor, slug, group));
  const basePath = `/dashboard/projects/${list.project.slug}`;
  const minimum = list.project.minimumCitableCases;
  return (
    <div className="max-w-4xl">
      <p>
        <Link href={basePath}>National view</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Authorship list</h1>
      <p className="mt-2 text-lg">{list.project.title}</p>
      <p className="mt-4">
        Every confirmed member of a site that has not withdrawn, as PubMed cites collaborators: surname and initials, from each member&apos;s
        profile. Each person appears once: project leads in the steering committee, people you give a role under that role, and a member
        who moved between hospitals under the hospital they joined first, with the other hospital after their name.{" "}
        {minimum === null
          ? "Everyone is cited: the project sets no minimum number of cases."
          : `Members of sites that submitted fewer than ${minimum} cases are acknowledged rather than cited.`}
      </p>
      <nav aria-label="Group the list" className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {AUTHORSHIP_GROUPS.map((option) => (
            <li key={option}>
              <Link
                href={option === "hospital" ? `${basePath}/authorship` : `${basePath}/authorship?group=${option}`}
                aria-current={group === option ? "page" : undefined}
                className={group === option ? "font-bold" : ""}
              >
                {GROUPING_LABELS[option]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-4" role="status">
        {list.citedCount} cited{list.acknowledgedCount > 0 ? `, ${list.acknowledgedCount} acknowledged` : ""}.
      </p>
      <section aria-labelledby="list-title" className="mt-4">
        <h2 id="list-title" className="sr-only">
          The list as plain text
        </h2>
        <pre id="authorship-text" tabIndex={0} aria-label="Authorship list" className="max-h-[32rem] overflow-auto whitespace-pre-wrap bg-white p-4 font-sans">
          {list.text || "No confirmed members yet."}
        </pre>
        <div className="mt-4 flex flex-wrap items-center gap-6">
          <CopyButton targetId="authorship-text" label="Copy the list" />
          <a href={`${basePath}/export/authorship.txt?group=${group}`} download>
            Download the list (text file)
          </a>
        </div>
      </section>
      <section aria-labelledby="roles-title" className="mt-10">
        <h2 id="roles-title" className="text-2xl font-bold">
          Credit roles
        </h2>
        <p className="mt-2">
          The steering committee is the project&apos;s leads, and site leads and collaborators come from their places. Give the other roles of
          collaborative authorship here: people with a role are cited under it whatever their site&apos;s cases.
        </p>
        {list.creditRoles.length > 0 ? (
          <DataTable caption="Credit roles given" head={<><ColumnHeader>Person</ColumnHeader><ColumnHeader>Role</ColumnHeader><ColumnHeader><span className="sr-only">Actions</span></ColumnHeader></>} className="mt-4">
            {list.creditRoles.map((given) => (
              <Row key={`${given.userId}-${given.role}`}>
                <RowHeader>{given.printedName}</RowHeader>
                <Cell label="Role">{CREDIT_ROLE_LABELS[given.role]}</Cell>
                <Cell label={null}>
                  <TakeBackButton
                    action={takeBackCreditRoleAction}
                    projectId={list.project.id}
                    userId={given.userId}
                    role={given.role}
                    label={`Take back ${CREDIT_ROLE_LABELS[given.role].toLowerCase()} from ${given.printedName}`}
                  />
                </Cell>
              </Row>
            ))}
          </DataTable>
        ) : (
          <p className="mt-4">No roles given yet.</p>
        )}
        <div className="mt-4">
          <CreditRoleForm action={giveCreditRoleAction} projectId={list.project.id} people={list.entries.map((entry) => ({ userId: entry.userId, printedName: entry.printedName }))} />
        </div>
      </section>
      <section aria-labelledby="versions-title" className="mt-10">
        <h2 id="versions-title" className="text-2xl font-bold">
          Frozen versions for publication
        </h2>
        {list.versions.length > 0 ? (
          <>
            <ul className="mt-4 list-disc pl-6">
              {list.versions.map((version) => (
                <li key={version.id}>
                  <Link href={`${basePath}/authorship/versions/${version.version}`}>Version {version.version}</Link>, frozen on {formatDate(version.frozenAt)},{" "}
                  {GROUPING_LABELS[GROUPING_FROM[version.grouping]].toLowerCase()}, answers until {formatDate(version.answerBy)}
                </li>
              ))}
            </ul>
            <p className="mt-4">To correct the list, open its newest version and issue the next one from there.</p>
          </>
        ) : (
          <>
            <p className="mt-2">
              Freeze the list as it stands for a publication. Everyone on it with an account is told, and can confirm their name as printed or ask
              for a correction until the date you set. The frozen list does not change when accounts do.
            </p>
            <div className="mt-4">
              <FreezeForm action={freezeAuthorListAction} projectId={list.project.id} grouping={group} />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
