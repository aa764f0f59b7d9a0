import { expect, type Page } from "@playwright/test";
import { fitsThePhone, login, switchLanguage, SHOT, test } from "./fixtures";

/**
 * The targets' period picker on a 375 px phone, in Arabic and in French: the select stays
 * on the screen and its chosen period is written whole inside it (in Arabic the programme's
 * period, the longest choice, was cut at the screen's edge).
 */
async function periodFits(page: Page) {
  const select = page.locator('select[name="period"]');
  await expect(select).toBeVisible();
  const box = (await select.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  // the chosen option's text, in the select's font, fits inside it (its padding and arrow aside)
  const { text, room } = await select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const probe = document.createElement("span");
    probe.style.font = style.font;
    probe.style.whiteSpace = "nowrap";
    probe.style.position = "absolute";
    probe.textContent = el.options[el.selectedIndex]?.text ?? "";
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
    return { text: width, room: el.clientWidth - padding - 16 };
  });
  expect(text).toBeLessThanOrEqual(room);
  await fitsThePhone(page);
}

test("the targets' period picker fits a 375 px phone in Arabic and in French", async ({ page }, testInfo) => {
  await login(page, "admin@masar.test");
  for (const lng of ["ar", "fr"] as const) {
    await switchLanguage(page, lng);
    await page.goto("/admin/targets");
    await periodFits(page);
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`targets-period-${lng}.png`) });
  }
  // pages changed by the same session, for a look: the report's monthly chart, the issue page
  for (const lng of ["ar", "fr"] as const) {
    await switchLanguage(page, lng);
    await page.goto("/reports");
    const chart = page.locator("svg").nth(2);
    if (await chart.count()) await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`reports-${lng}.png`), fullPage: true });
    await page.goto("/admin/quarterly-report");
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`quarterly-report-${lng}.png`), fullPage: true });
  }
});

/**
 * Every text of the report's charts on a 375 px phone, in Arabic and in French: inside its
 * chart (in Arabic every bar label anchored at the right edge ran off it, "الصحة" cut to
 * its last letter) and at least 12 px high (a 560-unit chart drew its text at 7 px).
 */
test("the report's charts are whole and readable on a 375 px phone in Arabic and in French", async ({
  page,
}, testInfo) => {
  await login(page, "admin@masar.test");
  for (const lng of ["ar", "fr"] as const) {
    await switchLanguage(page, lng);
    await page.goto("/reports?framework=snia");
    const charts = page.locator("svg.chart-svg");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    const problems = await charts.evaluateAll((svgs) =>
      svgs.flatMap((svg, chart) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")]
          .filter((t) => t.textContent?.trim())
          .flatMap((t) => {
            const r = t.getBoundingClientRect();
            const out = r.left < box.left - 1 || r.right > box.right + 1 || r.left < 0 || r.right > 375;
            const small = r.height < 12;
            return out || small
              ? [`chart ${chart} "${t.textContent}": ${out ? "outside" : ""} ${small ? `${r.height}px high` : ""}`]
              : [];
          });
      }),
    );
    expect(problems, lng).toEqual([]);
    // the objectives' chart names each objective whole, not by its code alone
    const objectiveChart = page.locator("figure.chart").nth(3);
    await expect(objectiveChart.locator("text").first()).toContainText(lng === "ar" ? "اللغة" : "langues");
    await fitsThePhone(page);
    await objectiveChart.screenshot({ ...SHOT, path: testInfo.outputPath(`objectives-chart-${lng}.png`) });
  }
});
