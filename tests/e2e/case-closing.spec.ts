/**
 * Closing a case file and opening it again (issue 15), on a phone, with and without
 * JavaScript, in French and Arabic: the close link opens the confirmation step, which
 * asks for a reason; once closed, the file says why and offers to reopen it.
 */
import { expect } from "@playwright/test";
import { fitsThePhone, freshCase, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case file closes with a reason, from its confirmation step, and opens again (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const firstName = `Clo${Math.random().toString(36).slice(2, 8)}`;
      const c = await freshCase({ firstName, lastName: "Coulibaly" });
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/protection/cases/${c.id}`);
      await page.getByRole("link", { name: m["protection.closure.close"] }).click();
      const step = page.getByTestId("confirm-step");
      await expect(step.getByRole("heading", { level: 1 })).toContainText(firstName);
      // without a reason nothing happens
      await step.getByRole("button", { name: m["protection.confirm.close.button"] }).click();
      await expect(page.getByTestId("confirm-step")).toBeVisible();
      await page.getByLabel(m["protection.closure.closeReason"]).selectOption("returned_home");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`close-step-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      await page.getByRole("button", { name: m["protection.confirm.close.button"] }).click();

      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}$`));
      const history = page.getByTestId("status-history");
      await expect(history).toContainText(m["protection.closure.reason.returned_home"]);
      await page.locator("#closure").screenshot({ ...SHOT, path: testInfo.outputPath(`closed-${lang}.png`) });
      await fitsThePhone(page);

      // out of the list of open files
      await page.goto(`/protection?q=${firstName}`);
      await expect(page.locator("main")).not.toContainText(c.reference);

      await page.goto(`/protection/cases/${c.id}`);
      await page.getByLabel(m["protection.closure.reopenReason"]).selectOption("came_back");
      await page.getByRole("button", { name: m["protection.closure.reopen"] }).click();
      await expect(history).toContainText(m["protection.closure.reason.came_back"]);
      await expect(page.getByRole("link", { name: m["protection.closure.close"] })).toBeVisible();
    },
  );
}
