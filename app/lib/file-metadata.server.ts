/**
 * Uploaded files lose what describes the person before they are stored: a photo's GPS
 * position and camera owner, a document's author, its editing history in XMP. One home
 * for the three types the portal takes (JPEG, PNG, PDF); each stripper returns null when
 * the file is not well formed, and the caller refuses it. Pure TypeScript and Node's
 * zlib, no native package (decision 0098-upload-metadata.md).
 */
import { deflateSync, inflateSync } from "node:zlib";

export type MetadataType = "application/pdf" | "image/jpeg" | "image/png";

/** The file without its metadata, or null when it cannot be read as its type. */
export function stripMetadata(type: MetadataType, input: Uint8Array): Uint8Array | null {
  if (type === "image/jpeg") return stripJpegMetadata(input);
  if (type === "image/png") return stripPngMetadata(input);
  return stripPdfMetadata(input);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/**
 * Keep a JPEG's image and drop what describes the person: every APPn segment but
 * APP0 (JFIF) and APP14 (Adobe colour transform, needed to decode some files), and
 * every COM segment. Segments after start-of-scan are copied as they are.
 */
export function stripJpegMetadata(input: Uint8Array): Uint8Array | null {
  if (input[0] !== 0xff || input[1] !== 0xd8) return null;
  const out: Uint8Array[] = [input.subarray(0, 2)];
  let i = 2;
  while (i < input.length) {
    if (input[i] !== 0xff) return null;
    // fill bytes
    while (input[i + 1] === 0xff) i++;
    const marker = input[i + 1];
    if (marker === undefined) return null;
    // standalone markers without a length
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(input.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (marker === 0xd9) {
      out.push(input.subarray(i, i + 2));
      break;
    }
    if (i + 3 >= input.length) return null;
    const length = ((input[i + 2] ?? 0) << 8) | (input[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > input.length) return null;
    if (marker === 0xda) {
      // start of scan: the rest is image data (and possibly trailing bytes we keep as is)
      out.push(input.subarray(i));
      break;
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe;
    if (keep) out.push(input.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return concat(out);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/**
 * The chunks a PNG needs to be drawn as its author saw it (image, palette, transparency,
 * colour space, pixel size, animation). Everything else goes: text (tEXt, iTXt, zTXt),
 * Exif (eXIf), the time of the last change (tIME), and private chunks nobody can vouch for.
 */
const PNG_KEEP = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "cHRM",
  "gAMA",
  "iCCP",
  "sBIT",
  "sRGB",
  "cICP",
  "mDCV",
  "cLLI",
  "bKGD",
  "hIST",
  "pHYs",
  "sPLT",
  "acTL",
  "fcTL",
  "fdAT",
]);

/** A PNG with only the chunks of PNG_KEEP; nothing after IEND. */
export function stripPngMetadata(input: Uint8Array): Uint8Array | null {
  if (!PNG_SIGNATURE.every((b, i) => input[i] === b)) return null;
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const out: Uint8Array[] = [input.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= input.length) {
    const end = i + 12 + view.getUint32(i);
    if (end > input.length) return null;
    const type = String.fromCharCode(...input.subarray(i + 4, i + 8));
    if (i === 8 && type !== "IHDR") return null;
    if (PNG_KEEP.has(type)) out.push(input.subarray(i, end));
    if (type === "IEND") return concat(out);
    i = end;
  }
  return null;
}

// ---------- PDF ----------
//
// A PDF is rewritten in place, byte for byte the same length, so that every offset of its
// cross-reference tables stays right and nothing else in it moves: the document
// information dictionaries (author, title, creator, dates) are emptied, every XMP
// metadata stream is overwritten with spaces and loses its filter, and an information
// dictionary kept in a compressed object stream is emptied there and compressed again.
// Earlier revisions of an incrementally saved file are emptied too: the whole file is
// scanned, not only the objects its latest revision uses.

const isSpace = (c: string | undefined) =>
  c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\f" || c === "\0";
const REGULAR = /[^\0\t\n\f\r ()<>[\]{}/%]+/y;
const REFERENCE = /(\d+)\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/y;
const MAX_DEPTH = 64;

function skipSpace(s: string, i: number): number {
  for (;;) {
    while (i < s.length && isSpace(s[i])) i++;
    if (s[i] !== "%") return i;
    while (i < s.length && s[i] !== "\n" && s[i] !== "\r") i++;
  }
}

function literalStringEnd(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return -1;
}

/** Where the PDF value starting at (or after spaces from) i ends, or -1. */
function valueEnd(s: string, at: number, depth = 0): number {
  if (depth > MAX_DEPTH) return -1;
  const i = skipSpace(s, at);
  const c = s[i];
  if (c === "<" && s[i + 1] === "<") return dictionary(s, i, depth)?.end ?? -1;
  if (c === "<") {
    const close = s.indexOf(">", i);
    return close < 0 ? -1 : close + 1;
  }
  if (c === "(") return literalStringEnd(s, i);
  if (c === "[") {
    let j = i + 1;
    for (;;) {
      j = skipSpace(s, j);
      if (j >= s.length) return -1;
      if (s[j] === "]") return j + 1;
      j = valueEnd(s, j, depth + 1);
      if (j < 0) return -1;
    }
  }
  const start = c === "/" ? i + 1 : i;
  REFERENCE.lastIndex = start;
  if (c !== "/" && REFERENCE.test(s)) return REFERENCE.lastIndex;
  REGULAR.lastIndex = start;
  return REGULAR.test(s) ? REGULAR.lastIndex : c === "/" ? start : -1;
}

type Entry = { key: string; from: number; valueFrom: number; to: number };
type Dictionary = { start: number; end: number; entries: Map<string, Entry> };

/** The dictionary whose `<<` is at i: its end and where each of its keys and values lie. */
function dictionary(s: string, i: number, depth = 0): Dictionary | null {
  const entries = new Map<string, Entry>();
  let j = i + 2;
  for (;;) {
    j = skipSpace(s, j);
    if (j >= s.length) return null;
    if (s[j] === ">" && s[j + 1] === ">") return { start: i, end: j + 2, entries };
    if (s[j] !== "/") return null;
    REGULAR.lastIndex = j + 1;
    const key = REGULAR.test(s) ? s.slice(j + 1, REGULAR.lastIndex) : "";
    const valueFrom = skipSpace(s, j + 1 + key.length);
    const to = valueEnd(s, valueFrom, depth + 1);
    if (to < 0) return null;
    entries.set(key, { key, from: j, valueFrom, to });
    j = to;
  }
}

const valueOf = (s: string, d: Dictionary, key: string) => {
  const e = d.entries.get(key);
  return e ? s.slice(e.valueFrom, e.to).trim() : null;
};

type PdfObject = {
  id: string;
  /** where its value lies, between `obj` and `endobj` */
  value: { from: number; to: number };
  dict: Dictionary | null;
  data: { from: number; to: number } | null;
};

/** Every `n g obj … endobj` of the file, with its dictionary and its stream's data when it has them. */
function objects(s: string): PdfObject[] {
  const found: { id: string; at: number }[] = [];
  for (const m of s.matchAll(/(?<![0-9])(\d+)\s+(\d+)\s+obj\b/g))
    found.push({ id: `${m[1]} ${m[2]}`, at: m.index + m[0].length });
  // an indirect /Length needs the value of another object
  const integers = new Map<string, number>();
  for (const f of found) {
    const m = /^\s*(\d+)\s+endobj/.exec(s.slice(f.at, f.at + 40));
    if (m) integers.set(f.id, Number(m[1]));
  }
  const result: PdfObject[] = [];
  for (const f of found) {
    const from = skipSpace(s, f.at);
    const dict = s[from] === "<" && s[from + 1] === "<" ? dictionary(s, from) : null;
    const to = dict ? dict.end : valueEnd(s, from);
    if (to < 0) continue;
    result.push({ id: f.id, value: { from, to }, dict, data: dict ? streamData(s, dict, integers) : null });
  }
  return result;
}

function streamData(s: string, dict: Dictionary, integers: Map<string, number>) {
  const keyword = skipSpace(s, dict.end);
  if (!s.startsWith("stream", keyword)) return null;
  let from = keyword + 6;
  if (s[from] === "\r") from++;
  if (s[from] === "\n") from++;
  const length = valueOf(s, dict, "Length");
  const ref = length ? /^(\d+)\s+(\d+)\s+R$/.exec(length) : null;
  const n = ref ? integers.get(`${ref[1]} ${ref[2]}`) : length && /^\d+$/.test(length) ? Number(length) : undefined;
  if (n !== undefined && s.startsWith("endstream", skipSpace(s, from + n))) return { from, to: from + n };
  // a wrong or unreadable length: the data ends where `endstream` is
  const end = s.indexOf("endstream", from);
  return end < 0 ? null : { from, to: end };
}

const isMetadataStream = (s: string, dict: Dictionary) =>
  valueOf(s, dict, "Type") === "/Metadata" || valueOf(s, dict, "Subtype") === "/XML";

/** Empty a dictionary, an array or a string, keeping its brackets: `<<  >>`, `[  ]`, `(  )` and `<  >` are still valid. */
function emptyValue(s: string, { from, to }: { from: number; to: number }, blank: (from: number, to: number) => void) {
  const edge = s.startsWith("<<", from) ? 2 : "([<".includes(s[from] ?? "") ? 1 : 0;
  if (edge > 0) blank(from + edge, to - edge);
}

/** The PDF with its information dictionaries emptied and its XMP blanked, or null when it cannot be done. */
export function stripPdfMetadata(input: Uint8Array): Uint8Array | null {
  const out = Buffer.from(input);
  const s = out.toString("latin1");
  if (!s.startsWith("%PDF-") || !s.includes("%%EOF")) return null;
  const blank = (from: number, to: number) => out.fill(0x20, from, to);
  const infos = new Set([...s.matchAll(/\/Info\s*(\d+)\s+(\d+)\s+R/g)].map((m) => `${m[1]} ${m[2]}`));
  // an information dictionary written directly in the trailer
  for (const m of s.matchAll(/\/Info\s*<</g)) {
    const d = dictionary(s, m.index + m[0].length - 2);
    if (d) blank(d.start + 2, d.end - 2);
  }
  const all = objects(s);
  // the values of an information dictionary may be objects of their own (react-pdf writes them so)
  const values = new Set<string>();
  for (const o of all)
    if (infos.has(o.id) && o.dict && !o.data)
      for (const m of s.slice(o.dict.start, o.dict.end).matchAll(/(\d+)\s+(\d+)\s+R/g)) values.add(`${m[1]} ${m[2]}`);
  for (const o of all) {
    if ((infos.has(o.id) || values.has(o.id)) && !o.data) emptyValue(s, o.value, blank);
    if (o.dict && o.data && isMetadataStream(s, o.dict)) {
      blank(o.data.from, o.data.to);
      // spaces are not Flate data: the stream now says it is plain
      for (const key of ["Filter", "DecodeParms"]) {
        const e = o.dict.entries.get(key);
        if (e) blank(e.from, e.to);
      }
    }
  }
  for (const o of all)
    if (
      o.dict &&
      o.data &&
      valueOf(s, o.dict, "Type") === "/ObjStm" &&
      infos.size > 0 &&
      !emptyPacked(out, s, o.dict, o.data, infos)
    )
      return null;
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Empty the information dictionaries packed in an object stream, compress it again and
 * write it back in its old place (the emptied text compresses smaller; spaces fill the
 * rest before `endstream`). False when the stream cannot be read or rewritten.
 */
function emptyPacked(
  out: Buffer,
  s: string,
  dict: Dictionary,
  { from, to }: { from: number; to: number },
  infos: Set<string>,
): boolean {
  const first = Number(valueOf(s, dict, "First"));
  const count = Number(valueOf(s, dict, "N"));
  const filter = valueOf(s, dict, "Filter")?.replace(/[\s[\]]/g, "");
  if (!Number.isInteger(first) || !Number.isInteger(count)) return false;
  if (filter === undefined) {
    for (const d of packedInfos(s.slice(from, to), first, count, infos))
      out.fill(0x20, from + d.start + 2, from + d.end - 2);
    return true;
  }
  // another filter than Flate: unreadable here, so the file is refused rather than kept with its metadata
  if (filter !== "/FlateDecode") return false;
  let packed: Buffer;
  try {
    packed = inflateSync(out.subarray(from, to));
  } catch {
    return false;
  }
  const text = packed.toString("latin1");
  const found = packedInfos(text, first, count, infos);
  if (found.length === 0) return true;
  if (dict.entries.has("DecodeParms")) return false;
  for (const d of found) packed.fill(0x20, d.start + 2, d.end - 2);
  const compressed = deflateSync(packed, { level: 9 });
  const room = to - from;
  const length = dict.entries.get("Length");
  const digits = length ? s.slice(length.valueFrom, length.to) : "";
  if (compressed.length > room || !/^\d+$/.test(digits)) return false;
  compressed.copy(out, from);
  out.fill(0x20, from + compressed.length, to);
  out.write(String(compressed.length).padEnd(digits.length, " "), length?.valueFrom ?? 0, "latin1");
  return true;
}

/** The information dictionaries among an object stream's objects (its header: number, offset pairs). */
function packedInfos(text: string, first: number, count: number, infos: Set<string>): Dictionary[] {
  const header = text.slice(0, first).trim().split(/\s+/).map(Number);
  const found: Dictionary[] = [];
  for (let k = 0; k < count; k++) {
    const [n, offset] = [header[2 * k], header[2 * k + 1]];
    if (n === undefined || offset === undefined || !infos.has(`${n} 0`)) continue;
    const at = skipSpace(text, first + offset);
    const d = text[at] === "<" ? dictionary(text, at) : null;
    if (d) found.push(d);
  }
  return found;
}
