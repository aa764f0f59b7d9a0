/**
 * A grant application made at the office for a person (issue 15), on a phone, with and
 * without JavaScript, in French and Arabic: a case worker registers a person, sees that a
 * plan is missing, applies for them (the agreement box first refused), and the person,
 * once signed in with the slip, sees on their home what was done for them and by whom.
 */
import { expect } from "@playwright/test";
import { completePlanContent, makePlan } from "../factories/business-plans";
import { makeCall } from "../factories/grants";
import { readPdfText } from "../helpers/pdf";
import {
  fitsThePhone,
  FR_AND_AR,
  inDatabase,
  login,
  logout,
  switchLanguage,
  journey,
  SHOT,
  distinctName,
  SLIP_CODE,
  SLIP_ID,
  test,
} from "./fixtures";

/**
 * The two writes that do not go through the pages (`inDatabase`): an open call for this
 * run, and the person's business plan, which only the person writes on their own account
 * (staff cannot, and the page says so: docs/decisions/0113-grant-application-for-a-person.md).
 */

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker applies for a grant for a person, with their agreement; the person sees it (${lang})`,
    journey(lang),
    async ({ page, baseURL }, testInfo) => {
      test.setTimeout(120_000);
      const tag = Math.random().toString(36).slice(2, 8);
      const callTitle = lang === "ar" ? `نداء الحي ${tag}` : `Appel du quartier ${tag}`;
      await inDatabase((db) => makeCall(db, { titleFr: callTitle, titleAr: callTitle, titleEn: callTitle }));

      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/office/register");
      await page.getByLabel(m["profiles.field.givenName"]).fill(distinctName("Gra"));
      await page.getByLabel(m["profiles.field.familyName"]).fill("Camara");
      await page.getByLabel(m["office.field.locale"]).selectOption(lang);
      await page.getByLabel(m["office.field.noticeLanguage"]).selectOption("bm");
      await page.getByLabel(m["office.field.noticeRead"]).check();
      await page.getByRole("button", { name: m["office.register.submit"] }).click();
      await expect(page).toHaveURL(/\/office\/people\/[0-9a-f-]+\?registered=1$/);
      const personUrl = new URL(page.url()).pathname;
      const personId = personUrl.split("/").pop()!;

      // no plan yet: the page says what is missing, honestly
      await expect(page.getByTestId("grant-no-plan")).toHaveText(m["office.grant.noPlan"]);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`no-plan-${lang}.png`), fullPage: true });

      // the person wrote their plan on their own account
      await inDatabase((db) => makePlan(db, personId, completePlanContent(`Atelier ${tag}`)));
      await page.goto(personUrl);
      await page.getByLabel(m["office.grant.call"]).selectOption({ label: callTitle });
      await page.getByRole("button", { name: m["office.grant.submit"] }).click();
      await expect(page.locator("#f-agreed-error")).toHaveText(m["office.errors.agreement"]);
      // the form kept the call chosen
      await expect(page.locator("#f-grant-callId option:checked")).toHaveText(callTitle);
      await page.locator('form:has(input[value="grant"]) input[name="agreed"]').check();
      await page.getByRole("button", { name: m["office.grant.submit"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["office.done.applied"]);
      await expect(page.getByTestId("acts")).toContainText(callTitle);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`applied-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // a slip, so that the person can sign in and see it
      const response = await page.request.post(`${personUrl}/slip.pdf`, {
        form: { locale: lang },
        headers: { Origin: baseURL! },
      });
      const text = readPdfText(await response.body());
      const identifier = text.match(SLIP_ID)![0];
      const digits = text.match(SLIP_CODE)!;
      await logout(page);
      await page.goto("/set-password");
      await page.locator('input[name="identifier"]').fill(identifier);
      await page.locator('input[name="code"]').fill(`${digits[1]}${digits[2]}`);
      await page.locator('input[name="password"]').fill("mon-projet-a-moi");
      await page.locator('input[name="passwordConfirm"]').fill("mon-projet-a-moi");
      await page.locator("form.stack button[type=submit]").click();
      await expect(page).toHaveURL(/\/home$/);
      const done = page.getByTestId("done-for-me");
      await expect(done).toContainText(callTitle);
      await expect(done).toContainText("Youssef El Idrissi");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`home-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
    },
  );
}
