/** Tells a lead of the project, on a site they do not lead, that what they do there is done for its site lead. */
export function ActingForNotice({ site, work }: { site: string; work: string }) {
  return (
    <div className="mb-6 border-l-8 border-brand bg-white p-4">
      <p className="font-bold">You are acting for the site lead of {site}.</p>
      <p className="mt-1">
        As a lead of the project you can {work} while the site lead is away. Each thing you do here is recorded as done for the site lead, and
        they are told.
      </p>
    </div>
  );
}
