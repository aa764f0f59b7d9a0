/**
 * axe-core on every page each visitor may open (the access-matrix rows whose expected
 * status for that visitor is 200), in French and in Arabic: no serious or critical
 * violation. Pages of modules merged later are covered through their matrix rows.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ACCESS_MATRIX } from "../access";
import { ACTING, EVERYONE, type Fixture, type Who } from "../access/types";
import { e2eFixture, login, NOT_A_PAGE } from "./fixtures";

// axe runs inside the page: it needs JavaScript, even in the no-JavaScript project
test.use({ javaScriptEnabled: true });

/**
 * Each page is checked once per language, by the first visitor (in EVERYONE's order)
 * who may open it; the home page, different for every role, by every role.
 */
function pagesFor(who: Who, f: Fixture): string[] {
  const mine = ACCESS_MATRIX.filter((e) => {
    if (e.expect[who] !== 200) return false;
    if (e.route === "routes/home") return true;
    const first = EVERYONE.find((w) => e.expect[w] === 200);
    return first === who;
  }).map((e) => e.path(f));
  return [...new Set(mine.filter((p) => !NOT_A_PAGE.test(p)))];
}

for (const who of EVERYONE) {
  for (const lng of ["fr", "ar"] as const) {
    test(`axe: every page ${who} may open, in ${lng}`, async ({ page, context, baseURL }) => {
      test.setTimeout(180_000);
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
      const pages = pagesFor(who, e2eFixture());
      // every visitor has at least its home page (or the landing page) to check
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) {
        const response = await page.goto(p);
        expect(response?.status(), p).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        // axe.run in the page itself (legacy mode): the default runs each frame apart and
        // finishes in a new blank page, for cross-origin frames: no page here has a frame,
        // and the CSP allows none from another origin. Only violations are gathered, not
        // every passing node.
        // Same violations, a third of the time (30 admin pages: 28 s → 11 s)
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
          .setLegacyMode(true)
          .options({ resultTypes: ["violations"] })
          .analyze();
        for (const v of results.violations) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          const where = v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ");
          problems.push(`${p} [${lng}] ${v.impact} ${v.id}: ${v.help} (${where})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
}
