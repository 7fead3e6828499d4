import "server-only";
// Outputs as everyone sees them: on a project's public page, and on /outputs across the
// collaborative with totals by year and kind. Only projects whose page is public show theirs.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutputKind } from "@/lib/generated/prisma/enums";
import { isAddressText } from "@/lib/ids";
import { pageWindow } from "@/lib/paging";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";
import type { OutputOfProject, OutputSearch } from "@/lib/validation/outputs";

export type PublicOutput = OutputOfProject;

const SELECT = {
  id: true,
  kind: true,
  title: true,
  venue: true,
  date: true,
  doi: true,
  pmid: true,
  project: { select: { slug: true, title: true } },
} as const;

const ORDER: Prisma.ProjectOutputOrderByWithRelationInput[] = [{ date: "desc" }, { title: "asc" }, { id: "asc" }];

const toPublic = ({ date, ...output }: { date: Date } & Omit<PublicOutput, "date">): PublicOutput => ({ ...output, date: date.toISOString().slice(0, 10) });

const PUBLIC_PROJECT = { status: { in: [...PUBLIC_STATUSES] } } satisfies Prisma.ProjectWhereInput;

/** A public project's outputs, newest first. One statement whatever their number. */
export async function outputsOfPublicProject(slug: string): Promise<PublicOutput[]> {
  if (!isAddressText(slug)) return [];
  const rows = await db.projectOutput.findMany({ where: { project: { slug, ...PUBLIC_PROJECT } }, orderBy: ORDER, select: SELECT });
  return rows.map(toPublic);
}

export const OUTPUTS_PAGE_SIZE = 20;

export interface YearTotals {
  year: number;
  total: number;
  byKind: Partial<Record<OutputKind, number>>;
}

export interface OutputsListPage {
  items: PublicOutput[];
  /** Outputs matching the search. */
  matching: number;
  page: number;
  pageCount: number;
  /** Every public output (not only those matching) by year, oldest first: the chart. */
  years: YearTotals[];
}

/** /outputs: a page of the outputs matching the search, and the totals by year and kind. Three statements. */
export async function searchOutputs(search: OutputSearch): Promise<OutputsListPage> {
  const where: Prisma.ProjectOutputWhereInput = {
    project: PUBLIC_PROJECT,
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.q
      ? {
          OR: [
            { title: { contains: search.q, mode: "insensitive" } },
            { venue: { contains: search.q, mode: "insensitive" } },
            { project: { title: { contains: search.q, mode: "insensitive" } } },
            { doi: { contains: search.q.toLowerCase() } },
            { pmid: search.q },
          ],
        }
      : {}),
  };
  const [matching, totals] = await Promise.all([
    db.projectOutput.count({ where }),
    db.$queryRaw<{ year: number; kind: OutputKind; total: number }[]>`
      SELECT extract(year FROM o.date)::int AS year, o.kind, count(*)::int AS total
        FROM "ProjectOutput" o JOIN "Project" p ON p.id = o."projectId"
       WHERE p.status::text = ANY(${[...PUBLIC_STATUSES] as string[]})
       GROUP BY 1, 2 ORDER BY 1, 2`,
  ]);
  const { page, pageCount, skip } = pageWindow(matching, search.page, OUTPUTS_PAGE_SIZE);
  const rows = matching === 0 ? [] : await db.projectOutput.findMany({ where, orderBy: ORDER, skip, take: OUTPUTS_PAGE_SIZE, select: SELECT });
  return { items: rows.map(toPublic), matching, page, pageCount, years: yearTotals(totals) };
}

/** Rows of (year, kind, count) as one entry per year, every year from the first to the last (a gap shows as none). */
export function yearTotals(rows: readonly { year: number; kind: OutputKind; total: number }[]): YearTotals[] {
  if (rows.length === 0) return [];
  const first = Math.min(...rows.map((row) => row.year));
  const last = Math.max(...rows.map((row) => row.year));
  const years: YearTotals[] = [];
  for (let year = first; year <= last; year++) years.push({ year, total: 0, byKind: {} });
  for (const row of rows) {
    const entry = years[row.year - first]!;
    entry.total += row.total;
    entry.byKind[row.kind] = (entry.byKind[row.kind] ?? 0) + row.total;
  }
  return years;
}
