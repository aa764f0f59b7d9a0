/**
 * Safe and forgiving journeys (issue 13), on a phone, with and without JavaScript, in
 * French and Arabic: a refused form comes back with what was typed and an error summary
 * linking to each field (focused when JavaScript runs); withdrawing consent goes through
 * a confirmation step that the first tap only opens, and that "cancel" leaves untouched.
 */
import { expect } from "@playwright/test";
import { fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, distinctName, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `registration errors are summed up and typed values kept; consent is withdrawn only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const noJs = testInfo.project.name.includes("no-js");
      const firstName = distinctName("Safe");
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/protection/cases/new");
      // no choice is made for the person
      await expect(page.getByLabel(m["protection.field.sex"], { exact: true })).toHaveValue("");
      await page.getByLabel(m["protection.field.firstName"], { exact: true }).fill(firstName);
      await page.getByLabel(m["protection.field.nationality"], { exact: true }).selectOption("GN");
      await page.getByRole("button", { name: m["protection.cases.register"] }).click();

      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toContainText(m["errors.summary.title"]);
      await expect(summary.locator('a[href="#f-sex"]')).toContainText(m["protection.errors.sexRequired"]);
      await expect(summary.locator('a[href="#f-lastName"]')).toBeVisible();
      await expect(summary.locator('a[href="#f-householdSize"]')).toBeVisible();
      // every problem at once, also those checked across fields
      await expect(summary.locator('a[href="#f-dateOfBirth"]')).toBeVisible();
      await expect(summary.locator('a[href="#f-consentServices"]')).toBeVisible();
      if (!noJs) await expect(summary).toBeFocused();
      await expect(page.getByLabel(m["protection.field.firstName"], { exact: true })).toHaveValue(firstName);
      await expect(page.getByLabel(m["protection.field.nationality"], { exact: true })).toHaveValue("GN");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`error-summary-${lang}.png`) });

      await summary.locator('a[href="#f-sex"]').click();
      await expect(page).toHaveURL(/#f-sex$/);
      await page.getByLabel(m["protection.field.sex"], { exact: true }).selectOption("female");
      await page.getByLabel(m["protection.field.lastName"], { exact: true }).fill("Camara");
      await page.getByLabel(m["protection.field.estimatedAge"], { exact: true }).fill("29");
      await page.getByLabel(m["protection.field.householdSize"], { exact: true }).fill("3");
      await page.getByLabel(m["protection.consent.services"], { exact: true }).check();
      await page.getByRole("button", { name: m["protection.cases.register"] }).click();
      await expect(page).toHaveURL(/\/protection\/cases\/[0-9a-f-]{36}$/);
      const caseUrl = new URL(page.url()).pathname;

      // the first tap opens the step, which names the person; cancel changes nothing
      await page.getByRole("link", { name: m["protection.consent.withdraw"] }).click();
      const step = page.getByTestId("confirm-step");
      await expect(step).toBeVisible();
      await expect(step.getByRole("heading", { level: 1 })).toContainText(firstName);
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`confirm-withdraw-${lang}.png`), fullPage: true });
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page).toHaveURL(new RegExp(`${caseUrl}#consent$`));
      await expect(page.getByTestId("consent")).not.toContainText(m["protection.consent.withdrawn"]);

      await page.getByRole("link", { name: m["protection.consent.withdraw"] }).click();
      await page.getByRole("button", { name: m["protection.confirm.withdrawConsent.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
      await expect(page.getByTestId("consent")).toContainText(m["protection.consent.withdrawn"]);
    },
  );
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `a refused sign-up comes back with a summary of every problem and what was typed (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const noJs = testInfo.project.name.includes("no-js");
      await page.goto("/signup");
      await switchLanguage(page, lang);
      await page.getByLabel(m["signup.displayName"], { exact: true }).fill("Fatou Refusée");
      await page.getByLabel(m["signup.phone"], { exact: true }).fill("06 12");
      await page.getByLabel(m["signup.password"], { exact: true }).fill("un-mot-de-passe-long");
      await page.getByLabel(m["signup.passwordConfirm"], { exact: true }).fill("un-autre-mot-de-passe");
      await page.getByLabel(m["signup.acceptPrivacy"]).check();
      await page.getByRole("button", { name: m["signup.submit"] }).click();

      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary.locator('a[href="#f-phone"]')).toContainText(m["signup.phone"]);
      await expect(summary.locator('a[href="#f-passwordConfirm"]')).toBeVisible();
      if (!noJs) await expect(summary).toBeFocused();
      await expect(page.getByLabel(m["signup.displayName"], { exact: true })).toHaveValue("Fatou Refusée");
      await expect(page.getByLabel(m["signup.phone"], { exact: true })).toHaveValue("06 12");
      await expect(page.getByLabel(m["signup.acceptPrivacy"])).toBeChecked();
      // a password is never sent back by the server (with JavaScript, the page simply stays)
      if (noJs) await expect(page.getByLabel(m["signup.password"], { exact: true })).toHaveValue("");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`signup-refused-${lang}.png`), fullPage: true });
      await summary.locator('a[href="#f-phone"]').click();
      await expect(page).toHaveURL(/#f-phone$/);
    },
  );
}
