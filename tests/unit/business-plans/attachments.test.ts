import { describe, expect, it } from "vitest";
import { safeFilename, sniffType, stripJpegMetadata } from "../../../app/modules/business-plans/attachments";

const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  ((payload.length + 2) >> 8) & 0xff,
  (payload.length + 2) & 0xff,
  ...payload,
];
const ascii = (s: string) => [...Buffer.from(s, "latin1")];
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);

describe("file type by first bytes", () => {
  it("knows PDF, JPEG and PNG, whatever the name", () => {
    expect(sniffType(new Uint8Array(ascii("%PDF-1.7\n")))).toBe("application/pdf");
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
  });
  it("refuses HTML, SVG, executables and empty files", () => {
    for (const s of ["<html>", "<svg xmlns", "MZ\x90\0", "", " %PDF-"])
      expect(sniffType(new Uint8Array(ascii(s)))).toBeNull();
  });
});

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

describe("file names", () => {
  it("keeps a readable base and the extension of the real type", () => {
    expect(safeFilename("devis four.PDF", "application/pdf")).toBe("devis-four.pdf");
    expect(safeFilename("../../etc/passwd", "image/png")).toBe("etc-passwd.png");
    expect(safeFilename("صورة.jpg", "image/jpeg")).toBe("file.jpg");
    expect(safeFilename('a"b;c.html', "application/pdf")).toBe("a-b-c.pdf");
  });
});
