/**
 * CSV with a second row of HXL hashtags (Humanitarian Exchange Language), so that
 * humanitarian tools (HXL Proxy, HDX) read the columns by meaning. Text cells that a
 * spreadsheet would run as a formula are defused with a leading apostrophe.
 */

export type CsvColumn = { header: string; hxl: string };
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet must see it: never a formula, quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Headers, the HXL row, then the data; CRLF line ends and a BOM so spreadsheets read Arabic right. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [
    columns.map((c) => csvCell(c.header)),
    columns.map((c) => csvCell(c.hxl)),
    ...rows.map((r) => columns.map((_, i) => csvCell(r[i]))),
  ];
  return `\ufeff${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}

/** RFC 4180 reader, for the tests and for anyone checking an export. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith("\ufeff") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** HXL hashtag rows must start every tag with "#" and use lower-case letters, digits, "_" and "+attributes". */
export function isHxlTag(tag: string): boolean {
  return /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/.test(tag.trim());
}
