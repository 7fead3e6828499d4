import Link from "next/link";
import type { OutputOfProject, OutputSummary } from "@/lib/validation/outputs";
import { OutputCitation } from "./output-citation";

/** An output, with its project where the list spans several. */
export type ListedOutput = OutputSummary & { project?: OutputOfProject["project"] };

/** Outputs as a list of references; with `project`, each says which project it came from. */
export function OutputList({ outputs, headingLevel = "h3" }: { outputs: ListedOutput[]; headingLevel?: "h2" | "h3" | "h4" }) {
  return (
    <ul className="mt-4 space-y-4">
      {outputs.map((output) => (
        <li key={output.id} className="border-t-4 border-brand bg-white p-4">
          <OutputCitation
            output={output}
            headingLevel={headingLevel}
            extra={
              output.project ? (
                <p className="mt-1">
                  From <Link href={`/projects/${output.project.slug}`}>{output.project.title}</Link>
                </p>
              ) : null
            }
          />
        </li>
      ))}
    </ul>
  );
}

/** My research's part: the outputs of the projects the member took part in or led. */
export function MyOutputs({ outputs }: { outputs: ListedOutput[] }) {
  return (
    <section aria-labelledby="my-outputs-title" className="mt-8">
      <h2 id="my-outputs-title" className="text-2xl font-bold">
        Outputs of your projects
      </h2>
      {outputs.length === 0 ? (
        <p className="mt-2">None yet. When a project you took part in records an abstract, a talk or a paper, it is listed here.</p>
      ) : (
        <>
          <p className="mt-2">What the projects you took part in or led have presented and published.</p>
          <OutputList outputs={outputs} />
        </>
      )}
    </section>
  );
}
