import { BarChart } from "@/components/ui/bar-chart";
import type { OutputKind } from "@/lib/generated/prisma/enums";
import { OUTPUT_KIND_LABELS } from "@/lib/validation/outputs";

const PLURALS: Record<OutputKind, [string, string]> = {
  ABSTRACT: ["abstract", "abstracts"],
  POSTER: ["poster", "posters"],
  ORAL_PRESENTATION: ["oral presentation", "oral presentations"],
  PAPER: ["paper", "papers"],
  REPORT: ["report", "reports"],
};

const KIND_ORDER = Object.keys(OUTPUT_KIND_LABELS) as OutputKind[];

/** "3 (2 papers, 1 abstract)": a year's total and what it is made of. */
export function yearInWords(total: number, byKind: Partial<Record<OutputKind, number>>): string {
  if (total === 0) return "0";
  const parts = KIND_ORDER.filter((kind) => byKind[kind]).map((kind) => `${byKind[kind]} ${PLURALS[kind][byKind[kind] === 1 ? 0 : 1]}`);
  return `${total} (${parts.join(", ")})`;
}

/** The collaborative's outputs each year, by kind: bars, with the figures in words and in a table. */
export function OutputsByYear({ years }: { years: { year: number; total: number; byKind: Partial<Record<OutputKind, number>> }[] }) {
  return (
    <BarChart
      title="Outputs by year"
      summary={years.map((year) => `${year.year}: ${yearInWords(year.total, year.byKind)}`).join("; ")}
      labelHeading="Year"
      valueHeading="Outputs"
      legend={{ bar: "Outputs in the year" }}
      bars={years.map((year) => ({ label: String(year.year), value: year.total, text: yearInWords(year.total, year.byKind) }))}
    />
  );
}
