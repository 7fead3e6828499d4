import type { Metadata } from "next";
import Link from "next/link";
import { MessageSitesForm } from "@/components/sites/message-sites-form";
import { requireActor } from "@/lib/auth/session";
import { getMessageSitesPage } from "@/lib/sites/message";
import { messageSitesAction } from "./actions";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Message site leads" };

type Props = { params: Promise<{ slug: string }> };

export default async function MessageSitesPage({ params }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const page = await orNotFound(getMessageSitesPage(actor, slug));
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/dashboard/projects/${page.project.slug}`}>National view</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Message site leads</h1>
      <p className="mt-2 text-lg">{page.project.title}</p>
      <p className="mt-4">
        The message appears in each site lead&apos;s notifications and is e-mailed to them, unless they have chosen not to get e-mails about
        messages from project leads.
        {page.sitesWithoutLead > 0
          ? ` ${page.sitesWithoutLead} ${page.sitesWithoutLead === 1 ? "site has" : "sites have"} no site lead yet, so ${page.sitesWithoutLead === 1 ? "it is" : "they are"} not listed.`
          : ""}
      </p>
      <div className="mt-6">
        <MessageSitesForm
          action={messageSitesAction}
          projectId={page.project.id}
          recipients={page.recipients}
          sites={page.sites.map((site) => ({
            projectSiteId: site.projectSiteId,
            label: `${site.hospital}, ${site.city}: ${site.cases} of ${site.target} cases${site.behind ? ", behind target" : ""} (${site.siteLeads.length === 1 ? "site lead" : "site leads"}: ${site.siteLeads.join(", ")})`,
          }))}
        />
      </div>
    </div>
  );
}
