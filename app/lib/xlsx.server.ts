/**
 * The first sheet of an XLSX workbook as rows of text cells, read with Node's own zlib:
 * an XLSX file is a ZIP of XML parts, and the portal needs only the cells' text (no
 * styles, formulas or charts). No package: the ones that read XLSX are large, and the
 * small ones are unmaintained (docs/decisions/0126-import.md). Returns null for anything
 * that is not a well-formed workbook; the caller answers "malformed file".
 */
import { inflateRawSync } from "node:zlib";

/** What a workbook may hold once unpacked: a "zip bomb" is refused rather than inflated. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

type Entry = { name: string; method: number; compressedSize: number; size: number; offset: number };

function entries(zip: Buffer): Map<string, Entry> | null {
  // the end-of-central-directory record: within the last 64 KiB + 22 bytes
  const from = Math.max(0, zip.length - 65_557);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    found.set(zip.toString("utf8", at + 46, at + 46 + nameLength), {
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return found;
}

class Unreadable extends Error {}

/** A part's text; throws when it cannot be read or would unpack past what is left of the budget. */
function unpack(zip: Buffer, entry: Entry, budget: { left: number }): string {
  const at = entry.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new Unreadable();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize || entry.size > budget.left) throw new Unreadable();
  let bytes: Buffer;
  if (entry.method === 0) bytes = data;
  // the declared size may lie: the inflate itself stops at the budget (and throws)
  else if (entry.method === 8) bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, budget.left) });
  else throw new Unreadable();
  budget.left -= bytes.length;
  return bytes.toString("utf8");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The text of every <t> in an element (rich text comes in runs), phonetic readings left out. */
function textOf(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += m[1] ?? "";
  return unescapeXml(text);
}

function attribute(attributes: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? null;
}

/** "AB12" → 27 (zero-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The path of the workbook's first sheet, by its relationship (falling back to sheet1.xml). */
function firstSheetPath(workbook: string | null, rels: string | null): string {
  const rid = workbook && /<sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook)?.[1];
  if (rid && rels) {
    for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
      const attrs = m[1] ?? "";
      if (attribute(attrs, "Id") !== rid) continue;
      const target = attribute(attrs, "Target") ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    }
  }
  return "xl/worksheets/sheet1.xml";
}

function cellText(attrs: string, inner: string, shared: string[]): string {
  const type = attribute(attrs, "t");
  if (type === "inlineStr") return textOf(inner);
  const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (value === undefined) return "";
  if (type === "s") return shared[Number(value)] ?? "";
  if (type === "b") return value === "1" ? "TRUE" : "FALSE";
  return unescapeXml(value);
}

const NO_CELLS: string[] = [];

/** The first sheet's rows, cells as text (numbers as written in the file); null when unreadable. */
export function readXlsx(bytes: Uint8Array): string[][] | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const found = entries(zip);
    if (!found) return null;
    const budget = { left: MAX_XLSX_UNPACKED_BYTES };
    // a part the workbook does not have is null; one it has but cannot be read fails the file
    const read = (name: string) => {
      const entry = found.get(name);
      return entry ? unpack(zip, entry, budget) : null;
    };
    const sheet = read(firstSheetPath(read("xl/workbook.xml"), read("xl/_rels/workbook.xml.rels")));
    if (sheet === null) return null;
    const sharedXml = read("xl/sharedStrings.xml");
    const shared = sharedXml
      ? [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ""))
      : [];
    const rows: string[][] = [];
    for (const m of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const rowNumber = Number(attribute(m[1] ?? "", "r") ?? rows.length + 1);
      const cells: string[] = [];
      for (const c of (m[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = c[1] ?? "";
        const ref = attribute(attrs, "r");
        const index = ref ? columnIndex(ref) : cells.length;
        if (index < 0 || index > 16_383) return null;
        while (cells.length < index) cells.push("");
        cells[index] = cellText(attrs, c[2] ?? "", shared);
      }
      // rows left out of the file are empty rows (one shared empty array: a far "r" costs little)
      if (!Number.isInteger(rowNumber) || rowNumber > 1_048_576) return null;
      while (rows.length < rowNumber - 1) rows.push(NO_CELLS);
      rows.push(cells);
    }
    return rows;
  } catch {
    // a truncated or corrupt deflate stream, an offset past the end, a part past the budget
    return null;
  }
}
