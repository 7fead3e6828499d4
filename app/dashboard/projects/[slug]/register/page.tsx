import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmEmailNotice } from "@/components/accounts/confirm-email-notice";
import { RegisterSiteForm } from "@/components/sites/register-site-form";
import { requireActor } from "@/lib/auth/session";
import { needsConfirmedEmail } from "@/lib/authz";
import { getPublicProject } from "@/lib/projects/public";
import { getRegistrationOptions } from "@/lib/sites/register";
import { ROLE_LABELS } from "@/lib/validation/sites";
import { joinExistingTeamAction, registerSiteAction } from "./actions";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Register your hospital" };

type Props = { params: Promise<{ slug: string }> };

export default async function RegisterSitePage({ params }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  if (needsConfirmedEmail(actor, "site.register")) {
    const project = await getPublicProject(slug);
    if (!project) notFound();
    return (
      <div className="max-w-3xl">
        <p>
          <Link href={`/projects/${project.slug}`}>{project.title}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Register your hospital</h1>
        <ConfirmEmailNotice email={actor.email} unavailable="register your hospital for this project and become its site lead" />
      </div>
    );
  }
  const options = await orNotFound(getRegistrationOptions(actor, slug));
  const { project } = options;
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/projects/${project.slug}`}>{project.title}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Register your hospital</h1>
      {options.mine ? (
        <p role="status" className="mt-4 border-l-8 border-brand bg-white p-4">
          You already take part in this project at {options.mine.site} as {ROLE_LABELS[options.mine.role].toLowerCase()}. A member
          takes part at one hospital per project.
        </p>
      ) : !project.open ? (
        <p className="mt-4">This project has finished collecting data and takes no new sites.</p>
      ) : (
        <>
          <p className="mt-2 text-lg">
            Register the hospital where you will run the project. You become its site lead: you record the local approvals, confirm your team and
            record the cases submitted. The project lead approves each site before data collection starts there.
          </p>
          {options.formerTeams.length > 0 ? (
            <p className="mt-4 border-l-8 border-brand bg-white p-4">
              {options.formerTeams.join(" and ")} withdrew from this project while you were on {options.formerTeams.length === 1 ? "its team" : "their teams"}. You
              can register {options.formerTeams.length === 1 ? "it" : "one of them"} again: it comes back with the cases it submitted and you
              become its site lead, with nobody else on its team until they ask to join or accept your invitation. Or register another hospital,
              or join one taking part.
            </p>
          ) : null}
          <div className="mt-6">
            <RegisterSiteForm
              action={registerSiteAction.bind(null, project.slug)}
              joinAction={joinExistingTeamAction.bind(null, project.slug)}
              projectId={project.id}
              regions={options.regions}
              defaultSiteId={options.homeSiteId}
              periods={options.periods}
            />
          </div>
        </>
      )}
      {options.registered.length > 0 ? (
        <section aria-labelledby="registered-title" className="mt-10">
          <h2 id="registered-title" className="text-2xl font-bold">
            Hospitals already taking part
          </h2>
          <p className="mt-2">
            To take part at one of these, <Link href={`/projects/${project.slug}#take-part-title`}>ask to join its team</Link> on the project page.
          </p>
          <ul className="mt-2 list-disc pl-6">
            {options.registered.map((site) => (
              <li key={site.projectSiteId}>
                {site.name}, {site.city}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
