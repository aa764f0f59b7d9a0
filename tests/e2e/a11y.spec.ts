/**
 * Accessibility on every page each visitor may open (the access-matrix rows whose expected
 * status for that visitor is 200), at 375 px, in French and in Arabic, in one walk per
 * visitor and language:
 * - axe-core: no serious or critical violation (WCAG 2.1 A/AA and best practices);
 * - for the applicant and the anonymous visitor, whose pages are read on phones: nothing is
 *   wider than the screen; the header is one line (the mark, the languages and the menu);
 *   every visible interactive element is at least 24 × 24 CSS px (WCAG 2.2 target size),
 *   except links inside a sentence (the criterion's "inline" exception); the menu's links
 *   are found at that size once it is open, and it closes behind a tap on one.
 * Pages of modules merged later are covered through their matrix rows.
 */
import fs from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { expect, type Page } from "@playwright/test";
import { ACCESS_MATRIX } from "../access";
import { ACTING, EVERYONE, type Fixture, type Who } from "../access/types";
import { e2eFixture, login, NOT_A_PAGE, openMenu, pathsFor, test } from "./fixtures";

// axe and the measures run inside the page: they need JavaScript, even in the no-JavaScript project
test.use({ javaScriptEnabled: true });

// the walk's tests (a visitor and a language each) share nothing: both workers take them, so
// the longest file of the suite does not run on one worker while the other has finished
test.describe.configure({ mode: "parallel" });

/**
 * The pages axe reads for `who`: each page once per language, by the first visitor (in
 * EVERYONE's order) who may open it; the home page, different for every role, by every role.
 */
function axePagesFor(who: Who, f: Fixture): Set<string> {
  const mine = ACCESS_MATRIX.filter((e) => {
    if (e.expect[who] !== 200) return false;
    if (e.route === "routes/home") return true;
    const first = EVERYONE.find((w) => e.expect[w] === 200);
    return first === who;
  }).map((e) => e.path(f));
  return new Set(mine.filter((p) => !NOT_A_PAGE.test(p)));
}

/** What axe checks: WCAG 2.1 A and AA, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * axe's violations on the page as it is now. axe's source is in every page already (an init
 * script, `test.beforeEach`): @axe-core/playwright sent its 500 KB into each page before each
 * run, which made up half the time of this walk (15 admin pages: 10.2 s with it, 4.5 s so).
 * axe runs in the page itself: no page has a frame, and the CSP allows none from another
 * origin. Only violations are gathered, not every passing node.
 */
function axeViolations(page: Page, lng: "fr" | "ar"): Promise<axe.Result[]> {
  return page.evaluate(
    async ([tags, contrast]) => {
      const inPage = (window as unknown as { axe: typeof axe }).axe;
      const results = await inPage.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: { "color-contrast": { enabled: contrast } },
        resultTypes: ["violations"],
      });
      return results.violations;
    },
    [AXE_TAGS, lng === "fr"] as const,
  );
}

/**
 * Colour contrast is read in the French walk only. It was four fifths of axe's time (7 admin
 * pages: 4.5 s with it, 0.8 s without), and the Arabic walk read the same colours again: the
 * stylesheet gives no colour, background or opacity by direction or language (the test below
 * holds it to that), and no inline style reaches a page (the CSP forbids them).
 */
test("the stylesheet's colours do not depend on direction or language", () => {
  const css = fs
    .readFileSync(path.join(import.meta.dirname, "../../public/styles.css"), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "");
  const byLanguage = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .map((m) => ({ selector: (m[1] ?? "").trim(), body: m[2] ?? "" }))
    .filter(({ selector }) => /\[dir|:dir\(|\[lang|:lang\(|\.rtl\b|\.ltr\b/.test(selector));
  // the rules this test reads (isolating a reference in a line of the other direction)
  expect(byLanguage.length).toBeGreaterThan(0);
  const coloured = byLanguage.filter(({ body }) => /color|background|opacity|filter|border|outline|shadow/.test(body));
  expect(coloured.map((r) => r.selector)).toEqual([]);
});

test.beforeEach(async ({ context }) => {
  await context.addInitScript({ content: axe.source });
});

/** The visitors whose every page is measured on a phone (target size, width, header). */
const MEASURED: readonly Who[] = ["anonymous", "applicant"];

/** Interactive elements under 24 × 24 px, with what they say, in the page as it is now. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const problems: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (a closed menu, display: none)
      if (el.closest(".skip-link")) continue; // off screen until focused
      if (el.closest('[aria-hidden="true"]') && el.tabIndex < 0) continue; // not a target: Enter's default submit
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      if (box.width >= 24 && box.height >= 24) continue;
      // WCAG 2.5.8's inline exception: a link in a sentence, sized by the line of text around it
      if (el.tagName === "A" && style.display === "inline") {
        const block =
          el.parentElement?.closest("p, li, td, dd, label, legend, figcaption, small, span") ?? el.parentElement;
        const around = (block?.textContent ?? "").replace(el.textContent ?? "", "").trim();
        if (/[\p{L}\p{N}]/u.test(around)) continue;
      }
      const what = (el.getAttribute("aria-label") ?? el.textContent ?? el.getAttribute("name") ?? el.tagName).trim();
      problems.push(
        `${el.tagName.toLowerCase()} "${what.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
    return problems;
  });
}

/** Width, one-line header and target size of the page as it is now. */
async function phoneProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (width > 0) problems.push(`${width} px wider than the screen`);
  const header = await page.locator(".header-row").boundingBox();
  if (!header || header.height > 60) problems.push(`header is ${header?.height} px high, not one line`);
  return [...problems, ...(await smallTargets(page))];
}

for (const who of EVERYONE) {
  for (const lng of ["fr", "ar"] as const) {
    test(`accessibility: every page ${who} may open, in ${lng}`, async ({ page, context, baseURL }) => {
      test.setTimeout(240_000);
      if (who !== "anonymous") await login(page, ACTING[who]);
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      const problems: string[] = [];
      // a page whose browser module throws (say, a server-only value used at its top level)
      // still renders on the server, then breaks every client navigation into it; and a
      // page whose server and browser renderings differ gets React's hydration errors
      // (#418/#423/#425) and is rendered again in the browser
      page.on("pageerror", (error) => {
        problems.push(`${page.url()} script error: ${error.message}`);
      });
      const fixture = e2eFixture();
      const axePages = axePagesFor(who, fixture);
      const measured = MEASURED.includes(who)
        ? new Set(pathsFor(who, fixture).filter((p) => !NOT_A_PAGE.test(p)))
        : new Set<string>();
      // every visitor has at least its home page (or the landing page) to check
      expect(axePages.size).toBeGreaterThan(0);
      if (MEASURED.includes(who)) expect(measured.size).toBeGreaterThan(who === "applicant" ? 10 : 3);
      for (const p of new Set([...axePages, ...measured])) {
        const response = await page.goto(p);
        expect(response?.status(), p).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        if (measured.has(p)) for (const problem of await phoneProblems(page)) problems.push(`${p} [${lng}] ${problem}`);
        if (!axePages.has(p)) continue;
        const results = await axeViolations(page, lng);
        for (const v of results) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          const where = v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ");
          problems.push(`${p} [${lng}] ${v.impact} ${v.id}: ${v.help} (${where})`);
        }
      }
      if (MEASURED.includes(who)) {
        // the menu's own links, once open (on the last page)
        await openMenu(page);
        await expect(page.locator(".nav-menu .main-nav a").first()).toBeVisible();
        for (const small of await smallTargets(page)) problems.push(`menu open [${lng}] ${small}`);
        // a tap on one of its links leads to that page with the menu closed again
        await page.locator('.nav-menu .main-nav a:not([aria-current="page"])').first().click();
        await expect(page.locator(".nav-menu[open]")).toHaveCount(0);
      }
      expect(problems).toEqual([]);
    });
  }
}
