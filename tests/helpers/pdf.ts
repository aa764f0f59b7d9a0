/**
 * Read a PDF's text back with poppler's pdftotext (Debian's poppler-utils), which
 * gives Arabic in logical order; bidi control marks are dropped so tests can look
 * for plain strings. A missing pdftotext fails the test: it is never skipped.
 */
import { execFileSync } from "node:child_process";

export function readPdfText(buffer: Uint8Array): string {
  const out = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: buffer, maxBuffer: 64 * 1024 * 1024 });
  return out
    .toString("utf8")
    .normalize("NFKC")
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, "");
}

/** Number of pages, from pdftotext's form-feed separators. */
export function pdfPageCount(buffer: Uint8Array): number {
  return readPdfText(buffer).split("\f").length - 1;
}
