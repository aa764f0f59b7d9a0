/**
 * The shared PDF kit: fonts that can write French, English and Arabic, a page frame
 * with the date and page numbers, and the HTTP answer. Each document is one
 * component in its module (`*.server.tsx`), served by a `[.]pdf` resource route.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import bidiFactory from "bidi-js";
import type { ReactElement, ReactNode } from "react";
import { direction, INTL_LOCALE, numberFormat, type Locale } from "~/i18n/config";
import { dictionaries, serverT } from "~/i18n/dictionaries.server";
import { pluralCounts, type TFunction, type TParams } from "~/i18n/translate";
import { localizedIn, type Trilingual } from "~/lib/localized";

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

/** One style object of a PDF element. */
export type PdfStyle = Parameters<typeof StyleSheet.create>[0][string];

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
    <Document title={title.replace(/[\u2066-\u2069]/g, "")} author="Masar" language={locale}>
      <Page size="A4" style={[pdfStyles.page, { fontFamily: fontFamily(locale), direction: rtl ? "rtl" : "ltr" }]} wrap>
        {children}
        <View style={pdfStyles.footer} fixed>
          <Text>Masar · {pdfDate(locale, generatedAt)}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, total: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}

/**
 * Text as Intl writes it, for the PDF fonts: they have no narrow no-break space (French
 * thousands), so it becomes a no-break space. Bidi marks stay: the layout orders text
 * by them ("-500,00 د.م." keeps its minus on the left in Arabic) and draws nothing.
 */
function printable(text: string): string {
  return text.replace(/\u202f/g, "\u00a0");
}

/**
 * A value set apart from the text around it, as <bdi> does in a page: a date after a
 * Latin name ("Souss · 24 أكتوبر 2026") keeps its own order instead of joining the name's.
 * The isolate marks are drawn as nothing and left out of the text layer.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Dates in PDFs are written with the month in words ("29 novembre 2026", "29 نونبر 2026"). */
export function pdfDate(locale: Locale, value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return isolate(
    printable(
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Africa/Casablanca",
      }).format(date),
    ),
  );
}

/** Figures in the reader's locale ("1 234", "1.234"). */
export function pdfNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return printable(
    numberFormat(locale, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value),
  );
}

/**
 * The translation function for PDFs: every value put into a sentence (a name, a title, a
 * figure) is isolated, so the sentence keeps its order whatever the value's script.
 */
export function pdfT(locale: Locale): TFunction {
  const t = serverT(locale);
  return (key, params) => {
    if (!params) return t(key);
    // a plural block's count stays a number, or every count would take the "other" form
    const counts = pluralCounts(dictionaries[locale][key] ?? "");
    const isolated: TParams = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === null || value === undefined) isolated[name] = value;
      else if (typeof value === "number" && counts.includes(name)) isolated[name] = value;
      else isolated[name] = isolate(typeof value === "number" ? pdfNumber(locale, value, value % 1 ? 1 : 0) : value);
    }
    return printable(t(key, isolated));
  };
}

/**
 * Text staff keep in three languages, for a document in `locale`: the reader's language,
 * or the French text marked "(in French)" when it has not been translated yet, as
 * `<LocalizedText>` does in pages.
 */
export function pdfLocalized<K extends string>(row: Trilingual<K>, key: K, locale: Locale): string {
  const { text, fallback } = localizedIn(row, key, locale);
  return fallback && text ? `${isolate(text)} ${serverT(locale)("content.inFrench")}` : text;
}

const bidi = bidiFactory();

/**
 * The direction of what a person typed (a name, a pitch, a comment), from its first
 * strong letter, as dir="auto" does in a browser: French typed into an Arabic document
 * reads left to right with its full stop at the end.
 */
export function textDirection(text: string): "ltr" | "rtl" {
  return bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1 ? "rtl" : "ltr";
}

/** A paragraph of typed text, in its own direction. */
export function TypedText({ children, style = [] }: { children: string; style?: PdfStyle[] }) {
  return <Text style={[...style, { direction: textDirection(children) }]}>{children}</Text>;
}

/** A table of text: a header row, then rows that are never split across pages. */
export function PdfTable({ headers, rows }: { headers: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <View>
      <View style={pdfStyles.row}>
        {headers.map((h, i) => (
          <Text key={i} style={pdfStyles.headerCell}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((cells, r) => (
        <View key={r} style={pdfStyles.row} wrap={false}>
          {cells.map((c, i) => (
            <Text key={i} style={pdfStyles.cell}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/**
 * Renders one document at a time: documents share the fonts' glyph caches and subsets.
 * The glyphs keep the characters of each use (patches/fontkit+*.patch), so a glyph
 * cached by one document no longer loses text in the next (diegomura/react-pdf#3404).
 */
let queue: Promise<unknown> = Promise.resolve();
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  registerFonts();
  // renderToBuffer's type wants a <Document> element; PdfFrame renders one
  const run = queue.then(() => renderToBuffer(document as Parameters<typeof renderToBuffer>[0]));
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
