/**
 * Importing a case list (issue 16) on a phone, with and without JavaScript, in French and
 * Arabic: a case worker sends a CSV with one row missing the person's sex, reads the
 * preview (nothing written yet, the bad row named with its problem), confirms, reads how
 * many case files were opened, and sending the same file again changes nothing.
 */
import { expect, test } from "@playwright/test";
import { fitsThePhone, FR_AND_AR, login, switchLanguage } from "./fixtures";

/** Letters only: the name folding used for duplicates drops digits. */
function randomName(): string {
  const letters = "bcdfghjklmnprstvz";
  const vowels = "aeiou";
  let name = "";
  for (let i = 0; i < 4; i++)
    name += letters[Math.floor(Math.random() * letters.length)]! + vowels[Math.floor(Math.random() * vowels.length)]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

for (const [lang, m] of FR_AND_AR) {
  test(`a case worker previews a list, confirms it once and cannot import it twice (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const family = randomName();
    const csv = [
      "prenom;nom;sexe;age_estime;consentement_services",
      `${randomName()};${family};femme;31;oui`,
      `${randomName()};${family};homme;27;oui`,
      `${randomName()};${family};;40;oui`,
    ].join("\r\n");
    const file = { name: `liste-${family}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

    await login(page, "caseworker@masar.test");
    await switchLanguage(page, lang);
    await page.goto("/imports");
    await expect(page.locator("h1")).toHaveText(m["imports.title"]);
    await page.getByLabel(m["imports.field.kind"]).selectOption("cases");
    await page.locator("#import-file").setInputFiles(file);
    await page.getByRole("button", { name: m["imports.send"] }).click();

    // the preview: nothing written yet, the third data line (line 4 of the file) named with its problem
    await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByText(m["imports.preview.notYet"])).toBeVisible();
    const bad = page.getByTestId("import-rows").locator('tr[data-line="4"]');
    await expect(bad).toContainText(m["protection.field.sex"]);
    await expect(page.getByTestId("import-rows").locator("tbody tr")).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath(`preview-${lang}.png`), fullPage: true });
    await fitsThePhone(page);

    await page.getByRole("button", { name: m["imports.preview.confirm"] }).click();
    const done = page.locator("[data-import-confirmed]");
    await expect(done).toBeVisible();
    const confirmed = m["imports.confirmed"].replace("{n}", "2").replace("{rows}", "3").split("{date}");
    await expect(done).toContainText(confirmed[1]!.trim());
    await expect(page.getByRole("button", { name: m["imports.preview.confirm"] })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`confirmed-${lang}.png`), fullPage: true });
    await fitsThePhone(page);

    // the same file again: refused with a message, no second preview
    await page.goto("/imports");
    await page.locator("#import-file").setInputFiles(file);
    await page.getByRole("button", { name: m["imports.send"] }).click();
    await expect(page.getByText(m["imports.errors.sameFile"])).toBeVisible();
    await expect(page).toHaveURL(/\/imports(\?index)?$/);
    await page.screenshot({ path: testInfo.outputPath(`again-${lang}.png`), fullPage: true });
    await fitsThePhone(page);
  });
}
