import type { Metadata } from "next";
import Link from "next/link";
import { StudiesPanel } from "@/components/sites/studies-panel";
import { requireActor } from "@/lib/auth/session";
import { getMyStudies } from "@/lib/sites/mine";

export const metadata: Metadata = { title: "Your sites and projects" };

export default async function MySitesPage() {
  const actor = await requireActor();
  const studies = await getMyStudies(actor);
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">Your sites and projects</h1>
      <p className="mt-2 text-lg">The hospitals where you are the site lead, and the projects you lead across sites.</p>
      <div className="mt-6">
        {studies.sites.length === 0 && studies.projects.length === 0 ? (
          <p>
            You do not lead a site or a project yet. To run a project at your hospital, open it from the <Link href="/projects">list of projects</Link>{" "}
            and register your hospital.
          </p>
        ) : (
          <StudiesPanel studies={studies} />
        )}
      </div>
    </div>
  );
}
