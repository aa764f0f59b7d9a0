/**
 * Read a PDF's text back with poppler's pdftotext (Debian's poppler-utils), which
 * gives Arabic in logical order; bidi control marks are dropped so tests can look
 * for plain strings. A missing pdftotext fails the test: it is never skipped.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

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

/** Page `page` of a PDF as a grey raster, from poppler's pdftoppm (Debian's poppler-utils). */
export type Raster = { width: number; height: number; dpi: number; pixels: Uint8Array };

export function rasterisePage(buffer: Uint8Array, page = 1, dpi = 150): Raster {
  const out = execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), "-gray", "-"], {
    input: buffer,
    maxBuffer: 256 * 1024 * 1024,
  });
  // a binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(out.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a PGM");
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), dpi, pixels: out.subarray(whole.length) };
}

/** A band of inked rows (a line of text, with its dots) and the ink's extent in it, in points. */
export type InkBand = { top: number; bottom: number; left: number; right: number };

/**
 * The inked bands of a page from the top, each ending at `gap` points of blank rows;
 * the footer and anything below `maxY` points are left out.
 */
export function inkBands(raster: Raster, options: { gap?: number; maxY?: number } = {}): InkBand[] {
  const { width, height, dpi, pixels } = raster;
  const pt = (px: number) => (px * 72) / dpi;
  const gapRows = Math.round(((options.gap ?? 3) * dpi) / 72);
  const lastRow = Math.min(height, Math.round(((options.maxY ?? 770) * dpi) / 72));
  const bands: InkBand[] = [];
  let current: { top: number; bottom: number; left: number; right: number } | null = null;
  let blank = 0;
  for (let y = 0; y < lastRow; y++) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x++) {
      if ((pixels[y * width + x] ?? 255) < 160) {
        if (left < 0) left = x;
        right = x;
      }
    }
    if (left < 0) {
      blank++;
      if (current && blank >= gapRows) {
        bands.push({
          top: pt(current.top),
          bottom: pt(current.bottom + 1),
          left: pt(current.left),
          right: pt(current.right + 1),
        });
        current = null;
      }
      continue;
    }
    blank = 0;
    if (!current) current = { top: y, bottom: y, left, right };
    else
      Object.assign(current, { bottom: y, left: Math.min(current.left, left), right: Math.max(current.right, right) });
  }
  if (current)
    bands.push({
      top: pt(current.top),
      bottom: pt(current.bottom + 1),
      left: pt(current.left),
      right: pt(current.right + 1),
    });
  return bands;
}

const require = createRequire(import.meta.url);
const fonts = new Map<string, fontkit.Font>();
function noto(script: "arabic" | "latin", weight: 400 | 700): fontkit.Font {
  const pkg = script === "arabic" ? "@fontsource/noto-sans-arabic" : "@fontsource/noto-sans";
  const name =
    script === "arabic" ? `noto-sans-arabic-arabic-${weight}-normal.woff` : `noto-sans-latin-${weight}-normal.woff`;
  const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "files", name);
  let font = fonts.get(file);
  if (!font) {
    const opened = fontkit.openSync(file);
    if (!("layout" in opened)) throw new Error(`${file} is a collection`);
    font = opened;
    fonts.set(file, font);
  }
  return font;
}

/**
 * The width in points of the ink of a line of an Arabic document, shaped by fontkit
 * alone (the font's own shaping, right to left, none of the PDF layout): what the line
 * must measure when none of its letters is lost. Letters the Arabic font lacks (Latin,
 * digits) take the Latin font, as the documents' font list does; such a line is
 * measured by its advances, which overstate its ink by the bearings at its two ends.
 */
export function inkWidth(text: string, fontSize: number, weight: 400 | 700): number {
  const arabic = noto("arabic", weight);
  const latin = noto("latin", weight);
  const runs: { font: fontkit.Font; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const font = arabic.hasGlyphForCodePoint(code) || !latin.hasGlyphForCodePoint(code) ? arabic : latin;
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  const [only] = runs;
  if (runs.length === 1 && only) {
    const run = only.font.layout(only.text, undefined, undefined, undefined, "rtl");
    return (run.bbox.width * fontSize) / only.font.unitsPerEm;
  }
  return runs.reduce((sum, r) => {
    const run = r.font.layout(r.text, undefined, undefined, undefined, r.font === arabic ? "rtl" : "ltr");
    return sum + (run.advanceWidth * fontSize) / r.font.unitsPerEm;
  }, 0);
}
