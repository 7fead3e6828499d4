import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageSitesForm } from "@/components/sites/message-sites-form";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { getMessageSitesPage } from "@/lib/sites/message";
import { messageSitesAction } from "./actions";

export const metadata: Metadata = { title: "Message all site leads" };

type Props = { params: Promise<{ slug: string }> };

export default async function MessageSitesPage({ params }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const page = await getMessageSitesPage(actor, slug).catch((error: unknown) => {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  });
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/dashboard/projects/${page.project.slug}`}>National view</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Message all site leads</h1>
      <p className="mt-2 text-lg">{page.project.title}</p>
      <p className="mt-4">
        The message goes to the {page.recipients} {page.recipients === 1 ? "site lead" : "site leads"} of the sites taking part, in their
        notifications.
      </p>
      <div className="mt-6">
        <MessageSitesForm action={messageSitesAction} projectId={page.project.id} />
      </div>
    </div>
  );
}
