import { expect, type Page } from "@playwright/test";
import { createDb } from "../../db/client";
import { normalizePhone } from "../../app/modules/auth/rules";
import { makeUser } from "../factories";
import {
  e2eDatabaseUrl,
  login,
  loginWithForm,
  logout,
  switchLanguage,
  uniquePhone,
  journey,
  SHOT,
  test,
} from "./fixtures";
import { codeMailedTo } from "./mail-server";
import { codeSentTo, smsCount } from "./sms-gateway";

/**
 * Six-digit codes on a 375 px phone, with and without JavaScript, in French and Arabic:
 * the code read from the fake SMS gateway or the fake mail server the run's server delivers
 * to (tests/e2e/server.ts).
 */
const TEXT = {
  fr: {
    signup: "Créer mon compte",
    confirm: "Confirmer",
    next: "Continuer",
    resend: "Recevoir un nouveau code",
    done: "Votre numéro de téléphone est confirmé.",
    accepted: "Accepté par la passerelle",
    forgot: "Mot de passe oublié\u00a0? Recevoir un code par SMS ou e-mail",
    getCode: "Recevoir un code",
    save: "Enregistrer mon nouveau mot de passe",
  },
  ar: {
    signup: "إنشاء حسابي",
    confirm: "تأكيد",
    next: "متابعة",
    resend: "الحصول على رمز جديد",
    done: "تم تأكيد رقم هاتفك.",
    accepted: "قبلتها البوابة",
    forgot: "نسيت كلمة المرور؟ احصل على رمز برسالة قصيرة أو بالبريد",
    getCode: "الحصول على رمز",
    save: "حفظ كلمة المرور الجديدة",
  },
} as const;

async function fitsThePhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ ...SHOT, path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/**
 * A page asking for the code an SMS brought, once it says the gateway accepted that SMS (the
 * outbox records the gateway's answer just after the SMS arrives: reload until it has), in
 * the page's direction and within the phone's width; its screenshot kept as `name`.
 */
async function codePageShown(page: Page, lang: keyof typeof TEXT, name: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".message-state-ok")).toContainText(TEXT[lang].accepted, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  if (lang === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await fitsThePhone(page);
  await shot(page, name);
}

for (const lang of ["fr", "ar"] as const) {
  const L = TEXT[lang];

  test(
    `${lang}: signs up with a phone, types the code the SMS brought, and the account is made, its phone confirmed`,
    journey(lang),
    async ({ page }) => {
      const phone = uniquePhone();
      const e164 = normalizePhone(phone)!;
      await page.goto("/signup");
      if (lang !== "fr") await switchLanguage(page, lang);
      await page.locator('input[name="displayName"]').fill(lang === "ar" ? "نادية المرابط" : "Nadia Mrabet");
      await page.locator('input[name="phone"]').fill(phone);
      await page.locator('input[name="password"]').fill("une phrase assez longue");
      await page.locator('input[name="passwordConfirm"]').fill("une phrase assez longue");
      await page.locator('input[name="acceptPrivacy"]').check();
      await page.getByRole("button", { name: L.signup }).click();
      await expect(page).toHaveURL(/\/signup\/code$/);
      await expect(page.locator("bdi", { hasText: e164 })).toBeVisible();
      const code = await codeSentTo(e164);
      // the page tells where the SMS stands: accepted by the gateway, once it was
      await codePageShown(page, lang, `signup-code-${lang}`);
      await page.locator('input[name="code"]').fill(code);
      await page.getByRole("button", { name: L.next, exact: true }).click();
      await expect(page).toHaveURL(/\/home$/);
      // the phone is proved: nothing left to confirm, and one SMS was enough
      await expect(page.locator('a[href="/confirm-phone"]')).toHaveCount(0);
      expect(await smsCount(e164)).toBe(1);
    },
  );

  test(
    `${lang}: an account whose phone waits for its code asks for one and confirms it`,
    journey(lang),
    async ({ page }) => {
      const e164 = normalizePhone(uniquePhone())!;
      const handle = createDb(e2eDatabaseUrl(), { max: 1 });
      try {
        await makeUser(handle.db, { phone: e164, phoneConfirmedAt: null, displayName: "Nadia Mrabet", locale: lang });
      } finally {
        await handle.close();
      }
      await login(page, e164);
      await page.goto("/confirm-phone");
      if (lang !== "fr") await switchLanguage(page, lang);
      await page.getByRole("button", { name: L.resend }).click();
      await expect(page).toHaveURL(/\/confirm-phone\?resent=1$/);
      const code = await codeSentTo(e164);
      await codePageShown(page, lang, `confirm-phone-${lang}`);
      await page.locator('input[name="code"]').fill(code);
      await page.getByRole("button", { name: L.confirm, exact: true }).click();
      await expect(page).toHaveURL(/\/confirm-phone\?done=1$/);
      await expect(page.getByText(L.done)).toBeVisible();
    },
  );

  /**
   * From the sign-in page's link to a new password with the code that `codeFor` reads where
   * it was sent; `shotName` keeps a screenshot of the reset page.
   */
  async function recover(
    page: Page,
    account: { phone: string | null; email: string | null; displayName: string },
    codeFor: (identifier: string) => Promise<string>,
    password: string,
    shotName?: string,
  ) {
    const identifier = account.phone ?? account.email!;
    const handle = createDb(e2eDatabaseUrl(), { max: 1 });
    try {
      await makeUser(handle.db, { ...account, locale: lang });
    } finally {
      await handle.close();
    }
    await page.goto("/login");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.getByRole("link", { name: L.forgot }).click();
    // the sign-in page has an identifier box too: type only once the next page is there
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.locator('input[name="identifier"]').fill(identifier);
    await page.getByRole("button", { name: L.getCode }).click();
    await expect(page).toHaveURL(/\/reset-password\?to=/);
    await expect(page.locator("#f-identifier")).toHaveValue(identifier);
    const code = await codeFor(identifier);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="passwordConfirm"]').fill(password);
    await fitsThePhone(page);
    if (shotName) await shot(page, shotName);
    await page.getByRole("button", { name: L.save }).click();
    await expect(page).toHaveURL(/\/home$/);
    // signing out ends the session on the server: a refreshed cookie still on its way
    // with the home page's data cannot sign the browser back in (as clearing cookies could)
    await logout(page);
    await loginWithForm(page, identifier, password);
  }

  test(`${lang}: recovers a password with a code sent by SMS`, journey(lang), async ({ page }) => {
    const phone = normalizePhone(uniquePhone())!;
    const account = { phone, email: null, displayName: "Yao Kouamé" };
    await recover(page, account, (to) => codeSentTo(to), "mon nouveau secret", `reset-password-${lang}`);
  });

  test(`${lang}: recovers a password with a code sent by e-mail`, journey(lang), async ({ page }, info) => {
    const email = `reset-${lang}-${info.project.name}-${Date.now()}@masar.test`;
    const account = { email, phone: null, displayName: "Chidi Okeke" };
    await recover(page, account, codeMailedTo, "une autre phrase secrète");
  });
}
