import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import type { FieldChange } from "@/lib/projects/diff";

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function shown(change: FieldChange, value: string): string {
  if ((change.field === "collectionStart" || change.field === "collectionEnd") && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return longDate.format(new Date(`${value}T00:00:00Z`));
  }
  return value;
}

/** An amendment field by field: what the project says, and what it would say (or came to say). */
export function AmendmentComparison({ changes, caption, afterLabel = "Proposed" }: { changes: FieldChange[]; caption: string; afterLabel?: string }) {
  if (changes.length === 0) return <p className="mt-2">It changes nothing the project says any more.</p>;
  return (
    <DataTable
      className="mt-2 max-w-4xl"
      caption={caption}
      head={
        <>
          <ColumnHeader>Field</ColumnHeader>
          <ColumnHeader>Approved</ColumnHeader>
          <ColumnHeader>{afterLabel}</ColumnHeader>
        </>
      }
    >
      {changes.map((change) => (
        <Row key={change.field}>
          <RowHeader className="font-bold">{change.label}</RowHeader>
          <Cell label="Approved" className="whitespace-pre-line break-words">
            <del>{shown(change, change.before) || "(empty)"}</del>
          </Cell>
          <Cell label={afterLabel} className="whitespace-pre-line break-words">
            <ins>{shown(change, change.after) || "(empty)"}</ins>
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
