import Link from "next/link";

/** The sites the person observes, as a supervising consultant: a short list of links, shown only when there are some. */
export function ObservedSites({ sites, stopped }: { sites: { path: string; hospital: string; project: string }[]; stopped: boolean }) {
  return (
    <>
      {stopped ? (
        <div role="status" className="mt-6 border-l-8 border-ok bg-white p-4">
          You no longer observe that site.
        </div>
      ) : null}
      {sites.length > 0 ? (
        <section aria-labelledby="observing-title" className="mt-8">
          <h2 id="observing-title" className="text-2xl font-bold">
            Sites you observe
          </h2>
          <ul className="mt-2 space-y-1">
            {sites.map((site) => (
              <li key={site.path}>
                <Link href={site.path}>{site.hospital}</Link> in {site.project}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
