import { inflateSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { stripJpegMetadata, stripPdfMetadata, stripPngMetadata } from "../../../app/lib/file-metadata.server";
import {
  CANARIES,
  PNG_PIXELS,
  decodePng,
  pdfWithMetadata,
  pdfWithPackedInfo,
  pngWithMetadata,
} from "../../fixtures/files-with-metadata";
import { readPdfText } from "../../helpers/pdf";

const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  ((payload.length + 2) >> 8) & 0xff,
  (payload.length + 2) & 0xff,
  ...payload,
];
const ascii = (s: string) => [...Buffer.from(s, "latin1")];
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);

/** The file's bytes and every one of its streams that inflates, as text: where a canary could hide. */
function everyText(bytes: Uint8Array): string {
  const b = Buffer.from(bytes);
  const s = b.toString("latin1");
  const parts = [s];
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const end = s.indexOf("endstream", m.index);
    try {
      parts.push(inflateSync(b.subarray(m.index + m[0].length, end)).toString("latin1"));
    } catch {
      // not Flate data
    }
  }
  return parts.join("\n");
}

/** What poppler's pdfinfo reads of a PDF (title, author, creator, producer, dates) and its XMP packet. */
const pdfinfo = (bytes: Uint8Array) =>
  execFileSync("pdfinfo", ["-meta", "-"], { input: bytes }).toString("utf8") +
  execFileSync("pdfinfo", ["-"], { input: bytes }).toString("utf8");

describe("JPEG metadata", () => {
  const jpeg = new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, ascii("JFIF\0")),
    ...seg(0xe1, ascii("Exif\0\0GPSLatitude")),
    ...seg(0xe2, ascii("ICC_PROFILE")),
    ...seg(0xed, ascii("Photoshop 3.0 IPTC")),
    ...seg(0xee, ascii("Adobe")),
    ...seg(0xfe, ascii("a comment")),
    ...seg(0xdb, [0, 1, 2, 3]),
    ...seg(0xda, [1, 2, 3]),
    0x11,
    0x22,
    0xff,
    0x00,
    0x33,
    0xff,
    0xd9,
  ]);

  it("drops APP1 (Exif, XMP), other APPn and comments; keeps JFIF, Adobe, tables and the image", () => {
    const out = stripJpegMetadata(jpeg);
    if (!out) throw new Error("refused");
    for (const gone of ["Exif", "GPSLatitude", "ICC_PROFILE", "IPTC", "a comment"])
      expect(has(out, gone), gone).toBe(false);
    expect(has(out, "JFIF")).toBe(true);
    expect(has(out, "Adobe")).toBe(true);
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...out.subarray(-7)]).toEqual([0x11, 0x22, 0xff, 0x00, 0x33, 0xff, 0xd9]);
  });

  it("refuses a truncated or malformed JPEG", () => {
    expect(stripJpegMetadata(jpeg.subarray(0, 12))).toBeNull();
    expect(stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0x00, 0x01]))).toBeNull();
    expect(stripJpegMetadata(new Uint8Array(ascii("%PDF-")))).toBeNull();
  });
});

describe("PNG metadata", () => {
  it("drops text, international and compressed text, Exif and the time stamp; keeps the same pixels", () => {
    const original = pngWithMetadata();
    for (const canary of CANARIES.slice(0, 2)) expect(has(original, canary), canary).toBe(true);
    const out = stripPngMetadata(original);
    if (!out) throw new Error("refused");
    for (const canary of CANARIES) expect(has(out, canary), canary).toBe(false);
    const decoded = decodePng(out);
    expect(decoded.chunks).toEqual(["IHDR", "gAMA", "IDAT", "IEND"]);
    expect(decoded.pixels.equals(PNG_PIXELS)).toBe(true);
  });

  it("drops whatever follows IEND and refuses a truncated or headless PNG", () => {
    const original = pngWithMetadata();
    const trailing = Buffer.concat([original, Buffer.from(`Author ${CANARIES[0]}`)]);
    const out = stripPngMetadata(trailing);
    expect(out && has(out, CANARIES[0] ?? "")).toBe(false);
    expect(stripPngMetadata(original.subarray(0, original.length - 20))).toBeNull();
    expect(stripPngMetadata(Buffer.concat([original.subarray(0, 8), original.subarray(33)]))).toBeNull();
    expect(stripPngMetadata(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))).toBeNull();
  });
});

describe("PDF metadata", () => {
  it("empties the information dictionary and the XMP packet of every revision; the page still reads", async () => {
    const original = await pdfWithMetadata("Devis du four");
    const before = pdfinfo(original);
    for (const canary of CANARIES) expect(everyText(original), canary).toContain(canary);
    expect(before).toContain(CANARIES[0]);
    const out = stripPdfMetadata(original);
    if (!out) throw new Error("refused");
    // the same length: every offset of the cross-reference tables still points where it did
    expect(out.length).toBe(original.length);
    for (const canary of CANARIES) expect(everyText(out), canary).not.toContain(canary);
    const after = pdfinfo(out);
    for (const canary of CANARIES) expect(after, canary).not.toContain(canary);
    expect(after).toMatch(/Pages:\s+1/);
    expect(readPdfText(out)).toContain("Devis du four");
  });

  it("empties an information dictionary packed in a compressed object stream", () => {
    const original = pdfWithPackedInfo();
    expect(pdfinfo(original)).toContain(CANARIES[0]);
    const out = stripPdfMetadata(original);
    if (!out) throw new Error("refused");
    for (const canary of CANARIES) expect(everyText(out), canary).not.toContain(canary);
    expect(pdfinfo(out)).not.toContain(CANARIES[0]);
    expect(readPdfText(out)).toContain("Plan page one");
  });

  it("leaves a PDF without metadata as it was and refuses what is not a PDF", async () => {
    const bare = Buffer.from(stripPdfMetadata(pdfWithPackedInfo()) ?? []);
    expect(Buffer.from(stripPdfMetadata(bare) ?? []).equals(bare)).toBe(true);
    expect(stripPdfMetadata(new Uint8Array(ascii("%PDF-1.4 no end")))).toBeNull();
    expect(stripPdfMetadata(new Uint8Array(ascii("<html>%%EOF")))).toBeNull();
  });

  it("answers quickly on deeply nested or unterminated syntax", () => {
    const nested = Buffer.from(`%PDF-1.4\n1 0 obj\n${"[".repeat(100_000)}\nendobj\n/Info 1 0 R\n%%EOF`);
    expect(stripPdfMetadata(nested)).not.toBeNull();
    const open = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Author (${CANARIES[0]}\n/Info 1 0 R\n%%EOF`);
    expect(() => stripPdfMetadata(open)).not.toThrow();
  });
});
