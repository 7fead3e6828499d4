import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/buttons";
import { NoResults } from "@/components/ui/no-results";

// Tailwind finds classes by reading the source, so each layout is written out whole.
const LAYOUTS = {
  row: "mt-6 flex flex-wrap items-end gap-4 bg-white p-4",
  3: "mt-6 grid gap-4 bg-white p-4 md:grid-cols-3 md:items-end",
  4: "mt-6 grid gap-4 bg-white p-4 md:grid-cols-4 md:items-end",
} as const;

/**
 * The GET search form above a list: its fields, then the submit button and, while a search is
 * applied, the link back to the whole list.
 */
export function ListSearch({
  layout,
  submitLabel,
  clearHref,
  filtered,
  children,
}: {
  /** `row` lays the fields out in one wrapping line; a number is the columns on wide screens. */
  layout: keyof typeof LAYOUTS;
  submitLabel: string;
  clearHref: string;
  filtered: boolean;
  children: ReactNode;
}) {
  const submit = (
    <Button type="submit">
      {submitLabel}
    </Button>
  );
  const clear = filtered ? <Link href={clearHref}>Clear the search</Link> : null;
  return (
    <search>
      <form method="get" className={LAYOUTS[layout]}>
        {children}
        {layout === "row" ? (
          <>
            {submit}
            {clear}
          </>
        ) : (
          <div className="flex flex-wrap items-center gap-4">
            {submit}
            {clear}
          </div>
        )}
      </form>
    </search>
  );
}

/** The free-text box of a search form, with an optional hint below its label. */
export function SearchBox({
  id,
  name = "q",
  label,
  hint,
  defaultValue,
  className,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: string;
  defaultValue: string;
  /** Of the box's wrapper, to span columns of the form's grid. */
  className?: string;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={defaultValue}
        aria-describedby={hint ? hintId : undefined}
        className="mt-1 block w-full border-2 border-ink px-2 py-1.5"
      />
    </div>
  );
}

/**
 * How many rows a paged list holds and which page this is ("12 members found, page 2 of 3."),
 * or, when a search found nothing, the way back to the whole list.
 */
export function ResultCount({
  list: { total, page, pageCount },
  one,
  many,
  filtered,
  filteredSuffix = " found",
  things,
  clearHref,
  className = "mt-6",
}: {
  /** The paged list's size and place. */
  list: { total: number; page: number; pageCount: number };
  /** What follows "1" ("member", "request waits"). */
  one: string;
  /** What follows any other count ("members", "requests wait"). */
  many: string;
  filtered: boolean;
  /** What is added while a search or filter is applied. */
  filteredSuffix?: string;
  /** The plural the empty search names ("members"). */
  things: string;
  clearHref: string;
  className?: string;
}) {
  if (total === 0 && filtered) return <NoResults things={things} clearHref={clearHref} />;
  return (
    <p className={className} role="status">
      {total === 1 ? `1 ${one}` : `${total.toLocaleString("en-GB")} ${many}`}
      {filtered ? filteredSuffix : ""}
      {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.
    </p>
  );
}
