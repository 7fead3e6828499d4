import Link from "next/link";

/**
 * What a search or filter that found nothing says, with the way back to the whole list.
 * `things` is the plural the list shows ("projects", "members"); `clearHref` is the list
 * with no search and no filters.
 */
export function NoResults({ things, clearHref }: { things: string; clearHref: string }) {
  return (
    <div className="mt-6 border-l-8 border-brand bg-white p-4">
      <p role="status" className="text-lg font-semibold">
        No {things} match your search.
      </p>
      <p className="mt-2">Check the spelling, or try fewer words or filters.</p>
      <p className="mt-2">
        <Link href={clearHref}>Clear filters</Link>
      </p>
    </div>
  );
}
