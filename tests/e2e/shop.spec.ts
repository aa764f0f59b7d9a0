/**
 * A partner shop redeems a voucher (issue 15), on a phone, with and without
 * JavaScript, in French and Arabic: the code typed as a person would, the check showing
 * the value and the initials (never the name), the redemption, the shop's history and
 * totals; then the same code refused.
 */
import { expect } from "@playwright/test";
import { makeVoucher } from "../factories/protection";
import { fitsThePhone, freshCase, FR_AND_AR, inDatabase, login, switchLanguage, journey, SHOT, test } from "./fixtures";

/** A fresh voucher of association A (the demo shop's scheme), for a person of that name. */
async function freshVoucher(firstName: string, lastName: string) {
  const c = await freshCase({ firstName, lastName });
  return inDatabase((db) =>
    makeVoucher(db, {
      caseId: c.id,
      organisationId: c.organisationId,
      issuedById: c.createdById!,
      valueCentimes: 50_000,
    }),
  );
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `a partner shop checks and redeems a voucher, seeing initials only (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const firstName = `Zeinab${Math.random().toString(36).slice(2, 7)}`;
      const voucher = await freshVoucher(firstName, "Ouattara");
      await login(page, "vendor@masar.test");
      await switchLanguage(page, lang);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Épicerie Al Baraka");
      // the shop's navigation is its page and its account: no notifications, nothing else
      await expect(page.locator(".main-nav a")).toHaveText([m["aid.shop.nav"], m["nav.account"]]);

      // typed as read off the paper: lower case, spaces instead of dashes
      await page.getByLabel(m["aid.vouchers.code"]).fill(voucher.code.toLowerCase().replace(/-/g, " "));
      await page.getByRole("button", { name: m["aid.shop.check"] }).click();
      const check = page.getByTestId("voucher-check");
      await expect(check).toBeVisible();
      await expect(page.getByTestId("initials")).toHaveText(/^Z\. O\.$/);
      await expect(page.locator("main")).not.toContainText(firstName);
      await expect(page.locator("main")).not.toContainText("Ouattara");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`shop-check-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await check.getByRole("button").click();
      await expect(page.getByTestId("redeemed")).toContainText("Z. O.");
      await expect(page.getByTestId("shop-history")).toContainText(voucher.code);
      await expect(page.getByTestId("shop-history")).toContainText("Z. O.");
      await expect(page.locator("main")).not.toContainText(firstName);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`shop-redeemed-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // the same code again: refused, nothing to redeem
      await page.getByLabel(m["aid.vouchers.code"]).fill(voucher.code);
      await page.getByRole("button", { name: m["aid.shop.another"] }).click();
      await expect(page.getByRole("alert")).toContainText(m["aid.shop.refused.redeemed"]);
      await expect(page.getByTestId("voucher-check")).toHaveCount(0);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`shop-refused-${lang}.png`), fullPage: true });

      // every other page does not exist for a shop
      const other = await page.goto("/aid");
      expect(other?.status()).toBe(404);
    },
  );
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `the admin's shops and programme view, and the association's reconciliation, fit a phone (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      await login(page, "admin@masar.test");
      await switchLanguage(page, lang);
      for (const [path, title, table] of [
        ["/admin/shops", m["aid.shops.title"], "shops"],
        ["/admin/programme", m["aid.programme.title"], "programme-vouchers"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
        await expect(page.getByTestId(table)).toBeVisible();
        await page.screenshot({ ...SHOT, path: testInfo.outputPath(`${path.slice(7)}-${lang}.png`), fullPage: true });
        await fitsThePhone(page);
      }
      await expect(page.getByTestId("programme-shops")).toContainText("Épicerie Al Baraka");
      // a shop's town is read in the reader's language and chosen from the towns list
      await page.goto("/admin/shops");
      await expect(page.getByTestId("shops").getByRole("row", { name: /Épicerie Al Baraka/ })).toContainText(
        m["codes.city.rabat"],
      );
      await expect(page.getByRole("combobox", { name: m["aid.shops.city"] })).toBeVisible();

      await login(page, "caseworker@masar.test");
      await page.goto("/aid/redemptions");
      await expect(page.getByTestId("redemptions-per-shop")).toContainText("Épicerie Al Baraka");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`redemptions-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
    },
  );
}
