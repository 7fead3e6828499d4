// Lines in the NHS organisation data layout (see lib/reference/ods-file.ts), for the import tests.
import { ODS_COLUMNS } from "@/lib/reference/ods-file";

/** One line in the ODS standard layout: every field quoted, 27 columns. */
export function odsLine(fields: { code: string; name: string; town?: string; postcode?: string; open?: string; close?: string; parent?: string }): string {
  const row = Array<string>(ODS_COLUMNS).fill("");
  row[0] = fields.code;
  row[1] = fields.name;
  row[2] = "Y56";
  row[3] = "QKK";
  row[4] = "WESTMINSTER BRIDGE ROAD";
  row[7] = fields.town ?? "LONDON";
  row[9] = fields.postcode ?? "SE1 7EH";
  row[10] = fields.open ?? "19480705";
  row[11] = fields.close ?? "";
  row[14] = fields.parent ?? "";
  row[21] = "0";
  return row.map((field) => `"${field.replaceAll('"', '""')}"`).join(",");
}

