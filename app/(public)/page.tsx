import type { Metadata } from "next";
import Link from "next/link";
import { cachedCollaborativeCounts } from "@/lib/cache/public";

export const metadata: Metadata = { title: { absolute: "RADIANT Portal – the research collaborative of UK radiology trainees" } };

const numberFormat = new Intl.NumberFormat("en-GB");

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [counts, { account }] = await Promise.all([cachedCollaborativeCounts(), searchParams]);
  const figures = [
    { label: "trainees", value: counts.trainees },
    { label: "hospitals taking part", value: counts.hospitals },
    { label: "projects", value: counts.projects },
    { label: "cases collected", value: counts.cases },
  ];
  return (
    <div>
      {account === "deleted" ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          Your account has been deleted and your personal details erased.
        </div>
      ) : null}
      <h1 className="text-4xl font-bold">Research by radiology trainees, across the UK</h1>
      <p className="mt-4 max-w-3xl text-xl">
        RADIANT is the national research collaborative of radiology trainees. Trainees propose projects, a
        committee reviews them, and hospitals in every region collect data together, so every trainee can take
        part in multicentre research and be credited for it.
      </p>
      <section aria-labelledby="figures-title" className="mt-8">
        <h2 id="figures-title" className="text-2xl font-bold">
          The collaborative today
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-4 md:grid-cols-4">
          {figures.map((figure) => (
            <li key={figure.label} className="border-t-4 border-brand bg-white p-4">
              <span className="block text-3xl font-bold">{numberFormat.format(figure.value)}</span>
              <span>{figure.label}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="how-title" className="mt-10 max-w-3xl">
        <h2 id="how-title" className="text-2xl font-bold">
          How it works
        </h2>
        <ol className="mt-4 list-decimal space-y-2 pl-6 text-lg">
          <li>Sign up with your grade, training region and home hospital.</li>
          <li>Find projects open at your hospital and ask to join as a collaborator.</li>
          <li>Collect data locally with your site lead; your contribution is recorded.</li>
          <li>Appear in the collaborative author list and download a certificate for your portfolio.</li>
        </ol>
        <p className="mt-6 flex flex-wrap gap-6 text-lg">
          <Link href="/projects">Browse open projects</Link>
          <Link href="/signup">Create an account</Link>
        </p>
      </section>
    </div>
  );
}
