import { expect, type Page } from "@playwright/test";
import { finishSignUp, login, switchLanguage, uniquePhone, journey, test } from "./fixtures";

/**
 * Trainings, internships and coaching on a phone, with and without JavaScript
 * (each project of the config), in French and in Arabic.
 */
const TEXT = {
  fr: {
    signup: "Créer mon compte",
    register: "M'inscrire",
    confirmed: "Votre place est confirmée.",
    save: "Enregistrer les présences",
    saved: "Présences enregistrées.",
    newPlacement: "Placer en stage",
    createPlacement: "Enregistrer le stage",
    logContact: "Enregistrer le contact",
  },
  ar: {
    signup: "إنشاء حسابي",
    register: "التسجيل",
    confirmed: "تم تأكيد مقعدك.",
    save: "حفظ الحضور",
    saved: "تم حفظ الحضور.",
    newPlacement: "إلحاق بتدريب",
    createPlacement: "تسجيل التدريب",
    logContact: "تسجيل الاتصال",
  },
} as const;

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const lang of ["fr", "ar"] as const) {
  const L = TEXT[lang];

  test(`${lang}: a newcomer registers for the entrepreneurship orientation`, journey(lang), async ({ page }) => {
    await page.goto("/signup");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.locator('input[name="displayName"]').fill(lang === "ar" ? "سلمى بنعلي" : "Mariam Koné");
    const phone = uniquePhone();
    await page.locator('input[name="phone"]').fill(phone);
    await page.locator('input[name="password"]').fill("une phrase assez longue");
    await page.locator('input[name="passwordConfirm"]').fill("une phrase assez longue");
    await page.locator('input[name="acceptPrivacy"]').check();
    await page.getByRole("button", { name: L.signup }).click();
    await finishSignUp(page, phone);
    await page.goto("/trainings");
    await page
      .locator(".cards a", { hasText: lang === "ar" ? "التوجيه نحو المقاولة" : "Orientation à l'entrepreneuriat" })
      .click();
    await page.getByRole("button", { name: L.register, exact: true }).first().click();
    await expect(page.locator('[data-registration="confirmed"]')).toHaveText(L.confirmed);
    if (lang === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await noOverflow(page);
  });

  test(`${lang}: a trainer marks a whole session on one form`, journey(lang), async ({ page }) => {
    await login(page, "coach@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.goto("/trainings");
    await page
      .locator(".cards a", {
        hasText: lang === "ar" ? "المهارات السلوكية من أجل الشغل" : "Compétences comportementales",
      })
      .click();
    await page.locator("[data-cohort] a").first().click();
    await page.locator(".list-item a[href^='/trainings/sessions/']").first().click();
    const rows = page.locator("fieldset.attendance-row");
    await expect(rows).toHaveCount(4);
    await rows.first().locator('input[value="present"]').check();
    await page.getByRole("button", { name: L.save }).click();
    await expect(page.getByRole("status")).toHaveText(L.saved);
    await noOverflow(page);
  });

  test(`${lang}: the applicant downloads her certificate`, journey(lang), async ({ page }) => {
    await login(page, "applicant@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    const link = page.locator("a[href^='/trainings/certificates/']").first();
    await expect(link).toBeVisible();
    const href = await link.getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test(`${lang}: a coach places an intern and logs a visit`, journey(lang), async ({ page }) => {
    await login(page, "coach@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await expect(page.locator('[data-overdue="true"]').first()).toBeVisible();
    await page.locator(".caseload a", { hasText: "Aya Kouassi" }).click();
    await page.locator("summary", { hasText: L.newPlacement }).click();
    await page.locator('select[name="hostId"]').selectOption({ label: "Coopérative Argane Souss" });
    await page.locator('input[name="tutorName"]').fill("Latifa Ait Ouahmane");
    await page.locator('input[name="startsOn"]').fill("2026-12-01");
    await page.locator('input[name="endsOn"]').fill("2027-02-28");
    await page.locator('input[name="stipend"]').fill("1000");
    await page.getByRole("button", { name: L.createPlacement }).click();
    await expect(page).toHaveURL(/\/placements\/[0-9a-f-]{36}$/);
    await page.locator('select[name="kind"]').selectOption("visit");
    await page.locator('textarea[name="notes"]').fill(lang === "ar" ? "زيارة أولى" : "Première visite, bon accueil.");
    await page.getByRole("button", { name: L.logContact }).click();
    await expect(page.locator('[data-contact="visit"]')).toHaveCount(1);
    await noOverflow(page);
  });
}
