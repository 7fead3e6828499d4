import { ProjectCardFrame } from "@/components/projects/project-card";
import type { DiscoverCard as DiscoverCardData } from "@/lib/trainees/discover";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function DiscoverCard({ project }: { project: DiscoverCardData }) {
  return (
    <ProjectCardFrame project={project} headingLevel="h3" summaryLines={2}>
      {project.nearness === "hospital" ? (
        <>
          <dt className="font-semibold">Collaborators at your hospital</dt>
          <dd>{project.homeCollaborators}</dd>
        </>
      ) : project.nearness === "region" ? (
        <>
          <dt className="font-semibold">In your region</dt>
          <dd>
            {plural(project.regionSites, "hospital", "hospitals")}, {plural(project.regionCollaborators, "collaborator", "collaborators")}
          </dd>
        </>
      ) : (
        <>
          <dt className="font-semibold">Hospitals taking part</dt>
          <dd>{project.siteCount}</dd>
        </>
      )}
      {project.myStatus ? (
        <>
          <dt className="font-semibold">You</dt>
          <dd>{project.myStatus === "CONFIRMED" ? "Taking part" : "Asked to join, waiting for the site lead"}</dd>
        </>
      ) : null}
    </ProjectCardFrame>
  );
}
