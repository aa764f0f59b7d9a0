/**
 * A case worker links a case file to the person's applicant account (issue 15), on a
 * phone, in French and Arabic: without the person's consent nothing is linked; with it,
 * the file says who linked it and in which language the notice was read.
 */
import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { makeUser } from "../factories";
import { makeCase } from "../factories/protection";
import {
  fitsThePhone,
  FR_AND_AR,
  inDatabase,
  login,
  switchLanguage,
  uniquePhone,
  journey,
  SHOT,
  test,
} from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker links a case to the person's account with their consent (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const phone = uniquePhone();
      // the account and the case exist already: each has its own journey elsewhere
      const { c, person } = await inDatabase(async (db) => {
        const [worker] = await db.select().from(users).where(eq(users.email, "caseworker@masar.test"));
        const person = await makeUser(db, {
          role: "applicant",
          phone: `+212${phone.slice(1)}`,
          displayName: `Aminata ${lang}`,
        });
        const c = await makeCase(db, {
          organisationId: worker!.organisationId!,
          createdById: worker!.id,
          firstName: "Aminata",
          lastName: `Lien${lang}`,
        });
        return { c, person };
      });
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/protection/cases/${c.id}`);
      // the file links to the account's own page (decision 0195)
      await page.locator("#account").getByRole("link", { name: m["protection.link.open"] }).click();
      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}/account$`));
      await page.getByLabel(m["protection.link.account"]).fill(phone);
      await page.getByLabel(m["office.field.noticeLanguage"]).selectOption("bm");
      await page.getByRole("button", { name: m["protection.link.submit"] }).click();
      await expect(page.locator("main")).toContainText(m["protection.link.consentRequired"]);
      // refused, the page keeps what was typed
      await expect(page.getByLabel(m["protection.link.account"])).toHaveValue(phone);
      await page.getByLabel(m["protection.link.consent"]).check();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`link-form-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      await page.getByRole("button", { name: m["protection.link.submit"] }).click();
      await expect(page).toHaveURL(new RegExp(`/protection/cases/${c.id}$`));

      await expect(page.getByTestId("linked-account")).toContainText(person.displayName);
      await page.locator("#account").screenshot({ ...SHOT, path: testInfo.outputPath(`linked-${lang}.png`) });
      await fitsThePhone(page);
      await page.getByRole("link", { name: m["protection.link.actFor"] }).click();
      await expect(page).toHaveURL(new RegExp(`/office/people/${person.id}$`));
    },
  );
}
