/**
 * Correcting a hand-out made by mistake (issue 13), on a phone, with and without
 * JavaScript, in French and Arabic: the first tap only opens the confirmation step,
 * which says what comes back to the stock and asks why; without a reason nothing
 * changes; once confirmed, the hand-out stays listed, marked, and the person can
 * receive the right one.
 */
import { expect } from "@playwright/test";
import { fitsThePhone, freshCase, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a hand-out made by mistake is corrected the same day, after confirming with a reason (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const firstName = `Corr${Math.random().toString(36).slice(2, 8)}`;
      const c = await freshCase({ firstName, lastName: "Keita", householdSize: 2 });
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/aid");
      await page.getByRole("link", { name: "Kits d'hygiène — novembre" }).click();
      await expect(page).toHaveURL(/\/aid\/rounds\/[0-9a-f-]{36}$/);
      const roundUrl = new URL(page.url()).pathname;
      await page.locator("li", { hasText: firstName }).getByRole("button", { name: m["aid.rounds.handOut"] }).click();
      await page.getByRole("button", { name: m["aid.confirm.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`${roundUrl}$`));

      // the first tap opens the step: what comes back to the stock, and a reason to give
      const given = page.locator("[data-distribution]", { hasText: c.reference });
      await given.getByRole("link", { name: m["aid.correct.link"] }).click();
      const step = page.getByTestId("confirm-step");
      await expect(step.getByRole("heading", { level: 1 })).toContainText(firstName);
      await expect(page.getByTestId("correction-items")).toContainText("×");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`correct-step-${lang}.png`), fullPage: true });

      // no reason: refused, said in the person's language, nothing changed
      await step.getByRole("button", { name: m["aid.correct.button"] }).click();
      await expect(page.getByTestId("confirm-step")).toContainText(m["aid.correct.reasonRequired"]);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`correct-refused-${lang}.png`), fullPage: true });
      await page.goto(roundUrl);
      await expect(page.locator("[data-distribution]", { hasText: c.reference })).not.toContainText(
        m["aid.correct.corrected"],
      );

      // cancel leaves it as it was
      await page
        .locator("[data-distribution]", { hasText: c.reference })
        .getByRole("link", { name: m["aid.correct.link"] })
        .click();
      await page.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page).toHaveURL(new RegExp(`${roundUrl}#given$`));

      await page
        .locator("[data-distribution]", { hasText: c.reference })
        .getByRole("link", { name: m["aid.correct.link"] })
        .click();
      await page.getByLabel(m["aid.correct.reason"]).fill("Mauvaise personne");
      await page.getByRole("button", { name: m["aid.correct.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`${roundUrl}#given$`));
      const corrected = page.locator("[data-distribution]", { hasText: c.reference });
      await expect(corrected).toContainText("Mauvaise personne");
      await expect(corrected.getByRole("link", { name: m["aid.correct.link"] })).toHaveCount(0);
      // the person is back among those to hand out to
      await expect(
        page.locator("li", { hasText: firstName }).getByRole("button", { name: m["aid.rounds.handOut"] }),
      ).toBeVisible();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`corrected-${lang}.png`), fullPage: true });
    },
  );
}
