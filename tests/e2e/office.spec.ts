/**
 * Acting for a person in the office (issue 15), on a phone, with and without JavaScript,
 * in French and Arabic: a case worker registers a person with no phone and no e-mail,
 * prints their slip, enrols them in a training; the person takes the account over with
 * the slip's identifier and code, and sees the training and who enrolled them.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect } from "@playwright/test";
import { readPdfText } from "../helpers/pdf";
import {
  fitsThePhone,
  FR_AND_AR,
  login,
  loginWithForm,
  logout,
  switchLanguage,
  journey,
  SHOT,
  distinctName,
  SLIP_CODE,
  SLIP_ID,
  test,
} from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker registers a person with no phone, prints the slip, enrols them; the person takes over (${lang})`,
    journey(lang),
    async ({ page, baseURL }, testInfo) => {
      test.setTimeout(120_000);
      const givenName = distinctName("Off");
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);

      // registration: the notice must be read first
      await page.goto("/office/register");
      await page.getByLabel(m["profiles.field.givenName"]).fill(givenName);
      await page.getByLabel(m["profiles.field.familyName"]).fill("Soumah");
      await page.getByLabel(m["office.field.residentStatus"], { exact: true }).selectOption("migrant");
      await page.getByLabel(m["office.field.locale"]).selectOption(lang);
      await page.getByLabel(m["office.field.noticeLanguage"]).selectOption("sus");
      await page.getByRole("button", { name: m["office.register.submit"] }).click();
      await expect(page.locator("#f-noticeRead-error")).toHaveText(m["office.errors.noticeRead"]);
      await page.getByLabel(m["office.field.noticeLanguage"]).selectOption("sus");
      await page.getByLabel(m["office.field.noticeRead"]).check();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`register-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      await page.getByRole("button", { name: m["office.register.submit"] }).click();
      await expect(page).toHaveURL(/\/office\/people\/[0-9a-f-]+\?registered=1$/);
      await expect(page.getByRole("status")).toHaveText(m["office.person.registered"]);
      const personUrl = new URL(page.url()).pathname;
      const shownId = await page.getByTestId("login-id").innerText();
      expect(shownId).toMatch(SLIP_ID);

      // the slip: a POST of the page's form answers the PDF, with a new code
      await expect(page.getByRole("button", { name: m["office.slip.print"] })).toBeVisible();
      const response = await page.request.post(`${personUrl}/slip.pdf`, {
        form: { locale: lang },
        headers: { Origin: baseURL! },
      });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const pdf = await response.body();
      fs.writeFileSync(testInfo.outputPath(`slip-${lang}.pdf`), pdf);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        testInfo.outputPath(`slip-${lang}.pdf`),
        testInfo.outputPath(`slip-${lang}`),
      ]);
      const text = readPdfText(pdf);
      expect(text).toContain(m["office.slipPdf.identifier"]);
      const identifier = text.match(SLIP_ID)?.[0];
      expect(identifier).toBe(shownId);
      const digits = text.match(SLIP_CODE);
      expect(digits).not.toBeNull();
      const code = `${digits![1]} ${digits![2]}`;

      // printing again while that code works (a reload of the PDF posts the same): a step
      // warning that the earlier slip would stop working; cancelled, the printed code still works
      await page.reload();
      await expect(page.getByTestId("slip-live")).toBeVisible();
      await page.getByRole("button", { name: m["office.slip.print"] }).click();
      await expect(page.getByTestId("confirm-step")).toBeVisible();
      await expect(page.getByTestId("slip-replace-warning")).toBeVisible();
      await expect(page.getByRole("button", { name: m["office.slip.replace.confirm"] })).toBeVisible();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`slip-replace-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      await page.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page.getByTestId("slip-live")).toBeVisible();

      // enrol with the person's agreement
      await page.getByLabel(m["office.enrol.cohort"]).selectOption({ index: 1 });
      const cohortLabel = await page.locator("#f-enrol-cohortId option:checked").innerText();
      const trainingTitle = cohortLabel.split(" · ")[0]!;
      await page.getByRole("button", { name: m["office.enrol.submit"] }).click();
      await expect(page.locator("#f-agreed-error")).toHaveText(m["office.errors.agreement"]);
      await page.getByLabel(m["office.enrol.cohort"]).selectOption({ label: cohortLabel });
      await page.locator('form:has(input[value="enrol"]) input[name="agreed"]').check();
      await page.getByRole("button", { name: m["office.enrol.submit"] }).click();
      await expect(
        page.getByText(m["office.done.confirmed"]).or(page.getByText(m["office.done.waiting"])),
      ).toBeVisible();
      await expect(page.getByTestId("acts")).toContainText(trainingTitle);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`person-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      await logout(page);

      // the person takes the account over with the slip
      await page.goto(`/set-password`);
      await page.locator('input[name="identifier"]').fill(identifier!.toLowerCase());
      await page.locator('input[name="code"]').fill(code);
      await page.locator('input[name="password"]').fill("ma-vie-a-rabat");
      await page.locator('input[name="passwordConfirm"]').fill("ma-vie-a-rabat");
      await page.locator("form.stack button[type=submit]").click();
      await expect(page).toHaveURL(/\/home$/);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const done = page.getByTestId("done-for-me");
      await expect(done).toContainText(trainingTitle);
      await expect(done).toContainText("Youssef El Idrissi");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`home-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // and signs in again with the identifier and the password
      await logout(page);
      await loginWithForm(page, identifier!, "ma-vie-a-rabat");
      await expect(page.getByTestId("done-for-me")).toContainText(trainingTitle);
    },
  );
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `registering a name the office registered before shows that person first (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const givenName = distinctName("Nam");
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      const register = async (familyName: string) => {
        await page.goto("/office/register");
        await page.getByLabel(m["profiles.field.givenName"]).fill(givenName);
        await page.getByLabel(m["profiles.field.familyName"]).fill(familyName);
        await page.getByLabel(m["office.field.locale"]).selectOption(lang);
        await page.getByLabel(m["office.field.noticeLanguage"]).selectOption("wo");
        await page.getByLabel(m["office.field.noticeRead"]).check();
        await page.getByRole("button", { name: m["office.register.submit"] }).click();
      };
      await register("Diallo");
      await expect(page).toHaveURL(/\/office\/people\/[0-9a-f-]+\?registered=1$/);
      const first = new URL(page.url()).pathname;

      // the same name written otherwise: the earlier person first, nothing made yet, the form kept
      await register("Dialo");
      const namesakes = page.getByTestId("namesakes");
      await expect(namesakes).toBeVisible();
      await expect(namesakes.getByRole("link", { name: `${givenName} Diallo` })).toHaveAttribute("href", first);
      await expect(page.getByLabel(m["profiles.field.familyName"])).toHaveValue("Dialo");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`namesakes-${lang}.png`), fullPage: true });

      // someone else after all: registered as a new person
      await page.getByLabel(m["office.field.noticeRead"]).check();
      await page.getByRole("button", { name: m["office.namesakes.submit"] }).click();
      await expect(page).toHaveURL(/\/office\/people\/[0-9a-f-]+\?registered=1$/);
      expect(new URL(page.url()).pathname).not.toBe(first);
    },
  );
}
