import { expect } from "@playwright/test";
import {
  DEMO_PASSWORD,
  e2eFixture,
  finishSignUp,
  login,
  loginWithForm,
  logout,
  openMenu,
  switchLanguage,
  uniquePhone,
  test,
} from "./fixtures";

// The tests of sign-in itself: they sign in through the form, never with the session fixture.

test("signs up in French with a phone number, then signs out and back in", async ({ page }) => {
  const phone = uniquePhone();
  await page.goto("/signup");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByLabel("Nom complet").fill("Awa Sangaré");
  await page.getByLabel("Téléphone").fill(phone);
  await page.getByLabel("Mot de passe", { exact: true }).fill("ma phrase secrète");
  await page.getByLabel("Confirmer le mot de passe").fill("ma phrase secrète");
  await page.getByLabel("J'ai lu et j'accepte la notice de protection des données.").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  // the account is made once the code sent to the phone comes back
  await expect(page.getByText("Nous avons envoyé un code à")).toBeVisible();
  await finishSignUp(page, phone);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Awa Sangaré");
  await logout(page);
  await loginWithForm(page, phone, "ma phrase secrète");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Awa Sangaré");
});

test("shows each field's error in place and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Nom complet").fill("Ibrahim");
  await page.getByLabel("Téléphone").fill("12345");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  // in place, under each field (the summary at the top says it too)
  await expect(page.locator("#f-phone-error")).toContainText("Numéro de téléphone non valide");
  await expect(page.locator("#f-acceptPrivacy-error")).toContainText(
    "Vous devez accepter la notice de protection des données",
  );
  await expect(page.getByLabel("Nom complet")).toHaveValue("Ibrahim");
  await expect(page.getByLabel("Téléphone")).toHaveAttribute("aria-invalid", "true");
});

test("signs up and signs in in Arabic, right to left, and the layout fits a phone", async ({ page }) => {
  const phone = uniquePhone();
  await page.goto("/signup");
  await switchLanguage(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel("الاسم الكامل").fill("مريم الفاسي");
  await page.getByLabel("الهاتف").fill(phone);
  await page.getByLabel("كلمة المرور", { exact: true }).fill("جملة سرية طويلة");
  await page.getByLabel("تأكيد كلمة المرور").fill("جملة سرية طويلة");
  await page.getByLabel("قرأت إشعار حماية المعطيات وأوافق عليه.").check();
  await page.getByRole("button", { name: "إنشاء حسابي" }).click();
  await expect(page.getByText("أرسلنا رمزا إلى")).toBeVisible();
  await finishSignUp(page, phone);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("مرحبا مريم الفاسي");
  // nothing wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // the header is one line: the sign-out button is in the menu
  await expect(page.locator(".header-row")).toHaveCSS("flex-wrap", "nowrap");
  await page.locator("summary", { hasText: "القائمة" }).click();
  await page.getByRole("button", { name: "تسجيل الخروج" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("الهاتف أو البريد الإلكتروني").fill(phone);
  await page.getByLabel("كلمة المرور").fill("جملة سرية طويلة");
  await page.getByRole("button", { name: "دخول" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

test("every demo account reaches its role's home page", async ({ page }) => {
  const accounts: [string, string][] = [
    ["admin@masar.test", "admin"],
    ["caseworker@masar.test", "case_worker"],
    ["caseworker2@masar.test", "case_worker"],
    ["coach@masar.test", "coach"],
    ["committee@masar.test", "committee_member"],
    ["committee2@masar.test", "committee_member"],
    ["donor@masar.test", "donor_viewer"],
    ["applicant@masar.test", "applicant"],
    ["+212600000001", "applicant"],
  ];
  for (const [identifier, role] of accounts) {
    await loginWithForm(page, identifier, DEMO_PASSWORD);
    await expect(page.locator(`[data-home="${role}"]`)).toBeVisible();
    await logout(page);
  }
});

// Only a page that needs the app's scripts loads them (app/lib/hydration.ts): the others are
// sent as HTML alone, and their links (a plain <a>, app/components/link.tsx, 0194) load the
// next page. Where the scripts run (a plan's step), hydration gives the links Remix's
// client navigation (the document is not loaded again), and the app keeps running on the
// pages it goes on to, scripts or not.
test("a page loads the app's scripts only where it needs them; where they run, links open pages in place", async ({
  page,
}) => {
  const withJs = test.info().project.use.javaScriptEnabled !== false;
  await login(page, "applicant@masar.test");
  await expect(page.locator("script")).toHaveCount(0);
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
  const card = page.locator('ul.cards a[href="/account"]');
  await expect(card).toHaveAttribute("data-discover", "true");
  await card.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("h1")).not.toHaveText(/Bonjour/);
  // the header's links (NavLink): the page's own is marked current
  const menu = page.locator("nav.main-nav");
  await expect(menu.locator('a[href="/account"]')).toHaveAttribute("aria-current", "page");
  await expect(menu.locator('a[href="/home"]')).not.toHaveAttribute("aria-current", "page");

  // a plan's financial step: its totals follow what is typed, so it runs the app's scripts
  const planId = e2eFixture().businessPlans.halfPlan.id;
  await page.goto(`/plans/${planId}/financial`);
  await expect(page.locator('script[type="module"]')).toHaveCount(1);
  const back = page.locator(`main a[href="/plans/${planId}"]`).first();
  if (withJs) {
    // hydrated: React has attached itself (and the link's click handler) to the server's <a>
    await expect
      .poll(() => back.evaluate((a) => Object.keys(a).some((key) => key.startsWith("__reactFiber"))))
      .toBe(true);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  }
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`));
  await openMenu(page);
  await menu.locator('a[href="/home"]').click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(menu.locator('a[href="/home"]')).toHaveAttribute("aria-current", "page");
  // with JavaScript, the document opened on the step is still the one showing the home page
  if (withJs) expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("a wrong password gets one clear message, the same as an unknown account", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Téléphone ou e-mail").fill("applicant@masar.test");
  await page.getByLabel("Mot de passe").fill("not the password");
  await page.getByRole("button", { name: "Se connecter" }).last().click();
  await expect(page.getByTestId("error-summary").getByRole("listitem")).toHaveText(
    "Identifiant ou mot de passe incorrect. Après 5 essais manqués, un compte attend 15 minutes.",
  );
});
