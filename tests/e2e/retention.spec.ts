/**
 * Issue 13: anonymising every expired case file goes through a confirmation step, on a
 * phone, in French and Arabic; the period's form sums up its errors and keeps what was
 * typed. The retention period is one setting for the whole portal and applying it
 * anonymises every expired file: two runs at once would anonymise each other's file, so
 * only the project without JavaScript runs this spec (playwright.config.ts).
 */
import { eq } from "drizzle-orm";
import { expect } from "@playwright/test";
import { beneficiaryCases } from "../../db/schema";
import { ar } from "../../app/i18n/locales/ar/index";
import { fr } from "../../app/i18n/locales/fr/index";
import { openCase } from "../../app/modules/protection/identity.server";
import { makeOrganisation, makeUser } from "../factories";
import { makeCase } from "../factories/protection";
import { translate } from "../../app/i18n/translate";
import { fitsThePhone, inDatabase, login, switchLanguage, SHOT, test } from "./fixtures";

for (const [lang, m] of [
  ["fr", fr],
  ["ar", ar],
] as const) {
  test(`an admin anonymises the expired case files only after confirming (${lang})`, async ({ page }, testInfo) => {
    const firstName = `Ancien${Math.random().toString(36).slice(2, 7)}`;
    // a file untouched since 1990: only a case older than any seeded one expires under 10,000 days
    const caseId = await inDatabase(async (db) => {
      const org = await makeOrganisation(db);
      const worker = await makeUser(db, { role: "case_worker", organisationId: org.id });
      const c = await makeCase(db, { organisationId: org.id, createdById: worker.id, firstName });
      await db
        .update(beneficiaryCases)
        .set({ updatedAt: new Date("1990-01-01") })
        .where(eq(beneficiaryCases.id, c.id));
      return c.id;
    });
    const nameNow = () =>
      inDatabase(
        async (db) =>
          openCase((await db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId)))[0]!).firstName,
      );
    await login(page, "admin@masar.test");
    await switchLanguage(page, lang);
    await page.goto("/admin/protection");
    await page.getByLabel(m["protection.admin.retentionDays"]).fill("12");
    await page.getByRole("button", { name: m["protection.admin.save"] }).click();
    // a refused period: summarised, linked to its field, what was typed kept
    const summary = page.getByTestId("error-summary");
    await expect(summary.locator('a[href="#f-retentionDays"]')).toContainText(m["protection.admin.retentionInvalid"]);
    await expect(page.getByLabel(m["protection.admin.retentionDays"])).toHaveValue("12");
    await page.getByLabel(m["protection.admin.retentionDays"]).fill("10000");
    await page.getByRole("button", { name: m["protection.admin.save"] }).click();
    await expect(page.getByLabel(m["protection.admin.retentionDays"])).toHaveValue("10000");

    await page.getByRole("link", { name: m["protection.admin.apply"] }).click();
    const step = page.getByTestId("confirm-step");
    // the step says how many files: this one only (no seeded file is that old, and the other
    // language's run anonymised its own), worded as Arabic says one file, without a digit
    await expect(step.getByRole("heading", { level: 1 })).toHaveText(
      translate(m, lang, "protection.admin.confirmApply.title", { count: 1 }),
    );
    await expect(step).toContainText(m["confirm.cannotUndo"]);
    await fitsThePhone(page);
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`apply-retention-${lang}.png`), fullPage: true });
    await step.getByRole("link", { name: m["confirm.cancel"] }).click();
    await expect(page).toHaveURL(/\/admin\/protection$/);
    expect(await nameNow()).toBe(firstName);

    await page.getByRole("link", { name: m["protection.admin.apply"] }).click();
    await page.getByRole("button", { name: m["protection.admin.apply"] }).click();
    await expect(page.getByTestId("anonymised")).toBeVisible();
    expect(await nameNow()).toBe("—");
  });
}
