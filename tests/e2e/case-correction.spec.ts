/**
 * A case worker corrects a person's identity on their case file (issue 15), on a phone,
 * with and without JavaScript, in French and Arabic: the "correct" link opens a form
 * filled with the current values; a refused form keeps what was typed and says why; the
 * corrected identity shows on the file.
 */
import { expect } from "@playwright/test";
import { fitsThePhone, freshCase, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker corrects a person's identity and sees it on the file (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const firstName = `Cor${Math.random().toString(36).slice(2, 8)}`;
      const c = await freshCase({ firstName, lastName: "Keita", phone: "+212611223344", city: "kenitra" });
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/protection/cases/${c.id}`);
      await page.getByRole("link", { name: m["protection.correct.identityLink"] }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m["protection.correct.identityTitle"]);
      // filled with what the file says
      await expect(page.locator("#f-firstName")).toHaveValue(firstName);
      await expect(page.locator("#f-phone")).toHaveValue("+212611223344");
      await expect(page.locator("#f-city")).toHaveValue("kenitra");

      // a refused form says why and keeps what was typed
      await page.locator("#f-firstName").fill("");
      await page.locator("#f-lastName").fill("Keïta Diarra");
      await page.getByRole("button", { name: m["protection.correct.save"] }).click();
      await expect(page.locator(".error-summary")).toContainText(m["protection.errors.firstName"]);
      await expect(page.locator("#f-lastName")).toHaveValue("Keïta Diarra");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`identity-refused-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.locator("#f-firstName").fill(firstName);
      await page.locator("#f-phone").fill("06 55 44 33 22");
      await page.locator("#f-city").selectOption("sale");
      await page.locator("#f-sex").selectOption("other");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`identity-form-${lang}.png`), fullPage: true });
      await page.getByRole("button", { name: m["protection.correct.save"] }).click();

      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}#identity$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`${firstName} Keïta Diarra`);
      const identity = page.locator("#identity");
      await expect(identity).toContainText("+212655443322");
      // the town in the reader\'s language
      await expect(identity).toContainText(lang === "ar" ? "سلا" : "Salé");
      await expect(identity).toContainText(m["protection.sex.other"]);
      await expect(identity).not.toContainText("+212611223344");
      await identity.screenshot({ ...SHOT, path: testInfo.outputPath(`identity-corrected-${lang}.png`) });
      await fitsThePhone(page);
    },
  );
}
