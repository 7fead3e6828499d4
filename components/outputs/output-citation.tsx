import type { ReactNode } from "react";
import { Tag } from "@/components/ui/tag";
import { doiUrl, OUTPUT_KIND_LABELS, pubmedUrl } from "@/lib/validation/outputs";
import type { OutputKind } from "@/lib/generated/prisma/enums";

export interface CitedOutput {
  kind: OutputKind;
  title: string;
  venue: string;
  /** YYYY-MM-DD. */
  date: string;
  doi: string | null;
  pmid: string | null;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "14 March 2027", from a stored day. */
export const outputDay = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));

/** One output as a reference: its kind, title, where and when, and links to the DOI and to PubMed. */
export function OutputCitation({ output, headingLevel: Heading = "h3", extra }: { output: CitedOutput; headingLevel?: "h2" | "h3" | "h4"; extra?: ReactNode }) {
  return (
    <>
      <p>
        <Tag tone="grey">{OUTPUT_KIND_LABELS[output.kind]}</Tag>
      </p>
      <Heading className="mt-1 text-lg font-bold break-words">{output.title}</Heading>
      <p className="mt-1">
        {output.venue}, {outputDay(output.date)}
      </p>
      {extra}
      {output.doi || output.pmid ? (
        <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
          {output.doi ? (
            <li className="break-all">
              <a href={doiUrl(output.doi)}>
                DOI: {output.doi}
                <span className="sr-only"> (“{output.title}”)</span>
              </a>
            </li>
          ) : null}
          {output.pmid ? (
            <li>
              <a href={pubmedUrl(output.pmid)}>
                PubMed: {output.pmid}
                <span className="sr-only"> (“{output.title}”)</span>
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </>
  );
}
