import { expect } from "@playwright/test";
import { login, switchLanguage, SHOT, test } from "./fixtures";

/**
 * The donor on a phone, with and without JavaScript (each project of the config):
 * signs in, filters a quarter, switches to Arabic, takes the CSV and the PDF away.
 */
test("the donor reads the results of a quarter, in Arabic, and downloads the CSV and the PDF", async ({
  page,
}, testInfo) => {
  await login(page, "donor@masar.test");
  await page.goto("/reports");
  await expect(page.locator("h1")).toHaveText("Résultats du programme");
  // fixed periods only: quarters, years and months, no dates of one's own, no association
  await expect(page.locator('input[name="from"]')).toHaveCount(0);
  await expect(page.locator('select[name="organisationId"]')).toHaveCount(0);
  const quarter = await page
    .locator('select[name="period"] optgroup')
    .first()
    .locator("option")
    .nth(1)
    .getAttribute("value");
  expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
  await page.locator('select[name="period"]').selectOption(quarter!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${quarter}`));
  await expect(page.locator("svg.chart-svg").first()).toBeVisible();
  await expect(page.locator('table[data-table="reach"]')).toBeVisible();
  await expect(page.getByText("Un «\u00a0x\u00a0» ne dit pas lequel des deux.")).toBeVisible();
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("donor-quarter-fr.png"), fullPage: true });

  // a month: the people reached per result, the breakdowns being the quarter's and the year's
  const month = await page
    .locator('select[name="period"] optgroup')
    .nth(2)
    .locator("option")
    .first()
    .getAttribute("value");
  await page.locator('select[name="period"]').selectOption(month!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.locator('table[data-table="reach-sex"]')).toHaveCount(0);
  await expect(page.getByText("Pour un mois, les bailleurs voient")).toBeVisible();
  await page.locator('select[name="period"]').selectOption(quarter!);
  await page.getByRole("button", { name: "Afficher" }).click();

  await switchLanguage(page, "ar");
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("donor-quarter-ar.png"), fullPage: true });
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("h1")).toHaveText("نتائج البرنامج");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('a[href*="/reports/export.csv?table=reach&"]').first().click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvText = await (
    await csv.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csvText.split("\r\n")[1]).toContain("#reached +num");

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('a[href^="/reports/quarterly.pdf"]').click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfBytes = await (await pdf.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
});
