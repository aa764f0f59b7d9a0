/**
 * Group activities (issue 16) on a phone, with and without JavaScript, in French and
 * Arabic: a case worker records an awareness session (a negative count refused first,
 * what was typed kept), finds it in the list, corrects it, and reads the people reached
 * apart in the association's report.
 */
import { expect } from "@playwright/test";
import { fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker records a group activity, corrects it and sees it in the report (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const facilitator = `Animatrice ${Math.random().toString(36).slice(2, 8)}`;
      const band = (key: "female" | "male", b: string) =>
        m[`groups.count.${key}`].replace("{band}", m[`groups.band.${b}` as keyof typeof m]);
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);

      await page.goto("/groups/new");
      await expect(page.locator("h1")).toHaveText(m["groups.new"]);
      await page.getByLabel(m["groups.field.kind"]).selectOption("awareness");
      await page.getByLabel(m["groups.field.topic"]).selectOption("safe_migration");
      await page.getByLabel(m["groups.field.city"]).selectOption("rabat");
      await page.getByLabel(m["groups.field.facilitator"]).fill(facilitator);
      await page.getByLabel(band("female", "18-24")).fill("-3");
      await page.getByLabel(band("male", "25-59")).fill("4");
      await page.getByRole("button", { name: m["groups.record"] }).click();

      // refused: the summary names the problem, nothing typed is lost
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await expect(page.locator("#f-female18to24-error")).toHaveText(m["groups.errors.count"]);
      await expect(page.getByLabel(m["groups.field.facilitator"])).toHaveValue(facilitator);
      await expect(page.getByLabel(band("male", "25-59"))).toHaveValue("4");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`refused-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.getByLabel(band("female", "18-24")).fill("6");
      await page.getByLabel(band("female", "5-11")).fill("2");
      await page.getByLabel(m["groups.field.migrants"]).fill("9");
      await page.getByRole("button", { name: m["groups.record"] }).click();
      await expect(page).toHaveURL(/\/groups\?recorded=[0-9a-f-]{36}$/);
      await expect(page.getByRole("status")).toHaveText(m["groups.recorded"]);
      const row = page.getByTestId("activities").locator("tbody tr").first();
      await expect(row).toContainText(m["groups.kind.awareness"]);
      await expect(row).toContainText("12");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`list-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // correct it: one more man of 25 to 59
      await row.getByRole("link").click();
      await expect(page.locator("h1")).toHaveText(m["groups.correct"]);
      await expect(page.getByLabel(m["groups.field.facilitator"])).toHaveValue(facilitator);
      await page.getByLabel(band("male", "25-59")).fill("5");
      await page.getByRole("button", { name: m["groups.save"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["groups.saved"]);
      await expect(page.getByLabel(band("male", "25-59"))).toHaveValue("5");
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`corrected-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // a case file's household: a member added, listed with the others
      await page.goto("/protection");
      await page
        .getByRole("link", { name: /Aissatou/ })
        .first()
        .click();
      const household = page.locator("#household");
      await expect(household.getByRole("heading", { name: m["groups.household.title"], exact: true })).toBeVisible();
      const before = await household.getByTestId("household").locator("li").count();
      // the file lists the members; they are corrected and added on the household's own page
      await household.getByRole("link", { name: m["groups.household.edit"] }).click();
      await expect(page).toHaveURL(/\/protection\/cases\/[0-9a-f-]{36}\/household$/);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`household-page-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      const adding = page.getByRole("form", { name: m["groups.household.add"] });
      await adding.getByLabel(m["groups.household.relationship"]).selectOption("grandparent");
      await adding.getByLabel(m["groups.household.sex"]).selectOption("female");
      await adding.getByLabel(m["groups.household.age"]).fill("68");
      await adding.getByRole("button", { name: m["groups.household.addButton"] }).click();
      await expect(page).toHaveURL(/\/protection\/cases\/[0-9a-f-]{36}$/);
      // other runs of this spec add to the same demo file at the same time: at least one more
      await expect
        .poll(() => page.locator("#household").getByTestId("household").locator("li").count())
        .toBeGreaterThan(before);
      // one person's sex, not the reports' groups ("women and girls")
      await expect(page.locator("#household").getByTestId("household")).toContainText(
        m["groups.household.sexOf.female"],
      );
      await expect(page.locator("#household").getByTestId("household")).not.toContainText(m["groups.sex.female"]);
      await page.locator("#household").scrollIntoViewIfNeeded();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`household-${lang}.png`) });
      await fitsThePhone(page);

      // the association's report: people reached by source, the headcount apart
      await page.goto("/reports");
      const people = page.locator('table[data-table="people-reached"]');
      await expect(people).toBeVisible();
      await expect(people).toContainText(m["groups.report.line.unregistered"]);
      await expect(page.getByText(m["groups.report.note"])).toBeVisible();
      await people.scrollIntoViewIfNeeded();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`report-${lang}.png`) });
      await fitsThePhone(page);
    },
  );
}
