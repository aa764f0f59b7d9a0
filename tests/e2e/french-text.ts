/**
 * The French-content check of the text crawl (text-crawl.spec.ts): which French texts of staff
 * content a reader of Arabic or English must never get unmarked, and the check of a PDF's text
 * for them. The PDF crawl (pdf-crawl.spec.ts) runs the same check on the documents it reads in
 * Arabic and English, so that each such document is rendered once for both crawls
 * (docs/decisions/0210-ci-work-done-once.md).
 */
import { expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { en } from "../../app/i18n/locales/en";
import { ar } from "../../app/i18n/locales/ar";
import { FRENCH_ONLY } from "./french-content";
import { EVERYONE, type Fixture, type Who } from "../access/types";
import { CODE, e2eDatabaseUrl, pathsFor } from "./fixtures";

export const MARK = { ar: ar["content.inFrench"], en: en["content.inFrench"] };
/** Shorter texts ("C1", "Rabat") are words any language may hold, not French content. */
const SHORTEST = 8;

export type Lng = keyof typeof MARK;
export type FrenchTexts = Record<Lng, { translated: Set<string>; untranslated: Set<string> }>;

/** The text of the demo seed's source, where each of its French texts is written. */
function seedSource(): string {
  const root = path.resolve(import.meta.dirname, "../../db");
  const files = [
    path.join(root, "seed.ts"),
    ...fs.readdirSync(path.join(root, "seed")).map((f) => path.join(root, "seed", f)),
  ];
  return files
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n")
    .replace(/\\'/g, "'");
}

/**
 * The French texts of the seeded staff content that have a translation in `lng` (so a
 * reader of `lng` must never get the French) and those that have none (the French may
 * show, marked). Read from the database: every table with `<name>_fr` beside `<name>_ar`
 * and `<name>_en`.
 */
export async function frenchTexts(): Promise<FrenchTexts> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  const out = {
    ar: { translated: new Set<string>(), untranslated: new Set<string>() },
    en: { translated: new Set<string>(), untranslated: new Set<string>() },
  };
  const seed = seedSource();
  try {
    const columns = await sql<{ table: string; name: string }[]>`
      select c.table_name as table, left(c.column_name, -3) as name
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_name like '%\\_fr'
        and exists (select 1 from information_schema.columns a where a.table_schema = 'public'
          and a.table_name = c.table_name and a.column_name = left(c.column_name, -3) || '_ar')
        and exists (select 1 from information_schema.columns e where e.table_schema = 'public'
          and e.table_name = c.table_name and e.column_name = left(c.column_name, -3) || '_en')`;
    expect(columns.length).toBeGreaterThan(5);
    for (const { table, name } of columns) {
      const rows = await sql<{ fr: string | null; ar: string | null; en: string | null }[]>`
        select ${sql(name + "_fr")} as fr, ${sql(name + "_ar")} as ar, ${sql(name + "_en")} as en from ${sql(table)}`;
      for (const row of rows) {
        const fr = row.fr?.trim();
        if (!fr || fr.length < SHORTEST || !seed.includes(fr)) continue;
        for (const lng of ["ar", "en"] as const) {
          const other = row[lng]?.trim();
          if (other === fr) continue; // the same in both languages: not French-only
          out[lng][other ? "translated" : "untranslated"].add(fr);
        }
      }
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
  return out;
}

/**
 * The first place in a document's text where `fr` is not beside the mark's words (-1: none). pdftotext
 * gives a line that mixes French and Arabic in an order of its own (the mark may come
 * before the French text, its brackets turned round, a colon moved), so either side will do.
 */
function unmarked(text: string, fr: string, mark: string): number {
  // spaces, brackets and the colon before a title are left out on both sides
  const bare = (s: string) => s.replace(/[\s():]+/g, "");
  const words = bare(mark);
  for (let at = text.indexOf(fr); at >= 0; at = text.indexOf(fr, at + fr.length)) {
    const after = bare(text.slice(at + fr.length, at + fr.length + words.length + 8));
    const before = bare(text.slice(Math.max(0, at - words.length - 8), at));
    if (!after.startsWith(words) && !before.endsWith(words)) return at;
  }
  return -1;
}

/**
 * A PDF asked for by a reader of `lng`, read back (`read`: pdftotext's text): the internal
 * codes in it, the French texts of staff content it shows unmarked, and the French-only
 * copies' texts it holds (`whole`: null for a document in French, which may hold French).
 * A document in its holder's language (a certificate, a letter, a plan) may be French: then
 * French is right; in Arabic or English (another test of the run may have switched the demo
 * holder's language), its French-only content is marked in that language.
 */
export function pdfFrenchProblems(
  p: string,
  lng: Lng,
  body: Buffer,
  read: string,
  texts: FrenchTexts,
): { codes: string[]; found: string[]; whole: string | null } {
  const codes: string[] = [];
  const found: string[] = [];
  let text: string;
  const whole = (text = read.replace(/\s+/g, " "));
  for (const code of new Set(whole.match(CODE) ?? [])) codes.push(`${p} [${lng}] ${code}`);
  const language = /\/Lang \((\w+)\)/.exec(body.toString("latin1"))?.[1];
  if (language === "fr") return { codes, found, whole: null };
  expect(["ar", "en"], p).toContain(language);
  const docLng = language as Lng;
  for (const fr of new Set([...texts[docLng].untranslated, ...Object.values(FRENCH_ONLY)])) {
    const at = unmarked(text, fr, MARK[docLng]);
    if (at >= 0) found.push(`${p} [${docLng}] ${fr} in "${text.slice(Math.max(0, at - 30), at + fr.length + 30)}"`);
    text = text.split(fr).join(" ");
  }
  for (const fr of new Set([...texts[lng].translated, ...texts[lng].untranslated, ...Object.values(FRENCH_ONLY)])) {
    if (text.includes(fr)) found.push(`${p} [${lng}] ${fr}`);
  }
  return { codes, found, whole };
}

/** The visitors the PDF crawl reads documents as: every signed-in one. */
export const PDF_READERS = EVERYONE.filter((w): w is Exclude<Who, "anonymous"> => w !== "anonymous");

/** A CV and a certificate are printed in the language asked for, when one is asked. */
export const ASKS_LANGUAGE = /^\/cv\/|^\/trainings\/certificates\//;

/**
 * The documents the PDF crawl asks for as `who` exactly as the text crawl does (the listed
 * path, in the reader's language), and checks for French content in Arabic and English: the
 * text crawl leaves them to it. A CV and a certificate the PDF crawl asks for with `?lang=`;
 * the text crawl reads them as listed, in their holder's language, itself.
 */
export function pdfsReadByPdfCrawl(who: Who, demo: Fixture): Set<string> {
  if (who === "anonymous") return new Set();
  return new Set(pathsFor(who, demo).filter((p) => /\.pdf(\?|$)/.test(p) && !ASKS_LANGUAGE.test(p)));
}
