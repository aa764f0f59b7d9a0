/**
 * Employment after a training (issue 16), on a phone, with and without JavaScript, in
 * French and Arabic: the coach's home puts a person trained 100 days ago first with
 * "employment check due"; on the file, the check sent without a status is refused with the
 * error summary; recorded, it shows as done and the badge goes; the coach corrects it from
 * the link on the check.
 * The coach, the person and her certificate are written straight into the database
 * (`inDatabase`): a cohort that ended 100 days ago is not something a page can make today.
 */
import { expect } from "@playwright/test";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { makeCertificate } from "../factories/trainings";
import { fitsThePhone, FR_AND_AR, journey, login, newCoachFollowing, switchLanguage, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a coach records the 3-month employment check after a training (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      const { coach, person } = await newCoachFollowing("Aminata Formée", (db, personId) =>
        makeCertificate(db, personId, addDays(moroccoToday(), -100)),
      );
      await login(page, coach.email!);
      await switchLanguage(page, lang);

      await page.goto("/home");
      const row = page.locator(`[data-beneficiary="${person.id}"]`);
      await expect(row.locator('[data-employment-check="true"]')).toHaveText(m["coaching.employmentCheck.badge"]);
      await row.getByRole("link", { name: person.displayName }).click();

      const section = page.getByTestId("employment-checks");
      await expect(section.locator('[data-state="due"]')).toHaveCount(1);
      // the status has no default: sent without one, it is refused
      await section.getByRole("button", { name: m["coaching.employmentCheck.submit"] }).click();
      await expect(page.locator("#f-employmentStatus-error")).toBeVisible();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`employment-refused-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.getByLabel(m["coaching.employmentCheck.status"]).selectOption("self_employed");
      await page.getByRole("button", { name: m["coaching.employmentCheck.submit"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["coaching.employmentCheck.saved"]);
      await expect(page.getByTestId("employment-checks").locator('[data-state="recorded"]')).toHaveCount(1);
      await page
        .getByTestId("employment-checks")
        .screenshot({ ...SHOT, path: testInfo.outputPath(`employment-recorded-${lang}.png`) });
      await fitsThePhone(page);

      // the coach who recorded it corrects it from the link on the check (decision: correcting an employment check)
      await page
        .getByTestId("employment-checks")
        .getByRole("link", { name: m["coaching.employmentCheck.correct"] })
        .click();
      const fix = page.locator("#employment-check-form");
      await expect(fix.getByLabel(m["coaching.employmentCheck.status"])).toHaveValue("self_employed");
      await fix.screenshot({ ...SHOT, path: testInfo.outputPath(`employment-correcting-${lang}.png`) });
      await fix.getByLabel(m["coaching.employmentCheck.status"]).selectOption("seeking");
      await fix.getByRole("button", { name: m["coaching.employmentCheck.correctSubmit"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["coaching.employmentCheck.corrected"]);
      await expect(page.getByTestId("employment-checks")).toContainText(m["coaching.employmentCheck.option.seeking"]);
      await page
        .getByTestId("employment-checks")
        .screenshot({ ...SHOT, path: testInfo.outputPath(`employment-corrected-${lang}.png`) });
      await fitsThePhone(page);

      await page.goto("/home");
      await expect(page.locator(`[data-beneficiary="${person.id}"] [data-employment-check="true"]`)).toHaveCount(0);
    },
  );
}
