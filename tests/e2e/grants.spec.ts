import { expect, test, type Page } from "@playwright/test";
import { login, switchLanguage } from "./fixtures";

/**
 * Grants on a phone, with and without JavaScript (each project of the config), in
 * French and in Arabic. The decision walk (deliberation, proposal, publication,
 * letter, first tranche) needs a call whose closing date has passed by the server
 * clock; it is covered over HTTP in tests/integration/grants/http.test.ts.
 */
const TEXT = {
  fr: {
    create: "Créer l'appel (brouillon)",
    open: "Ouvrir l'appel",
    statusOpen: "Ouvert",
    openCalls: "Appels ouverts",
    saveDraft: "Enregistrer le brouillon",
    saved: "Enregistré.",
    blind: "Évaluation à l'aveugle",
    ranking: "Classement normalisé",
  },
  ar: {
    create: "إنشاء الطلب (مسودة)",
    open: "فتح الطلب",
    statusOpen: "مفتوح",
    openCalls: "الطلبات المفتوحة",
    saveDraft: "حفظ المسودة",
    saved: "تم الحفظ.",
    blind: "تقييم مجهول الهوية",
    ranking: "الترتيب المعدل",
  },
} as const;

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}

for (const lang of ["fr", "ar"] as const) {
  const L = TEXT[lang];

  test(`${lang}: an admin creates and opens a call, and an applicant sees it`, async ({ page, browser }, testInfo) => {
    const title = `Appel e2e ${lang} ${testInfo.project.name} ${Date.now()}`;
    await login(page, "admin@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.goto("/grants/calls/new");
    await page.locator('input[name="titleFr"]').fill(title);
    await page.locator('input[name="titleAr"]').fill(`طلب ${title}`);
    await page.locator('input[name="titleEn"]').fill(`Call ${title}`);
    await page.locator('input[name="opensOn"]').fill(isoDay(-1));
    await page.locator('input[name="closesOn"]').fill(isoDay(20));
    await page.locator('input[name="reviewDeadlineOn"]').fill(isoDay(40));
    await page.locator('input[name="budget"]').fill("200000");
    await page.locator('input[name="maxGrant"]').fill("30000");
    await page.locator('input[name="c1_labelFr"]').fill("Marché");
    await page.locator('input[name="c1_max"]').fill("10");
    await page.locator('input[name="c1_weight"]').fill("60");
    await page.locator('input[name="c2_labelFr"]').fill("Finances");
    await page.locator('input[name="c2_max"]').fill("5");
    await page.locator('input[name="c2_weight"]').fill("40");
    await page.getByRole("button", { name: L.create }).click();
    await expect(page).toHaveURL(/\/grants\/calls\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: L.open }).click();
    await expect(page.getByTestId("call-status")).toHaveText(L.statusOpen);
    await noOverflow(page);

    const applicantContext = await browser.newContext({
      viewport: { width: 375, height: 740 },
      javaScriptEnabled: testInfo.project.name !== "phone-no-js",
    });
    const applicant = await applicantContext.newPage();
    await login(applicant, "applicant@masar.test");
    if (lang !== "fr") await switchLanguage(applicant, lang);
    await applicant.goto("/grants");
    await expect(applicant.getByRole("heading", { name: L.openCalls })).toBeVisible();
    await expect(applicant.getByText(lang === "ar" ? `طلب ${title}` : title)).toBeVisible();
    if (lang === "ar") await expect(applicant.locator("html")).toHaveAttribute("dir", "rtl");
    await noOverflow(applicant);
    await applicantContext.close();
  });

  test(`${lang}: a committee member reads a plan blind and saves a draft`, async ({ page }) => {
    await login(page, "committee@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.goto("/grants/reviews");
    await page.locator(".list-item a").first().click();
    await expect(page).toHaveURL(/\/grants\/reviews\/[0-9a-f-]{36}$/);
    await expect(page.getByText(L.blind).first()).toBeVisible();
    await noOverflow(page);
    // the demo applicants' names never show on a reviewer's page
    const body = await page.content();
    for (const name of ["Aminata Diallo", "Mamadou Camara", "Chioma Okafor"]) expect(body).not.toContain(name);
    await page.getByRole("button", { name: L.saveDraft }).click();
    await expect(page.getByText(L.saved)).toBeVisible();
    await noOverflow(page);
  });

  test(`${lang}: an admin reads both rankings of the call in review`, async ({ page }) => {
    await login(page, "admin@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.goto("/grants/calls");
    await page.locator(".list-item a", { hasText: lang === "ar" ? "الطلب التجريبي 2026" : "Appel pilote 2026" }).click();
    await expect(page.getByTestId("ranking").locator("tbody tr")).not.toHaveCount(0);
    await expect(page.getByRole("heading", { name: L.ranking })).toBeVisible();
    await expect(page.getByTestId("ranking-normalised").locator("tbody tr")).not.toHaveCount(0);
    await noOverflow(page);
  });
}
