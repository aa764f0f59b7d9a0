/**
 * Every page an applicant or an anonymous visitor may open (the access-matrix rows
 * they get a 200 for), at 375 px, in French and in Arabic:
 * - nothing is wider than the screen;
 * - the header is one line (the mark, the languages and the menu);
 * - every visible interactive element is at least 24 × 24 CSS px (WCAG 2.2 target
 *   size), except links inside a sentence (the criterion's "inline" exception), and the
 *   menu's links are found at that size once it is open, and it closes behind a tap on one.
 */
import { expect, test, type Page } from "@playwright/test";
import { ACTING } from "../access/types";
import { e2eFixture, login, NOT_A_PAGE, openMenu, pathsFor } from "./fixtures";

// the measures are read by a script in the page: once, with JavaScript, is enough
test.use({ javaScriptEnabled: true });

type Problem = string;

/** Interactive elements under 24 × 24 px, with what they say, in the page as it is now. */
function smallTargets(page: Page): Promise<Problem[]> {
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

for (const who of ["anonymous", "applicant"] as const) {
  for (const lng of ["fr", "ar"] as const) {
    test(`target size and one-line header: every page ${who} may open, in ${lng}`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(180_000);
      if (who !== "anonymous") await login(page, ACTING[who]);
      await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
      const paths = pathsFor(who, e2eFixture()).filter((p) => !NOT_A_PAGE.test(p));
      expect(paths.length).toBeGreaterThan(who === "applicant" ? 10 : 3);
      const problems: string[] = [];
      for (const p of paths) {
        const response = await page.goto(p);
        expect(response?.status(), p).toBe(200);
        const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (width > 0) problems.push(`${p} [${lng}] ${width} px wider than the screen`);
        const header = await page.locator(".header-row").boundingBox();
        if (!header || header.height > 60)
          problems.push(`${p} [${lng}] header is ${header?.height} px high, not one line`);
        for (const small of await smallTargets(page)) problems.push(`${p} [${lng}] ${small}`);
      }
      // the menu's own links, once open (on the last page)
      await openMenu(page);
      await expect(page.locator(".nav-menu .main-nav a").first()).toBeVisible();
      for (const small of await smallTargets(page)) problems.push(`menu open [${lng}] ${small}`);
      // a tap on one of its links leads to that page with the menu closed again
      await page.locator('.nav-menu .main-nav a:not([aria-current="page"])').first().click();
      await expect(page.locator(".nav-menu[open]")).toHaveCount(0);
      expect(problems).toEqual([]);
    });
  }
}
