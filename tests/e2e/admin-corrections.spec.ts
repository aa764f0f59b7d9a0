/**
 * The admin corrects an aid item and a budget entry (issue 15), on a phone, in French and
 * Arabic: each opened by its "correct" link, refused with the error summary and what was
 * typed kept, then saved, the page saying so.
 */
import { expect } from "@playwright/test";
import { createDb } from "../../db/client";
import { budgetEntries } from "../../db/schema";
import { findOrMakeItem } from "../factories/protection";
import { e2eDatabaseUrl, fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

async function freshRecords(suffix: string) {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const item = await findOrMakeItem(handle.db, "blanket", `Plaid polaire ${suffix}`, null, {
      nameAr: `غطاء صوفي ${suffix}`,
      nameEn: "",
    });
    const [entry] = await handle.db
      .insert(budgetEntries)
      .values({
        lineKey: "staff_operations",
        kind: "spending",
        amountMadCentimes: 90_000,
        occurredOn: "2026-04-02",
        reference: `Loyer avril ${suffix}`,
      })
      .returning();
    return { item, entry: entry! };
  } finally {
    await handle.close();
  }
}

for (const [lang, m] of FR_AND_AR) {
  test(`the admin corrects an aid item and a budget entry (${lang})`, journey(lang), async ({ page }, testInfo) => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const { item, entry } = await freshRecords(suffix);
    await login(page, "admin@masar.test");
    await switchLanguage(page, lang);

    await page.goto("/admin/aid-items");
    await page
      .getByRole("link", { name: `${m["aid.items.correct"]} · ${lang === "ar" ? item.nameAr : item.nameFr}` })
      .click();
    await page.getByLabel(m["aid.items.nameEn"]).fill("Fleece blanket");
    await page.getByLabel(m["aid.items.kind"]).selectOption("voucher");
    await page.getByRole("button", { name: m["aid.items.save"] }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page.getByLabel(m["aid.items.nameEn"])).toHaveValue("Fleece blanket");
    await fitsThePhone(page);
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`aid-item-refused-${lang}.png`), fullPage: true });
    await page.getByLabel(m["aid.items.kind"]).selectOption("blanket");
    await page.getByRole("button", { name: m["aid.items.save"] }).click();
    await expect(page.getByText(m["aid.items.corrected"])).toBeVisible();
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`aid-item-corrected-${lang}.png`), fullPage: true });

    await page.goto("/admin/budget");
    await page.getByRole("link", { name: `${m["reporting.budget.correct"]} · ${entry.reference}` }).click();
    const form = page.locator("form", { has: page.locator('input[name="intent"][value="correctEntry"]') });
    await form.getByLabel(m["reporting.budget.amount"]).fill("0");
    await form.getByLabel(m["reporting.budget.reference"]).fill(`${entry.reference} (corrigé)`);
    await form.getByRole("button", { name: m["reporting.budget.saveCorrection"] }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(form.getByLabel(m["reporting.budget.reference"])).toHaveValue(`${entry.reference} (corrigé)`);
    await fitsThePhone(page);
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`budget-entry-refused-${lang}.png`), fullPage: true });
    await form.getByLabel(m["reporting.budget.amount"]).fill("950");
    await form.getByRole("button", { name: m["reporting.budget.saveCorrection"] }).click();
    await expect(page.getByText(m["reporting.budget.corrected"])).toBeVisible();
  });
}
