/**
 * The register on a phone, with and without JavaScript, in French and Arabic (issue 13):
 * nobody is marked until the trainer marks them, one "Save" keeps the others unmarked
 * and says so, and a session still to come has no register yet.
 */
import { expect } from "@playwright/test";
import { createDb } from "../../db/client";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { register } from "../../app/modules/trainings/service.server";
import { makeUser } from "../factories";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { e2eDatabaseUrl, fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

/** A cohort of two with sessions three days ago, yesterday and tomorrow. */
async function cohortOfTwo() {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const db = handle.db;
    const training = await makeTraining(db, { minAttendancePercent: 50 });
    const start = addDays(moroccoToday(), -3);
    const cohort = await makeCohort(db, training.id, { startsOn: start, endsOn: addDays(start, 10) });
    const [past, , future] = await makeSessions(db, cohort.id, 3, start); // two days apart
    const people = [await makeUser(db, {}), await makeUser(db, {})];
    for (const u of people) await register(db, { id: u.id, role: "applicant", organisationId: null }, cohort.id, {});
    return { cohortId: cohort.id, past: past!.id, future: future!.id, people };
  } finally {
    await handle.close();
  }
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `the register starts with nobody marked and is not open before the session (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const c = await cohortOfTwo();
      await login(page, "coach@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/trainings/cohorts/${c.cohortId}`);
      // the session to come has no register link, the past one has
      await expect(page.locator(`a[href="/trainings/sessions/${c.future}"]`)).toHaveCount(0);
      await page.locator(`a[href="/trainings/sessions/${c.past}"]`).click();
      await expect(page.locator("fieldset.attendance-row")).toHaveCount(2);
      await expect(page.locator("fieldset.attendance-row input:checked")).toHaveCount(0);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`register-${lang}.png`), fullPage: true });
      await page.locator("fieldset.attendance-row").first().locator('input[value="present"]').check();
      await page.getByRole("button", { name: m["trainings.saveAttendance"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["trainings.attendanceSaved"]);
      await expect(page.getByTestId("unmarked")).toBeVisible();
      await expect(page.locator("fieldset.attendance-row input:checked")).toHaveCount(1);
      await fitsThePhone(page);

      await page.goto(`/trainings/sessions/${c.future}`);
      await expect(page.getByTestId("attendance-not-yet")).toBeVisible();
      await expect(page.locator("fieldset.attendance-row")).toHaveCount(0);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`register-not-yet-${lang}.png`), fullPage: true });
    },
  );
}
