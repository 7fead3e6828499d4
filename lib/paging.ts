// Paging shared by every list: the page asked for, or the last one when it is past the end.

/** Where a page of `size` items stands among `total`: which page, how many there are, and which rows it holds. */
export function pageWindow(total: number, requested: number, size: number) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pageCount);
  return { page, pageCount, skip: (page - 1) * size, take: size };
}

/** One page of a list already in memory, with its place among the pages. */
export function pageOfList<T>(items: readonly T[], requested: number, size: number): { rows: T[]; page: number; pageCount: number } {
  const { page, pageCount, skip } = pageWindow(items.length, requested, size);
  return { rows: items.slice(skip, skip + size), page, pageCount };
}

/** The page number from a URL's query: a whole number from 1, or the first page for anything else. */
export function pageParam(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
