import Link from "next/link";

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  page,
  pageCount,
  basePath,
  params,
  pageParam = "page",
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  basePath: string;
  params: Record<string, string | undefined>;
  /** The query parameter holding the page, when a page has more than one paged list. */
  pageParam?: string;
  /** The navigation's name; each paged list on a page needs its own. */
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    if (target > 1) query.set(pageParam, String(target));
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav aria-label={label} className="mt-6 flex items-center gap-6">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          Previous<span className="sr-only"> page</span>
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next<span className="sr-only"> page</span>
        </Link>
      ) : null}
    </nav>
  );
}
