/**
 * CSV with a second row of HXL hashtags (Humanitarian Exchange Language), so that
 * humanitarian tools (HXL Proxy, HDX) read the columns by meaning. The file itself
 * is written by app/lib/csv.ts.
 */
import { toCsv, type CsvCell } from "~/lib/csv";

export type CsvColumn = { header: string; hxl: string };

/** Headers, the HXL row, then the data. */
export function toHxlCsv(columns: readonly CsvColumn[], rows: readonly (readonly CsvCell[])[]): string {
  return toCsv([
    columns.map((c) => c.header),
    columns.map((c) => c.hxl),
    ...rows.map((r) => columns.map((_, i) => r[i])),
  ]);
}

/** HXL hashtag rows must start every tag with "#" and use lower-case letters, digits, "_" and "+attributes". */
export function isHxlTag(tag: string): boolean {
  return /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/.test(tag.trim());
}
