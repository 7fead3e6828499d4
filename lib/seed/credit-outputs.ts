// The demo's outputs (issue 15): the completed project's abstract, its talk and then its paper,
// with a DOI and a PubMed ID; and an abstract or two from other finished projects, so the
// collaborative's list of outputs has more than one project in it. Every date falls after the
// project's collection ended and before today. DOIs use Crossref's prefix for examples (10.5555),
// which resolves to nothing real.
import { ProjectStatus } from "@/lib/generated/prisma/enums";
import type { CreditStoryContext } from "./credit";
import type { SeedPlan } from "./plan";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;

/** The day `days` after `from`, at midnight UTC (outputs are dated by the day), and never today or later. */
function dayAfter(from: Date, days: number, midnight: Date): Date | null {
  const at = new Date(from.getTime() + days * DAY);
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return day < midnight ? day : null;
}

export function addDemoOutputs(plan: SeedPlan, context: CreditStoryContext): void {
  const random = new SeededRandom(1505);
  const leadOf = (projectId: string) => plan.projectLeads.find((lead) => lead.projectId === projectId && lead.role === "LEAD")?.userId ?? null;
  const latestList = (projectId: string) =>
    plan.authorLists.filter((list) => list.projectId === projectId).sort((a, b) => b.version - a.version)[0]?.id ?? null;
  const add = (project: SeedPlan["projects"][number], kind: SeedPlan["outputs"][number]["kind"], title: string, venue: string, date: Date | null, ids: { doi?: string; pmid?: string } = {}) => {
    if (!date) return;
    // The plan's projects always carry their id and dates (./plan.ts); Prisma's input type allows them to be left out.
    const projectId = project.id as string;
    plan.outputs.push({
      id: random.uuid(),
      projectId,
      kind,
      title,
      venue,
      date,
      doi: ids.doi ?? null,
      pmid: ids.pmid ?? null,
      authorListId: kind === "PAPER" ? latestList(projectId) : null,
      recordedById: leadOf(projectId),
      createdAt: new Date(date.getTime() + random.int(1, 6) * 60 * 60 * 1000),
    });
  };

  const completed = plan.projects.find((project) => project.status === ProjectStatus.COMPLETED);
  if (completed?.collectionEnd) {
    const ended = new Date(completed.collectionEnd as Date);
    const title = completed.title;
    add(completed, "ABSTRACT", `${title}: results of a national trainee-led audit`, "UK Imaging and Oncology Congress", dayAfter(ended, random.int(35, 50), context.midnight));
    add(completed, "ORAL_PRESENTATION", `${title}: what a national audit found`, "Royal College of Radiologists Annual Scientific Meeting", dayAfter(ended, random.int(90, 110), context.midnight));
    add(completed, "PAPER", `${title}: a multicentre trainee-led audit across the UK`, "Clinical Radiology", dayAfter(ended, random.int(170, 200), context.midnight), {
      doi: `10.5555/radiant.${completed.slug}`,
      pmid: String(39_000_000 + random.int(100_000, 999_999)),
    });
  }

  // The other finished projects: an abstract each for the first two.
  const others = plan.projects.filter((project) => project !== completed && (project.status === ProjectStatus.ANALYSIS || project.status === ProjectStatus.COMPLETED)).slice(0, 2);
  for (const project of others) {
    if (!project.collectionEnd) continue;
    add(project, random.chance(0.5) ? "POSTER" : "ABSTRACT", `${project.title}: first results`, "British Institute of Radiology Annual Congress", dayAfter(new Date(project.collectionEnd as Date), random.int(14, 25), context.midnight));
  }
}
