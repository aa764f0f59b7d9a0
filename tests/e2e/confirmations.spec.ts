/**
 * Harmful actions go through a confirmation step (issue 13), on a phone, with and
 * without JavaScript, in French and Arabic: withdrawing a grant application, revoking a
 * certificate, deactivating an account. The first tap only opens the step, which names
 * who is concerned; "cancel" leaves everything as it was; the step's button does it.
 */
import { expect, type Page, type TestInfo } from "@playwright/test";
import { createDb } from "../../db/client";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { markAttendance, register } from "../../app/modules/trainings/service.server";
import { makeUser } from "../factories";
import { completePlanContent, makePlan } from "../factories/business-plans";
import { makeCall } from "../factories/grants";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { e2eDatabaseUrl, fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

async function withDb<T>(work: (db: ReturnType<typeof createDb>["db"]) => Promise<T>): Promise<T> {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

/** The step opened by the first tap: on a phone's width, naming `who`; a screenshot to look at. */
async function expectStep(page: Page, testInfo: TestInfo, who: string, shot: string) {
  const step = page.getByTestId("confirm-step");
  await expect(step).toBeVisible();
  await expect(step.getByRole("heading", { level: 1 })).toContainText(who);
  await fitsThePhone(page);
  await page.screenshot({ ...SHOT, path: testInfo.outputPath(shot), fullPage: true });
  return step;
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `an applicant withdraws a grant application only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const title = `Appel retrait ${Math.random().toString(36).slice(2, 7)}`;
      const applicant = await withDb(async (db) => {
        const user = await makeUser(db, {});
        await makePlan(db, user.id, completePlanContent("Épicerie Baobab"));
        await makeCall(db, { titleFr: title, titleAr: title, titleEn: title });
        return user;
      });
      await login(page, applicant.email!);
      await switchLanguage(page, lang);
      await page.goto("/grants");
      await page.locator("li", { hasText: title }).getByRole("button", { name: m["grants.apply.continue"] }).click();
      // "check your answers": nothing is sent yet
      await expect(page.getByTestId("confirm-step")).toContainText(title);
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`check-answers-${lang}.png`), fullPage: true });
      await page.getByRole("button", { name: m["grants.check.send"] }).click();
      await expect(page).toHaveURL(/\/grants\/applications\/[0-9a-f-]{36}\?sent=1$/);
      await expect(page.getByTestId("sent")).toContainText(m["grants.sent.title"]);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`sent-${lang}.png`), fullPage: true });
      const appUrl = new URL(page.url()).pathname;

      await page.getByRole("link", { name: m["grants.apply.withdraw"] }).click();
      const step = await expectStep(page, testInfo, title, `withdraw-step-${lang}.png`);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page).toHaveURL(new RegExp(`${appUrl}$`));
      await expect(page.getByTestId("application-status")).toHaveText(m["grants.app.status.submitted"]);

      await page.getByRole("link", { name: m["grants.apply.withdraw"] }).click();
      await page.getByRole("button", { name: m["grants.confirm.withdraw.button"] }).click();
      await expect(page.getByTestId("withdrawn")).toContainText(m["grants.withdrawn.done"]);
      await expect(page.getByTestId("application-status")).toHaveText(m["grants.app.status.withdrawn"]);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`withdrawn-${lang}.png`), fullPage: true });
    },
  );

  test(`an admin revokes a certificate only after confirming (${lang})`, journey(lang), async ({ page }, testInfo) => {
    const { cohortId, holderName } = await withDb(async (db) => {
      const admin = await makeUser(db, { role: "admin" });
      const holder = await makeUser(db, {});
      const training = await makeTraining(db, { minAttendancePercent: 50 });
      const start = addDays(moroccoToday(), -10);
      const cohort = await makeCohort(db, training.id, { startsOn: start, endsOn: addDays(start, 5) });
      const [session] = await makeSessions(db, cohort.id, 1, start);
      await register(db, { id: holder.id, role: "applicant", organisationId: null }, cohort.id, {});
      const marks = new Map([[holder.id, "present" as const]]);
      await markAttendance(db, { id: admin.id, role: "admin", organisationId: null }, session!.id, marks, {});
      return { cohortId: cohort.id, holderName: holder.displayName };
    });
    await login(page, "admin@masar.test");
    await switchLanguage(page, lang);
    await page.goto(`/trainings/cohorts/${cohortId}`);
    await page.getByRole("link", { name: m["trainings.revokeCertificate"] }).click();
    const step = await expectStep(page, testInfo, holderName, `revoke-step-${lang}.png`);
    await step.getByRole("link", { name: m["confirm.cancel"] }).click();
    await expect(page.getByRole("link", { name: m["trainings.certificate"] })).toBeVisible();

    await page.getByRole("link", { name: m["trainings.revokeCertificate"] }).click();
    await page.getByRole("button", { name: m["trainings.confirm.revoke.button"] }).click();
    await expect(page).toHaveURL(new RegExp(`/trainings/cohorts/${cohortId}$`));
    await expect(page.getByRole("link", { name: m["trainings.certificate"] })).toHaveCount(0);
  });

  test(`an admin deactivates an account only after confirming (${lang})`, journey(lang), async ({ page }, testInfo) => {
    const target = await withDb((db) => makeUser(db, { role: "coach" }));
    await login(page, "admin@masar.test");
    await switchLanguage(page, lang);
    await page.goto(`/admin/users/${target.id}`);
    await page.getByRole("link", { name: m["admin.users.deactivate"] }).click();
    const step = await expectStep(page, testInfo, target.displayName, `deactivate-step-${lang}.png`);
    await step.getByRole("link", { name: m["confirm.cancel"] }).click();
    await expect(page.locator("dl")).toContainText(m["admin.users.active"]);

    await page.getByRole("link", { name: m["admin.users.deactivate"] }).click();
    await page.getByRole("button", { name: m["admin.users.deactivate"] }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/users/${target.id}$`));
    await expect(page.locator("dl")).toContainText(m["admin.users.inactive"]);
    await expect(page.getByRole("button", { name: m["admin.users.reactivate"] })).toBeVisible();
  });
}
