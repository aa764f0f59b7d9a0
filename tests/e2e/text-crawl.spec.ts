/**
 * What a reader of Arabic or English gets on every page and document each visitor may open
 * (the access-matrix rows they get a 200 for), in one walk per visitor and language (each
 * page costs a server render and a browser layout: one visit serves both checks):
 *
 * - **No internal code** reaches the reader: a snake_case value such as `rabat_sale_kenitra`
 *   or `food_processing`, an enum's raw value, a message key. Text a page marks as code
 *   (`<code>`: the audit log's action and record type, which its filter takes as typed) is
 *   not read.
 * - **No French text of staff content** reaches the reader unless that item has no
 *   translation in the reader's language and it is marked: on a page, the French text inside
 *   `lang="fr"` followed by "(in French)" / "(بالفرنسية)" (decision 0071, `<LocalizedText>`);
 *   in a PDF, read back with pdftotext, the same words after it.
 *
 * The French texts looked for: the demo's (every `*_fr` column of the seeded database that
 * the seed's source writes: titles, descriptions, names, places, requirements, labels), and
 * French-only copies of the records the matrix opens, which this test makes itself
 * (french-content.ts): each path is opened for the demo record and for its copy. Texts
 * other tests create as they go are not read: which of them exist depends on the order
 * the run takes.
 */
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { en } from "../../app/i18n/locales/en";
import { ar } from "../../app/i18n/locales/ar";
import { ACTING, EVERYONE, type Who } from "../access/types";
import { readPdfText } from "../helpers/pdf";
import { FRENCH_ONLY, frenchOnlyFixture } from "./french-content";
import { CODE, e2eDatabaseUrl, e2eFixture, login, NOT_A_PAGE, pathsFor } from "./fixtures";

// The text is read by Playwright's evaluate, which runs with the page's own scripts off: the
// page as the server sent it, without the browser loading and hydrating the app's modules on
// each of the walk's hundreds of pages. It is the text a reader gets with JavaScript too: no
// page changes its text in the browser (its effects only move focus), and a page whose
// browser rendering differs from the server's fails the accessibility walk (hydration errors).
test.use({ javaScriptEnabled: false });

// the walk's tests (a visitor each) share nothing: both workers take them, so the walk does
// not run on one worker while the other has finished
test.describe.configure({ mode: "parallel" });

const MARK = { ar: ar["content.inFrench"], en: en["content.inFrench"] };
/** Shorter texts ("C1", "Rabat") are words any language may hold, not French content. */
const SHORTEST = 8;

type Lng = keyof typeof MARK;

/** The French-only copies each role is shown somewhere (so the check cannot pass by reading none). */
const SEEN_BY: Partial<Record<Who, (keyof typeof FRENCH_ONLY)[]>> = {
  admin: ["training", "trainingDescription", "cohort", "place", "call", "criterion", "offer", "requirements", "item"],
  applicant: ["training", "trainingDescription", "cohort", "offer", "requirements"],
  coach: ["training", "cohort", "place", "offer"],
  case_worker: ["item"],
};

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
async function frenchTexts(): Promise<Record<Lng, { translated: Set<string>; untranslated: Set<string> }>> {
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

for (const who of EVERYONE) {
  for (const lng of ["ar", "en"] as const) {
    test(`no internal code and no unmarked French staff content on any page or PDF ${who} may open, in ${lng}`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(300_000);
      const texts = (await frenchTexts())[lng];
      expect(texts.translated.size).toBeGreaterThan(10);
      for (const fr of Object.values(FRENCH_ONLY)) texts.untranslated.add(fr);
      const demo = e2eFixture();
      const copies = await frenchOnlyFixture(demo);
      if (who !== "anonymous") await login(page, ACTING[who]);
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      const found: string[] = [];
      const codes: string[] = [];
      const seen: Record<string, string[]> = {};
      for (const p of new Set([...pathsFor(who, demo), ...pathsFor(who, copies)])) {
        let text: string;
        let whole: string;
        if (/\.pdf(\?|$)/.test(p)) {
          const response = await page.request.get(p);
          expect(response.status(), p).toBe(200);
          const body = await response.body();
          text = whole = readPdfText(body).replace(/\s+/g, " ");
          for (const code of new Set(whole.match(CODE) ?? [])) codes.push(`${p} [${lng}] ${code}`);
          // a document in its holder's language (a certificate, a letter, a plan) may be French:
          // then French is right; in Arabic or English (another test of the run may have switched
          // the demo holder's language), its French-only content is marked in that language
          const language = /\/Lang \((\w+)\)/.exec(body.toString("latin1"))?.[1];
          if (language === "fr") continue;
          expect(["ar", "en"], p).toContain(language);
          const docLng = language as "ar" | "en";
          const untranslated =
            docLng === lng
              ? texts.untranslated
              : new Set([...(await frenchTexts())[docLng].untranslated, ...Object.values(FRENCH_ONLY)]);
          for (const fr of untranslated) {
            const at = unmarked(text, fr, MARK[docLng]);
            if (at >= 0)
              found.push(`${p} [${docLng}] ${fr} in "${text.slice(Math.max(0, at - 30), at + fr.length + 30)}"`);
            text = text.split(fr).join(" ");
          }
        } else if (NOT_A_PAGE.test(p)) {
          continue;
        } else {
          const response = await page.goto(p);
          expect(response?.status(), p).toBe(200);
          // what the page marks as French with its "(in French)" after it is said, not hidden
          let coded: string;
          [whole, coded, text] = await page.evaluate(
            ([mark, untranslated]) => {
              const all = document.body.innerText;
              for (const code of Array.from(document.querySelectorAll("code"))) code.textContent = "";
              const withoutCode = document.body.innerText;
              // an option holds no markup: its French text is followed by the words of the mark
              for (const el of Array.from(document.querySelectorAll("option"))) {
                for (const fr of untranslated) el.textContent = (el.textContent ?? "").split(`${fr} ${mark}`).join("");
              }
              for (const el of Array.from(document.querySelectorAll('[lang="fr"]'))) {
                if (el.nextElementSibling?.textContent?.trim() === mark) el.textContent = "";
              }
              // the admin's outbox shows each message as it was sent, in its recipient's language
              for (const el of Array.from(document.querySelectorAll('.message-body[lang="fr"]'))) el.textContent = "";
              return [all, withoutCode, document.body.innerText];
            },
            [MARK[lng], [...texts.untranslated]] as const,
          );
          for (const code of new Set(coded.match(CODE) ?? [])) codes.push(`${p} [${lng}] ${code}`);
        }
        for (const fr of [...texts.translated, ...texts.untranslated]) {
          if (text.includes(fr)) found.push(`${p} [${lng}] ${fr}`);
        }
        for (const fr of Object.values(FRENCH_ONLY)) if (whole.includes(fr)) seen[fr] = [...(seen[fr] ?? []), p];
      }
      // the copies did reach the pages: the check above read them
      for (const key of SEEN_BY[who] ?? []) expect(seen[FRENCH_ONLY[key]], `${key} shown to ${who}`).toBeDefined();
      expect(codes).toEqual([]);
      expect(found).toEqual([]);
    });
  }
}
