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

/**
 * Arabic letters that differ only by their dots share one glyph outline in the font,
 * and pdftotext may give back either letter of such a pair (ح for خ, س for ش). Tests
 * compare Arabic through this skeleton (the rasm): the words, without the dots.
 */
export function arabicSkeleton(text: string): string {
  const groups: [string, string][] = [
    ["بتثنيى", "ٮ"],
    ["جحخ", "ح"],
    ["دذ", "د"],
    ["رز", "ر"],
    ["سش", "س"],
    ["صض", "ص"],
    ["طظ", "ط"],
    ["عغ", "ع"],
    ["فق", "ف"],
    ["ةه", "ه"],
  ];
  let out = text;
  for (const [letters, base] of groups) out = out.replace(new RegExp(`[${letters}]`, "g"), base);
  return out;
}
