import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/sites/copy-button";
import { requireActor } from "@/lib/auth/session";
import { getAuthorshipList } from "@/lib/sites/exports";
import { authorshipGroupSchema } from "@/lib/validation/sites";
import { orNotFound } from "@/lib/server/or-not-found";

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
        profile. Project leads appear once, in the steering committee.{" "}
        {minimum === null
          ? "Everyone is cited: the project sets no minimum number of cases."
          : `Members of sites that submitted fewer than ${minimum} cases are acknowledged rather than cited.`}
      </p>
      <nav aria-label="Group the list" className="mt-4">
        <ul className="flex gap-6">
          <li>
            <Link href={`${basePath}/authorship`} aria-current={group === "hospital" ? "page" : undefined} className={group === "hospital" ? "font-bold" : ""}>
              By hospital
            </Link>
          </li>
          <li>
            <Link href={`${basePath}/authorship?group=role`} aria-current={group === "role" ? "page" : undefined} className={group === "role" ? "font-bold" : ""}>
              By role
            </Link>
          </li>
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
    </div>
  );
}
