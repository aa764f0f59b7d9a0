/**
 * A funded business visited after launch (issue 16), on a phone, with and without
 * JavaScript, in French and Arabic: the coach's home puts the person first with "business
 * visit due"; on the file, a visit missing its answer comes back with the error summary and
 * what was typed; recorded, it shows as done and the badge goes.
 * The coach, the person and the paid grant are written straight into the database
 * (`inDatabase`): paying tranches 100 days ago is not something a page can do today.
 */
import { expect } from "@playwright/test";
import { makeFundedBusiness } from "../factories/grants";
import { fitsThePhone, FR_AND_AR, journey, login, newCoachFollowing, switchLanguage, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a coach records the 3-month visit of a funded business (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      const { coach, person } = await newCoachFollowing("Fatou Atelier", (db, personId) =>
        makeFundedBusiness(db, personId, 100),
      );
      await login(page, coach.email!);
      await switchLanguage(page, lang);

      await page.goto("/home");
      const row = page.locator(`[data-beneficiary="${person.id}"]`);
      await expect(row.locator('[data-business-visit="true"]')).toHaveText(m["businesses.dueBadge"]);
      await row.getByRole("link", { name: person.displayName }).click();

      const section = page.getByTestId("business-follow-up");
      await expect(section.locator('[data-state="due"]')).toHaveCount(1);
      await section.getByLabel(m["businesses.field.revenueBand"]).selectOption("under_2000");
      await section.getByLabel(m["businesses.field.jobsCreated"]).fill("2");
      await section.getByLabel(m["businesses.field.jobsWomen"]).fill("1");
      // "still running?" has no default: left unanswered, it is refused and the rest kept
      await section.getByRole("button", { name: m["businesses.submit"] }).click();
      await expect(page.locator("#f-stillRunning-error")).toHaveText(m["businesses.errors.choice"]);
      await expect(page.getByLabel(m["businesses.field.jobsCreated"])).toHaveValue("2");
      await expect(page.getByLabel(m["businesses.field.revenueBand"])).toHaveValue("under_2000");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`follow-up-refused-${lang}.png`), fullPage: true });
      await page
        .getByTestId("business-follow-up")
        .screenshot({ ...SHOT, path: testInfo.outputPath(`follow-up-section-${lang}.png`) });
      await fitsThePhone(page);

      await page.getByLabel(m["businesses.field.stillRunning"]).selectOption("yes");
      await page.getByRole("button", { name: m["businesses.submit"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["businesses.saved"]);
      await expect(page.getByTestId("business-follow-up").locator('[data-state="recorded"]')).toHaveCount(1);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`follow-up-recorded-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.goto("/home");
      await expect(page.locator(`[data-beneficiary="${person.id}"] [data-business-visit="true"]`)).toHaveCount(0);
    },
  );
}
