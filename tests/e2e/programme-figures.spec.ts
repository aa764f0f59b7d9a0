import { expect } from "@playwright/test";
import { FR_AND_AR, fitsThePhone, login, switchLanguage, SHOT, test } from "./fixtures";

/**
 * The donor on a phone, with and without JavaScript: the year's people reached from
 * every source, group sessions and funded businesses' visits (issue 16), in French and in
 * Arabic, within the phone's width.
 */
test("the donor reads group sessions, households and funded businesses for the year", async ({ page }, testInfo) => {
  await login(page, "donor@masar.test");
  const year = new Date().getUTCFullYear();
  for (const [lng, dict] of FR_AND_AR) {
    await switchLanguage(page, lng);
    await page.goto(`/reports?period=${year}`);
    for (const id of ["people-reached", "group-activities", "business-outcomes"]) {
      await expect(page.locator(`table[data-table="${id}"]`)).toBeVisible();
    }
    await expect(page.locator('table[data-table="business-outcomes"]')).toContainText(
      dict["businesses.report.milestone.12"],
    );
    await expect(page.locator('table[data-table="people-reached"]')).toContainText(
      dict["groups.report.line.householdMembers"],
    );
    await fitsThePhone(page);
    await page.locator('table[data-table="people-reached"]').scrollIntoViewIfNeeded();
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`donor-people-${lng}.png`) });
    await page.locator('table[data-table="business-outcomes"]').scrollIntoViewIfNeeded();
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`donor-businesses-${lng}.png`) });
  }
});
