/**
 * Grant calls without traps (issue 15), on a phone, in French and Arabic: the demo call's
 * last application has one of the two reviews the call asks for; the admin sees it
 * flagged in the ranking, and the proposal says it is not proposed.
 */
import { expect } from "@playwright/test";
import { ar } from "../../app/i18n/locales/ar/index";
import { fr } from "../../app/i18n/locales/fr/index";
import { e2eFixture, login, switchLanguage, journey, SHOT, test } from "./fixtures";
import { translate } from "../../app/i18n/translate";

for (const [lang, m] of [
  ["fr", fr],
  ["ar", ar],
] as const) {
  test(
    `an application short of reviews is flagged in the ranking (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const f = e2eFixture();
      await login(page, "admin@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/grants/calls/${f.grants.reviewCall.id}`);
      const flag = translate(m, lang, "grants.ranking.fewReviews", { count: 1, required: 2 });
      const flagged = page.getByTestId("ranking").getByTestId("few-reviews").first();
      await expect(flagged).toHaveText(flag);
      // the flag sits next to the application's number: seen on a phone without scrolling the table sideways
      await flagged.locator("xpath=ancestor::tr/td[1]").scrollIntoViewIfNeeded();
      await expect(flagged).toBeInViewport({ ratio: 1 });
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`ranking-${lang}.png`), fullPage: false });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    },
  );
}
