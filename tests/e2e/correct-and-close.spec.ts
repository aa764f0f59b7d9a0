/**
 * Correct and close (issue 15), walked end to end on a phone: a case worker corrects a
 * person's identity from a form another case worker's correction has made stale (the
 * message says so, what was typed stays, the fields the file now says otherwise are
 * flagged, and saving again works), then closes the file with a reason from its
 * confirmation step: the corrected identity stays on the closed file, which leaves the
 * list of open files, can still be corrected, and opens again.
 */
import { expect } from "@playwright/test";
import { fitsThePhone, freshCase, FR_AND_AR, journey, login, switchLanguage, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker corrects a file from a stale form, then closes it (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const firstName = `Cc${Math.random().toString(36).slice(2, 8)}`;
      const c = await freshCase({ firstName, lastName: "Sangare", phone: "+212611223344", city: "kenitra" });
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/protection/cases/${c.id}/identity`);
      await expect(page.locator("#f-phone")).toHaveValue("+212611223344");

      // meanwhile, from another page, the phone is corrected
      const other = await page.context().newPage();
      await other.goto(`/protection/cases/${c.id}/identity`);
      await other.locator("#f-phone").fill("0655443322");
      await other.getByRole("button", { name: m["protection.correct.save"] }).click();
      await expect(other).toHaveURL(new RegExp(`/protection/cases/${c.id}#identity$`));
      await other.close();

      // the first form, sent after: refused, what was typed kept, the phone flagged
      await page.locator("#f-lastName").fill("Sangaré Diallo");
      await page.getByRole("button", { name: m["protection.correct.save"] }).click();
      await expect(page.locator(".error-summary")).toContainText(m["protection.correct.stale"]);
      await expect(page.locator("#f-lastName")).toHaveValue("Sangaré Diallo");
      await expect(page.locator("#f-phone")).toHaveValue("+212611223344");
      await expect(page.locator("main")).toContainText(m["protection.correct.changedOnFile"]);
      // beside the flagged phone, the one on file now
      await expect(page.locator("#f-phone-on-file")).toContainText("+212655443322");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`stale-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // having looked, the case worker keeps the new phone and saves again: it is saved
      await page.locator("#f-phone").fill("0655443322");
      await page.getByRole("button", { name: m["protection.correct.save"] }).click();
      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}#identity$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`${firstName} Sangaré Diallo`);
      await expect(page.locator("#identity")).toContainText("+212655443322");

      // then closes the file, with a reason
      await page.getByRole("link", { name: m["protection.closure.close"] }).click();
      await page.getByLabel(m["protection.closure.closeReason"]).selectOption("moved");
      await page.getByRole("button", { name: m["protection.confirm.close.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}$`));
      await expect(page.getByTestId("status-history")).toContainText(m["protection.closure.reason.moved"]);
      await expect(page.locator("main")).toContainText(m["protection.status.closed"]);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`${firstName} Sangaré Diallo`);
      await expect(page.locator("#identity")).toContainText("+212655443322");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`closed-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.goto(`/protection?q=${firstName}`);
      await expect(page.locator("main")).not.toContainText(c.reference);

      // a closed file stays correctable, and opens again
      await page.goto(`/protection/cases/${c.id}`);
      await page.getByRole("link", { name: m["protection.correct.identityLink"] }).click();
      await page.locator("#f-documentNumber").fill("AB123456");
      await page.getByRole("button", { name: m["protection.correct.save"] }).click();
      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}#identity$`));
      await expect(page.locator("#identity")).toContainText("AB123456");
      await page.getByLabel(m["protection.closure.reopenReason"]).selectOption("came_back");
      await page.getByRole("button", { name: m["protection.closure.reopen"] }).click();
      await expect(page.getByTestId("status-history")).toContainText(m["protection.closure.reason.came_back"]);
      await expect(page.getByRole("link", { name: m["protection.closure.close"] })).toBeVisible();
    },
  );
}
