/**
 * Every page each signed-in visitor may open (the access-matrix rows they get a 200 for),
 * in Arabic and in English: no French text of the demo's staff content (every `*_fr`
 * column of the seeded database: titles, descriptions, names, places, requirements,
 * labels) reaches the reader, unless that item has no translation in the reader's
 * language and the page says so: the French text inside `lang="fr"`, followed by
 * "(in French)" / "(بالفرنسية)" (decision 0071, `<LocalizedText>`).
 *
 * Only the demo's content counts: a text of the database that the seed's source
 * (db/seed.ts, db/seed/) writes. Other tests of the same run create French-only calls,
 * cohorts and items as they go, and pages that print such an item as plain text do not
 * mark it yet (docs/known-problems.md): those would make this test depend on the order
 * the run takes.
 */
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { en } from "../../app/i18n/locales/en";
import { ar } from "../../app/i18n/locales/ar";
import { ACTING, EVERYONE } from "../access/types";
import { e2eDatabaseUrl, e2eFixture, login, NOT_A_PAGE, pathsFor } from "./fixtures";

// the text is read by a script in the page: once, with JavaScript, is enough
test.use({ javaScriptEnabled: true });

const MARK = { ar: ar["content.inFrench"], en: en["content.inFrench"] };
/** Shorter texts ("C1", "Rabat") are words any language may hold, not French content. */
const SHORTEST = 8;

type Lng = keyof typeof MARK;

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

for (const who of EVERYONE.filter((w) => w !== "anonymous")) {
  for (const lng of ["ar", "en"] as const) {
    test(`no unmarked French staff content on any page ${who} may open, in ${lng}`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(240_000);
      const texts = (await frenchTexts())[lng];
      expect(texts.translated.size).toBeGreaterThan(10);
      await login(page, ACTING[who]);
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      const found: string[] = [];
      for (const p of pathsFor(who, e2eFixture())) {
        if (NOT_A_PAGE.test(p)) continue;
        const response = await page.goto(p);
        expect(response?.status(), p).toBe(200);
        // what the page marks as French with its "(in French)" after it is said, not hidden
        const text = await page.evaluate((mark) => {
          for (const el of Array.from(document.querySelectorAll('[lang="fr"]'))) {
            if (el.nextElementSibling?.textContent?.trim() === mark) el.textContent = "";
          }
          // the admin's outbox shows each message as it was sent, in its recipient's language
          for (const el of Array.from(document.querySelectorAll('.message-body[lang="fr"]'))) el.textContent = "";
          return document.body.innerText;
        }, MARK[lng]);
        for (const fr of [...texts.translated, ...texts.untranslated]) {
          if (text.includes(fr)) found.push(`${p} [${lng}] ${fr}`);
        }
      }
      expect(found).toEqual([]);
    });
  }
}
