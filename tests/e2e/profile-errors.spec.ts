/**
 * No lost work on the applicant's profile (issue 13), on a phone: a refused submit comes
 * back with the GOV.UK error summary right under the title, each problem a link to its
 * field (an experience row's field named with its row), every value typed still there
 * (texts, choices, ticked boxes), and, with JavaScript, the focus on the summary. In
 * French with JavaScript and in Arabic without (journey()).
 */
import { expect } from "@playwright/test";
import { makeUser } from "../factories";
import { fitsThePhone, FR_AND_AR, inDatabase, journey, login, switchLanguage, SHOT, test } from "./fixtures";
import { translate } from "../../app/i18n/translate";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a refused profile is summed up with links, every typed value kept (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const noJs = testInfo.project.name.includes("no-js");
      const person = await inDatabase((db) => makeUser(db, {}));
      await login(page, person.email!);
      await switchLanguage(page, lang);
      await page.goto("/profile");
      const label = (key: keyof typeof m) => page.getByLabel(m[key], { exact: true });
      const row = (field: string) => page.locator(`[name="experience[0].${field}"]`);

      await label("profiles.field.givenName").fill("Aminata");
      await label("profiles.field.familyName").fill("Keïta");
      // a Latin name where the Arabic script is asked for, a child's birth date, years in words: three problems
      await label("profiles.field.givenNameAr").fill("Aminata");
      await label("profiles.field.sex").selectOption("female");
      await label("profiles.field.birthDate").fill("2020-01-01");
      await label("profiles.field.nationality").selectOption("ML");
      await page.locator('input[name="languagesSpoken"][value="fr"]').check();
      await label("profiles.field.city").selectOption("temara");
      await label("profiles.field.region").selectOption("rabat_sale_kenitra");
      await label("profiles.field.educationField").fill("Couture");
      await row("role").fill("Vendeuse");
      await row("years").fill("trois");
      await label("profiles.field.skills").fill("Coupe et couture");
      await page.locator('input[name="seeks"][value="training"]').check();
      await page.getByRole("button", { name: m["profiles.save"] }).click();

      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toContainText(m["errors.summary.title"]);
      const links = summary.getByRole("link");
      await expect(links).toHaveCount(3);
      await expect(links.nth(0)).toHaveAttribute("href", "#f-givenNameAr");
      await expect(links.nth(0)).toContainText(m["profiles.errors.arabicScript"]);
      await expect(links.nth(1)).toHaveAttribute("href", "#f-birthDate");
      await expect(links.nth(1)).toContainText(m["profiles.errors.birthDate"]);
      await expect(links.nth(2)).toHaveAttribute("href", "#f-experience[0].years");
      await expect(links.nth(2)).toContainText(translate(m, lang, "profiles.expRow", { n: 1 }));
      await expect(links.nth(2)).toContainText(m["profiles.errors.years"]);
      if (!noJs) await expect(summary).toBeFocused();

      // every value typed is still there
      await expect(label("profiles.field.givenName")).toHaveValue("Aminata");
      await expect(label("profiles.field.familyName")).toHaveValue("Keïta");
      await expect(label("profiles.field.givenNameAr")).toHaveValue("Aminata");
      await expect(label("profiles.field.sex")).toHaveValue("female");
      await expect(label("profiles.field.birthDate")).toHaveValue("2020-01-01");
      await expect(label("profiles.field.nationality")).toHaveValue("ML");
      await expect(page.locator('input[name="languagesSpoken"][value="fr"]')).toBeChecked();
      await expect(label("profiles.field.city")).toHaveValue("temara");
      await expect(label("profiles.field.region")).toHaveValue("rabat_sale_kenitra");
      await expect(label("profiles.field.educationField")).toHaveValue("Couture");
      await expect(row("role")).toHaveValue("Vendeuse");
      await expect(row("years")).toHaveValue("trois");
      await expect(label("profiles.field.skills")).toHaveValue("Coupe et couture");
      await expect(page.locator('input[name="seeks"][value="training"]')).toBeChecked();
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`profile-summary-${lang}.png`) });

      // a link takes the person to the field, even the third row's
      await links.nth(2).click();
      await expect(page).toHaveURL(/#f-experience\[0\]\.years$/);
      await expect(row("years")).toBeInViewport();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`profile-field-${lang}.png`) });

      // fixed, it saves
      await label("profiles.field.givenNameAr").fill("أميناتا");
      await label("profiles.field.birthDate").fill("1996-05-01");
      await row("years").fill("3");
      await page.getByRole("button", { name: m["profiles.save"] }).click();
      await expect(page).toHaveURL(/\/profile\?saved$/);
      await expect(page.getByTestId("error-summary")).toHaveCount(0);
    },
  );
}
