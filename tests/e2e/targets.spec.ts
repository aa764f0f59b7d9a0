import { writeFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { login, switchLanguage, SHOT, test } from "./fixtures";

/**
 * The admin on a phone, with and without JavaScript: sets the quarter's targets, reads
 * value against target on the dashboard, writes the narrative in Arabic and in French and
 * issues the quarterly report in both; the PDFs are kept for a look (pdftoppm).
 */
test("the admin sets targets, reads progress, writes the narrative and issues the report", async ({
  page,
}, testInfo) => {
  await login(page, "admin@masar.test");
  await page.goto("/admin/targets");
  await expect(page.locator("h1")).toHaveText("Cibles et valeurs de référence");
  const quarter = await page.locator('select[name="period"] option').last().getAttribute("value");
  expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
  await page.locator('select[name="period"]').selectOption(quarter!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${quarter}`));
  await page.locator('input[name="baseline_OG.1"]').fill("0");
  await page.locator('input[name="target_OG.1"]').fill("40");
  await page.locator('input[name="target_R1.1"]').fill("12");
  await page.locator('input[name="target_R2.1"]').fill("-4");
  // an output indicator (items handed out) counts things, not people: its own message
  await page.locator('input[name="target_R2.3"]').fill("beaucoup");
  await page.getByRole("button", { name: "Enregistrer les cibles" }).click();
  await expect(page.getByText("Saisissez un nombre entier de personnes, 0 ou plus.")).toBeVisible();
  await expect(page.getByText("Saisissez un nombre entier, 0 ou plus.")).toBeVisible();
  await page.locator('input[name="target_R2.1"]').fill("15");
  await page.locator('input[name="target_R2.3"]').fill("120");
  await page.getByRole("button", { name: "Enregistrer les cibles" }).click();
  await expect(page.getByText("Cibles enregistrées.")).toBeVisible();
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("targets-fr.png"), fullPage: true });

  await page.goto(`/reports?quarter=${quarter}`);
  const progress = page.locator('table[data-table="progress"]');
  await expect(progress).toBeVisible();
  // the indicators under their group's heading: the overall objective, then each result
  const headings = progress.locator('tr.row-group th[scope="rowgroup"]');
  await expect(headings).toHaveText([
    "Objectif général",
    /^Résultat 1\s: Santé/,
    /^Résultat 2\s: Aide humanitaire/,
    /^Résultat 3\s: Employabilité/,
    /^Résultat 4\s: Entrepreneuriat/,
  ]);
  const rows = progress.locator("tbody tr:not(.row-group)");
  await expect(rows.first()).toContainText("OG.1");
  await expect(rows.first()).toContainText("40");
  await expect(progress.locator("tbody").nth(2).locator("tr").nth(1)).toContainText("R2.1");
  await expect(progress.locator("tbody tr", { hasText: "R2.3" }).first()).toContainText("120");
  await progress.scrollIntoViewIfNeeded();
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("dashboard-progress-fr.png") });
  await headings.nth(2).scrollIntoViewIfNeeded();
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("dashboard-progress-result2-fr.png") });

  await switchLanguage(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(progress.locator("thead")).toContainText("القيمة المستهدفة");
  await expect(headings.nth(0)).toHaveText("الهدف العام");
  await expect(headings.nth(2)).toHaveText(/^النتيجة 2: /);
  await progress.scrollIntoViewIfNeeded();
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("dashboard-progress-ar.png") });
  await headings.nth(2).scrollIntoViewIfNeeded();
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("dashboard-progress-result2-ar.png") });
  await page.goto(`/admin/targets?period=${quarter}`);
  await expect(page.locator('input[name="target_OG.1"]')).toHaveValue("40");
  await expect(page.locator('input[name="target_R2.3"]')).toHaveValue("120");
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("targets-ar.png"), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  for (const [locale, words] of [
    [
      "ar",
      [
        "تحسّن الوصول إلى الاستشارات الطبية في وجدة",
        "نقص في مخزون الأغطية",
        "دورتا تدريب في الربع المقبل",
        "تقديم ثلاث خطط أعمال",
      ],
    ],
    [
      "fr",
      [
        "Accès aux consultations amélioré à Oujda",
        "Rupture de stock de couvertures",
        "Deux formations au trimestre prochain",
        "Trois plans d'affaires déposés",
      ],
    ],
  ] as const) {
    await page.goto(`/admin/quarterly-report?quarter=${quarter}&locale=${locale}`);
    await page.locator('textarea[name="achievements_health"]').fill(words[0]);
    await page.locator('textarea[name="challenges_humanitarian"]').fill(words[1]);
    await page.locator('textarea[name="nextSteps_employability"]').fill(words[2]);
    await page.locator('textarea[name="achievements_entrepreneurship"]').fill(words[3]);
    await page.locator('form:has(input[name="intent"][value="narrative"]) button[type="submit"]').click();
    await expect(page).toHaveURL(/saved=1/);
    await page.locator('a[data-confirm-link="issue"]').click();
    await expect(page.getByTestId("confirm-step")).toBeVisible();
    if (locale === "ar")
      await page.screenshot({ ...SHOT, path: testInfo.outputPath("issue-confirm-ar.png"), fullPage: true });
    await page.getByTestId("confirm-step").locator('button[type="submit"]').click();
    // rendering the PDF takes a few seconds on a busy machine
    await expect(page).toHaveURL(/issued=\d+/, { timeout: 30_000 });
    // the quarter's versions, newest first within each language: this language's newest
    const language = locale === "ar" ? "العربية" : "Français";
    const link = page.locator("tr", { hasText: language }).first().locator('a[href^="/reports/issued/"]');
    const response = await page.request.get((await link.getAttribute("href"))!);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    await writeFile(testInfo.outputPath(`issued-${locale}.pdf`), await response.body());
  }
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("issue-page-fr.png"), fullPage: true });
});
