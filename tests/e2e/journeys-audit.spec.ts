/**
 * Issue 13, re-audited: what the first audit left as one tap, and what an applicant did
 * not see. On a phone, with and without JavaScript, in French and Arabic: a training
 * page lists each session's day, time and place, says what happens after registering,
 * and home shows the next sessions; giving up a seat, deleting a plan's file and
 * anonymising every expired case file each go through a confirmation step that the first
 * tap only opens and that "cancel" leaves untouched (anonymising: retention.spec.ts).
 */
import { eq } from "drizzle-orm";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { planAttachments } from "../../db/schema";
import { ar } from "../../app/i18n/locales/ar/index";
import { fr } from "../../app/i18n/locales/fr/index";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { makeUser } from "../factories";
import { completePlanContent, makePlan } from "../factories/business-plans";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { fitsThePhone, inDatabase, login, switchLanguage, journey, SHOT, test } from "./fixtures";

/** The step opened by the first tap: on a phone's width, naming `what`; a screenshot to look at. */
async function expectStep(page: Page, testInfo: TestInfo, what: string | RegExp, shot: string) {
  const step = page.getByTestId("confirm-step");
  await expect(step).toBeVisible();
  await expect(step.getByRole("heading", { level: 1 })).toContainText(what);
  await fitsThePhone(page);
  await page.screenshot({ ...SHOT, path: testInfo.outputPath(shot), fullPage: true });
  return step;
}

for (const [lang, m] of [
  ["fr", fr],
  ["ar", ar],
] as const) {
  test(
    `an applicant sees the sessions, registers, finds them at home, and gives up her seat only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const title = `Savoir-être ${Math.random().toString(36).slice(2, 7)}`;
      // a training with sessions to come, written by an admin's form elsewhere (trainings.spec covers it)
      const { applicant, trainingId } = await inDatabase(async (db) => {
        const user = await makeUser(db, {});
        const training = await makeTraining(db, { titleFr: title, titleAr: title, audience: "both" });
        const start = addDays(moroccoToday(), 4);
        const cohort = await makeCohort(db, training.id, { startsOn: start, endsOn: addDays(start, 6) });
        await makeSessions(db, cohort.id, 2, start);
        await makeCohort(db, training.id, {
          startsOn: addDays(moroccoToday(), -30),
          endsOn: addDays(moroccoToday(), -2),
        });
        return { applicant: user, trainingId: training.id };
      });
      await login(page, applicant.email!);
      await switchLanguage(page, lang);
      await page.goto(`/trainings/${trainingId}`);
      await expect(page.locator("[data-sessions] li")).toHaveCount(2);
      await expect(page.locator("[data-sessions] li").first()).toContainText("09:00");
      await expect(page.locator("[data-sessions] li").first()).toContainText("Rabat, salle 2");
      await expect(page.locator("[data-registration-closed]")).toHaveText(m["trainings.cohortEnded"]);
      await page.getByRole("button", { name: m["trainings.register"], exact: true }).click();
      await expect(page.getByTestId("registered")).toContainText(m["trainings.registered.confirmed.title"]);
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`registered-${lang}.png`), fullPage: true });

      await page.goto("/home");
      const next = page.locator("[data-next-sessions]");
      await expect(next).toContainText(m["coaching.home.nextSessions"]);
      await expect(next.locator("li")).toHaveCount(2);
      await expect(next.locator("li").first()).toContainText(title);
      await expect(next.locator("li").first()).toContainText("09:00");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`home-sessions-${lang}.png`), fullPage: true });

      await page.goto(`/trainings/${trainingId}`);
      await page.getByRole("link", { name: m["trainings.cancel"] }).click();
      const step = await expectStep(page, testInfo, /./, `cancel-seat-${lang}.png`);
      await expect(step).toContainText(m["trainings.confirmCancel.confirmedEffects"]);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page.locator('[data-registration="confirmed"]')).toBeVisible();

      await page.getByRole("link", { name: m["trainings.cancel"] }).click();
      await page.getByRole("button", { name: m["trainings.confirmCancel.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`/trainings/${trainingId}$`));
      await expect(page.locator("[data-registration]")).toHaveCount(0);
      await expect(page.getByRole("button", { name: m["trainings.register"], exact: true })).toBeVisible();
    },
  );

  test(
    `an applicant deletes a file of her plan only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const filename = `devis-${Math.random().toString(36).slice(2, 7)}.pdf`;
      // a file already uploaded (business-plans.spec uploads through the page)
      const { applicant, planId, attachmentId } = await inDatabase(async (db) => {
        const user = await makeUser(db, {});
        const plan = await makePlan(db, user.id, completePlanContent("Atelier Sahel"));
        const [file] = await db
          .insert(planAttachments)
          .values({
            planId: plan.id,
            uploadedById: user.id,
            filename,
            contentType: "application/pdf",
            byteSize: 9,
            content: Buffer.from("%PDF-1.4\n"),
          })
          .returning();
        return { applicant: user, planId: plan.id, attachmentId: file!.id };
      });
      const stillThere = () =>
        inDatabase(
          async (db) => (await db.select().from(planAttachments).where(eq(planAttachments.id, attachmentId))).length,
        );
      await login(page, applicant.email!);
      await switchLanguage(page, lang);
      await page.goto(`/plans/${planId}`);
      await page.getByRole("link", { name: `${m["plans.attachments.delete"]} ${filename}` }).click();
      const step = await expectStep(page, testInfo, filename, `delete-file-${lang}.png`);
      expect(await stillThere()).toBe(1);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`));
      await expect(page.getByRole("link", { name: filename, exact: true })).toBeVisible();

      await page.getByRole("link", { name: `${m["plans.attachments.delete"]} ${filename}` }).click();
      await page.getByRole("button", { name: m["plans.attachments.confirmDelete.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?deleted$`));
      await expect(page.getByText(m["plans.attachments.deleted"])).toBeVisible();
      expect(await stillThere()).toBe(0);
    },
  );
}

for (const [lang, m] of [
  ["fr", fr],
  ["ar", ar],
] as const) {
  test(
    `a case worker opens the consent notice from the registration form, in the person's language (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/protection/cases/new");
      const links = page.getByTestId("consent-notice-links");
      await expect(links).toContainText(m["protection.notice.open"]);
      // each language opens beside the form, which keeps what was typed
      for (const name of ["Français", "العربية", "English"]) {
        await expect(links.getByRole("link", { name, exact: true })).toHaveAttribute("target", "_blank");
      }
      const href = await links
        .getByRole("link", { name: lang === "ar" ? "العربية" : "Français", exact: true })
        .getAttribute("href");
      await page.goto(href!);
      const notice = page.getByTestId("consent-notice");
      await expect(notice).toHaveAttribute("lang", lang);
      await expect(notice).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
      await expect(notice.getByRole("heading", { level: 1 })).toHaveText(m["protection.notice.title"]);
      await expect(notice).toContainText(m["protection.notice.rights"]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`consent-notice-${lang}.png`), fullPage: true });
      // printed, only the notice: the portal's header and footer stay off the paper
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".site-header")).toBeHidden();
      await expect(page.locator(".site-footer")).toBeHidden();
      await expect(notice).toBeVisible();
    },
  );
}
