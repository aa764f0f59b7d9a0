/**
 * Every PDF each signed-in visitor may open (the access-matrix rows they get a 200 for:
 * the voucher, the plan, the quarterly report and every other document), asked for in
 * French, Arabic and English, read back as a person's reader reads it (pdftotext): it is
 * in the language it should be, no internal code (`rabat_sale_kenitra`, a message key)
 * reaches the page, and an Arabic or English one holds no French label of the catalogue
 * and no French month (a chart's months included). The language a document should be in: the reader's, or for the
 * documents written for their holder (a plan, an award letter) the holder's language at
 * the moment it is printed; a CV and a certificate follow `?lang=`, asked here.
 *
 * In Arabic and English, the documents read here as the text crawl would read them (the
 * listed path, in the reader's language: all but the CV and the certificate) also get the
 * text crawl's check for French staff content shown unmarked (french-text.ts): each is
 * rendered once for both walks, and the text crawl does not ask for them again.
 */
import { expect } from "@playwright/test";
import postgres from "postgres";
import { ACTING } from "../access/types";
import { readPdfText } from "../helpers/pdf";
import { frenchLeftIn } from "../helpers/untranslated";
import { CODE, e2eDatabaseUrl, e2eFixture, login, pathsFor, test } from "./fixtures";
import { ASKS_LANGUAGE, frenchTexts, PDF_READERS, pdfFrenchProblems, pdfsReadByPdfCrawl } from "./french-text";

type Lng = "fr" | "ar" | "en";

/** Small words only one of the two Latin-script languages uses ("on", "en" left out: both). */
const WORDS: Record<"fr" | "en", Set<string>> = {
  fr: new Set(["de", "la", "le", "les", "et", "du", "des", "au", "aux", "par", "pour", "une", "un", "est", "sur"]),
  en: new Set(["the", "of", "and", "to", "by", "for", "in", "is", "with", "from", "at"]),
};

/** Which language a document's text is in, by its letters and small words. */
function languageOfText(text: string): { ar: number; latin: number; fr: number; en: number } {
  const words = text.toLowerCase().split(/[^a-zà-ÿ]+/);
  return {
    ar: (text.match(/[\u0621-\u064a]/g) ?? []).length,
    latin: (text.match(/[A-Za-zÀ-ÿ]/g) ?? []).length,
    fr: words.filter((w) => WORDS.fr.has(w)).length,
    en: words.filter((w) => WORDS.en.has(w)).length,
  };
}

function isIn(text: string, lng: Lng): boolean {
  const c = languageOfText(text);
  // an Arabic list of people (a round's hand-out sheet) may hold more Latin-script names than
  // Arabic labels: its own text in Arabic still makes a good share of its letters, where a
  // French or English document has next to none
  if (lng === "ar") return c.ar >= 40 && c.ar * 4 >= c.ar + c.latin;
  const other = lng === "fr" ? "en" : "fr";
  return c.ar < c.latin && c[lng] >= 1 && c[lng] >= c[other];
}

/** The language of a document written for its holder, read from the database as it is printed. */
async function holderLanguage(path: string): Promise<Lng | null> {
  const plan = /^\/plans\/([0-9a-f-]{36})\.pdf/.exec(path)?.[1];
  const letter = /^\/grants\/applications\/([0-9a-f-]{36})\/letter\.pdf/.exec(path)?.[1];
  if (!plan && !letter) return null;
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [row] = plan
      ? await sql<{ locale: Lng }[]>`
          select u.locale from business_plans p join users u on u.id = p.owner_id where p.id = ${plan}`
      : await sql<{ locale: Lng }[]>`
          select u.locale from grant_applications a join users u on u.id = a.applicant_id where a.id = ${letter!}`;
    expect(row, path).toBeDefined();
    return row!.locale;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** The visitors who have documents to read. */
const READERS: readonly string[] = ["admin", "applicant", "coach", "case_worker"];

for (const who of PDF_READERS) {
  test(`every PDF ${who} may open is in its expected language, without internal codes`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const demo = e2eFixture();
    const pdfs = pathsFor(who, demo).filter((p) => /\.pdf(\?|$)/.test(p));
    // the text crawl's check for French staff content, on the documents it leaves to this walk
    const forTextCrawl = pdfsReadByPdfCrawl(who, demo);
    const french = forTextCrawl.size > 0 ? await frenchTexts() : null;
    // the ones with documents do read some (the check cannot pass by reading none)
    if (READERS.includes(who)) expect(pdfs.length, who).toBeGreaterThan(0);
    await login(page, ACTING[who]);
    const found: string[] = [];
    for (const lng of ["fr", "ar", "en"] as const) {
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      for (const listed of pdfs) {
        const p = ASKS_LANGUAGE.test(listed) ? `${listed}${listed.includes("?") ? "&" : "?"}lang=${lng}` : listed;
        const expected = (await holderLanguage(p)) ?? lng;
        const response = await page.request.get(p);
        expect(response.status(), p).toBe(200);
        const body = await response.body();
        const declared = /\/Lang \((\w+)\)/.exec(body.toString("latin1"))?.[1];
        const text = readPdfText(body);
        if (declared !== expected) found.push(`${p} [${lng}] declares ${declared}, expected ${expected}`);
        if (!isIn(text, expected))
          found.push(`${p} [${lng}] text not in ${expected}: ${JSON.stringify(languageOfText(text))}`);
        // in Arabic and English: no French label of the catalogue, no French month (codes just above)
        if (expected !== "fr")
          for (const left of frenchLeftIn(text, expected).filter((f) => !f.startsWith("code ")))
            found.push(`${p} [${lng}] ${left}`);
        for (const code of new Set(text.match(CODE) ?? [])) found.push(`${p} [${lng}] code ${code}`);
        if (lng !== "fr" && french && forTextCrawl.has(p)) {
          const read = pdfFrenchProblems(p, lng, body, text, french);
          found.push(...read.codes, ...read.found);
        }
      }
    }
    expect(found).toEqual([]);
  });
}
