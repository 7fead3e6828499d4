import type { Metadata } from "next";
import Link from "next/link";
import { OutputCitation } from "@/components/outputs/output-citation";
import { OutputForm } from "@/components/outputs/output-form";
import { RemoveOutputForm } from "@/components/outputs/remove-output-form";
import { StatusTag } from "@/components/projects/status-tag";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { getOutputsPage } from "@/lib/outputs/outputs";
import { orNotFound } from "@/lib/server/or-not-found";
import { changeParamSchema } from "@/lib/validation/outputs";
import type { PublicStatus } from "@/lib/validation/projects";
import { outputFormAction, removeOutputAction } from "./actions";

export const metadata: Metadata = { title: "Record the project's outputs" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProjectOutputsPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const query = await searchParams;
  const page = await orNotFound(getOutputsPage(actor, slug));
  const { project, outputs } = page;
  const basePath = `/dashboard/projects/${project.slug}/outputs`;
  const changing = outputs.find((output) => output.id === changeParamSchema.parse(query).change) ?? null;
  const authorLists = page.authorLists.map((list) => ({ id: list.id, label: `Version ${list.version}, frozen ${formatDate(list.frozenAt)}` }));
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/dashboard/projects/${project.slug}`}>National view</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Outputs</h1>
      <p className="mt-2 text-lg">{project.title}</p>
      <p className="mt-2">
        <StatusTag status={project.status as PublicStatus} />
      </p>
      <p className="mt-4">
        The abstracts, posters, talks, papers and reports the project produced. They show on the{" "}
        <Link href={`/projects/${project.slug}`}>project&apos;s public page</Link>, on the <Link href="/outputs">collaborative&apos;s list of outputs</Link>{" "}
        and on the research page of everyone who took part.
      </p>
      {query.done === "removed" ? (
        <p role="status" className="mt-4 border-l-8 border-ok bg-white p-3 font-semibold">
          The output has been removed.
        </p>
      ) : null}

      <section aria-labelledby="recorded-title" className="mt-8">
        <h2 id="recorded-title" className="text-2xl font-bold">
          Recorded outputs
        </h2>
        {outputs.length === 0 ? (
          <p className="mt-2">None yet.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {outputs.map((output) => (
              <li key={output.id} className="border-t-4 border-brand bg-white p-4">
                <OutputCitation
                  output={output}
                  extra={output.authorListVersion !== null ? <p className="mt-1">Published with version {output.authorListVersion} of the author list.</p> : null}
                />
                <div className="mt-3 flex flex-wrap items-start gap-4">
                  <Link href={`${basePath}?change=${output.id}#change-title`}>
                    Change<span className="sr-only"> “{output.title}”</span>
                  </Link>
                  <RemoveOutputForm action={removeOutputAction} outputId={output.id} title={output.title} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="change-title" className="mt-10">
        {changing ? (
          <>
            <h2 id="change-title" className="text-2xl font-bold">
              Change “{changing.title}”
            </h2>
            <p className="mt-2">
              <Link href={basePath}>Record a new output instead</Link>
            </p>
            <div className="mt-4">
              <OutputForm
                key={changing.id}
                action={outputFormAction}
                projectId={project.id}
                outputId={changing.id}
                authorLists={authorLists}
                saved={{
                  kind: changing.kind,
                  title: changing.title,
                  venue: changing.venue,
                  date: changing.date,
                  doi: changing.doi ?? "",
                  pmid: changing.pmid ?? "",
                  authorListId: changing.authorListId ?? "",
                }}
                submit="Save the changes"
              />
            </div>
          </>
        ) : (
          <>
            <h2 id="change-title" className="text-2xl font-bold">
              Record an output
            </h2>
            <div className="mt-4">
              <OutputForm action={outputFormAction} projectId={project.id} authorLists={authorLists} submit="Record the output" />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
