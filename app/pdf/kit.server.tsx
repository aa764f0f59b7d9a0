/**
 * The shared PDF kit: fonts that can write French, English and Arabic, a page frame
 * with the date and page numbers, and the HTTP answer. Each document is one
 * component in its module (`*.server.tsx`), served by a `[.]pdf` resource route.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement, ReactNode } from "react";
import { direction, INTL_LOCALE, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "files", file);

let registered = false;
/** Noto Sans for Latin script, Noto Sans Arabic for Arabic (.woff: react-pdf cannot read .woff2). */
export function registerFonts() {
  if (registered) return;
  registered = true;
  Font.register({
    family: "NotoSans",
    fonts: [
      { src: fontFile("@fontsource/noto-sans", "noto-sans-latin-400-normal.woff"), fontWeight: 400 },
      { src: fontFile("@fontsource/noto-sans", "noto-sans-latin-700-normal.woff"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: "NotoSansArabic",
    fonts: [
      { src: fontFile("@fontsource/noto-sans-arabic", "noto-sans-arabic-arabic-400-normal.woff"), fontWeight: 400 },
      { src: fontFile("@fontsource/noto-sans-arabic", "noto-sans-arabic-arabic-700-normal.woff"), fontWeight: 700 },
    ],
  });
  // no hyphenation: it breaks names and amounts
  Font.registerHyphenationCallback((word) => [word]);
}

/** Arabic pages write in the Arabic font first, falling back to Latin for names and figures. */
export function fontFamily(locale: Locale): string[] {
  return locale === "ar" ? ["NotoSansArabic", "NotoSans"] : ["NotoSans", "NotoSansArabic"];
}

export const pdfStyles = StyleSheet.create({
  // no lineHeight on the page: it hides render-prop text in fixed footers (react-pdf 4.9)
  page: { paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40, fontSize: 10.5, color: "#1c2330" },
  h1: { fontSize: 20, fontWeight: 700, marginBottom: 10 },
  h2: { fontSize: 14, fontWeight: 700, marginTop: 14, marginBottom: 6, color: "#0b5e55" },
  p: { marginBottom: 4, lineHeight: 1.45 },
  muted: { color: "#4f5b6b" },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 40,
    right: 40,
    fontSize: 8.5,
    color: "#4f5b6b",
    flexDirection: "row",
    justifyContent: "space-between",
  },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cfd6df", paddingVertical: 3 },
  cell: { flex: 1, paddingHorizontal: 3 },
  headerCell: { flex: 1, paddingHorizontal: 3, fontWeight: 700 },
});

type FrameProps = { locale: Locale; title: string; children: ReactNode; generatedAt?: Date };

/** A document of A4 pages with the portal's name, the date and "page n / N" at the foot. */
export function PdfFrame({ locale, title, children, generatedAt = new Date() }: FrameProps) {
  registerFonts();
  const t = serverT(locale);
  const rtl = direction(locale) === "rtl";
  return (
    <Document title={title} author="Masar" language={locale}>
      <Page
        size="A4"
        style={[pdfStyles.page, { fontFamily: fontFamily(locale), textAlign: rtl ? "right" : "left" }]}
        wrap
      >
        {children}
        <View style={[pdfStyles.footer, { flexDirection: rtl ? "row-reverse" : "row" }]} fixed>
          <Text>Masar · {pdfDate(locale, generatedAt)}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, total: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}

/**
 * Dates in PDFs are written with the month in words ("29 novembre 2026"): react-pdf's
 * bidi reorders "29/11/2026" wrongly inside Arabic text, and drops the marks Intl adds.
 */
export function pdfDate(locale: Locale, value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Africa/Casablanca",
  })
    .format(date)
    .replace(/[\u200e\u200f]/g, "");
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * fontkit keeps each glyph with the characters it was first asked for. Subsetting a
 * document asks by glyph id, with none, and react-pdf then drops such a glyph from the
 * next document's text layer: an "E" on a voucher read back, or copied, as a space
 * (diegomura/react-pdf#3404). Each document starts with such glyphs forgotten; the
 * rest of the cache stays. `_glyphs` is fontkit's own field; the voucher PDF test
 * fails if a fontkit update renames it.
 */
function forgetGlyphs() {
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of family.sources) {
      const glyphs = (source.data as { _glyphs?: Record<string, { codePoints?: number[] }> } | null)?._glyphs;
      if (!glyphs) continue;
      for (const [id, glyph] of Object.entries(glyphs)) if (!glyph?.codePoints?.length) delete glyphs[id];
    }
  }
}

/** Renders one document at a time: a render must not subset fonts under another's layout. */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  registerFonts();
  const run = queue.then(() => {
    forgetGlyphs();
    // renderToBuffer's type wants a <Document> element; PdfFrame renders one
    return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The HTTP answer for a PDF: never cached, never sniffed, with a file name. */
export function pdfResponse(
  buffer: Buffer,
  filename: string,
  disposition: "inline" | "attachment" = "attachment",
): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${safe}"`,
      "Cache-Control": "no-store",
      "Content-Length": String(buffer.length),
    },
  });
}
