/**
 * CSV files people open in a spreadsheet: RFC 4180 quoting, CRLF line ends, a BOM
 * so Excel reads Arabic and accents right, and text cells that a spreadsheet would
 * run as a formula (= + - @, tab, carriage return) defused with a leading apostrophe.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet must see it: never a formula, quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, then each row on its own CRLF-ended line. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** A download of a CSV file; the name keeps to letters, digits, dots, dashes and underscores. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, "-")}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** RFC 4180 reader, for the tests and for anyone checking an export. */
export function parseCsv(text: string): string[][] {
  return readRows(text, ",", false)!;
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter of a file's first line, outside quotes: Excel in French writes ";". */
function delimiterOf(input: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * A CSV file someone uploads: comma, semicolon or tab separated (found from the first
 * line), RFC 4180 quoting. Null when it cannot be read as CSV: a quote never closed, or
 * text after a closing quote. Stricter than `parseCsv`, which reads the portal's own files.
 */
export function readCsvFile(text: string): string[][] | null {
  return readRows(text, delimiterOf(text), true);
}

/**
 * The one CSV reader. Lenient (`strict` false): a quote anywhere opens a quoted run and
 * what follows a closing quote is kept. Strict: a quote opens a run only at a cell's
 * start, and a run never closed or text after one makes the file unreadable (null).
 */
function readRows(text: string, delimiter: string, strict: boolean): string[][] | null {
  const input = text.startsWith("\ufeff") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  /** a quoted run just closed in this cell, or the cell has plain text */
  let closed = false;
  let plain = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        closed = true;
      } else cell += ch;
    } else if (ch === delimiter || ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(cell);
      cell = "";
      closed = plain = false;
      if (ch !== delimiter) {
        rows.push(row);
        row = [];
      }
    } else if (strict && closed) return null;
    else if (ch === '"' && !(strict && plain)) quoted = true;
    else {
      cell += ch;
      plain = true;
    }
  }
  if (strict && quoted) return null;
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
