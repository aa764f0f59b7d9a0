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
 *
 * The documents the PDF crawl reads in the same language as the same visitor (the listed
 * path: every PDF of the demo records but the CV and the certificate, which it asks for with
 * `?lang=`) get both checks there, on the same rendering (pdf-crawl.spec.ts, french-text.ts);
 * this walk reads the others: the copies' documents, the CV and the certificate as listed.
 */
import { expect } from "@playwright/test";
import { ACTING, EVERYONE, type Who } from "../access/types";
import { readPdfText } from "../helpers/pdf";
import { FRENCH_ONLY, frenchOnlyFixture } from "./french-content";
import { frenchTexts, MARK, pdfFrenchProblems, pdfsReadByPdfCrawl } from "./french-text";
import { CODE, e2eFixture, login, NOT_A_PAGE, pathsFor, test } from "./fixtures";

// The text is read by Playwright's evaluate, which runs with the page's own scripts off: the
// page as the server sent it, without the browser loading and hydrating the app's modules on
// each of the walk's hundreds of pages. It is the text a reader gets with JavaScript too: no
// page changes its text in the browser (its effects only move focus), and a page whose
// browser rendering differs from the server's fails the accessibility walk (hydration errors).
test.use({ javaScriptEnabled: false });

// the walk's tests (a visitor each) share nothing: both workers take them, so the walk does
// not run on one worker while the other has finished
test.describe.configure({ mode: "parallel" });

/** The French-only copies each role is shown somewhere (so the check cannot pass by reading none). */
const SEEN_BY: Partial<Record<Who, (keyof typeof FRENCH_ONLY)[]>> = {
  admin: ["training", "trainingDescription", "cohort", "place", "call", "criterion", "offer", "requirements", "item"],
  applicant: ["training", "trainingDescription", "cohort", "offer", "requirements"],
  coach: ["training", "cohort", "place", "offer"],
  case_worker: ["item"],
};

for (const who of EVERYONE) {
  for (const lng of ["ar", "en"] as const) {
    test(`no internal code and no unmarked French staff content on any page or PDF ${who} may open, in ${lng}`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(300_000);
      const both = await frenchTexts();
      const texts = both[lng];
      expect(texts.translated.size).toBeGreaterThan(10);
      for (const fr of Object.values(FRENCH_ONLY)) texts.untranslated.add(fr);
      const demo = e2eFixture();
      const copies = await frenchOnlyFixture(demo);
      if (who !== "anonymous") await login(page, ACTING[who]);
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      const found: string[] = [];
      const codes: string[] = [];
      const seen: Record<string, string[]> = {};
      const readByPdfCrawl = pdfsReadByPdfCrawl(who, demo);
      for (const p of new Set([...pathsFor(who, demo), ...pathsFor(who, copies)])) {
        if (/\.pdf(\?|$)/.test(p)) {
          // the PDF crawl reads this one in this language, and checks it so: one rendering for both
          if (readByPdfCrawl.has(p)) continue;
          const response = await page.request.get(p);
          expect(response.status(), p).toBe(200);
          const body = await response.body();
          const read = pdfFrenchProblems(p, lng, body, readPdfText(body), both);
          codes.push(...read.codes);
          found.push(...read.found);
          for (const fr of Object.values(FRENCH_ONLY))
            if (read.whole?.includes(fr)) seen[fr] = [...(seen[fr] ?? []), p];
          continue;
        }
        if (NOT_A_PAGE.test(p)) continue;
        const response = await page.goto(p);
        expect(response?.status(), p).toBe(200);
        // what the page marks as French with its "(in French)" after it is said, not hidden
        const [whole, coded, text] = await page.evaluate(
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
