/**
 * No lost work in the business plan's steps (issue 13), on a phone: a refused step comes
 * back with the GOV.UK error summary right under the title, each problem a link to a
 * field that exists on the page (a competitor's or a table line's field named with its
 * row), in the form's order, every value typed still there, and, with JavaScript, the
 * focus on the summary. In French with JavaScript and in Arabic without (journey()).
 */
import { expect, type Page } from "@playwright/test";
import { makeUser } from "../factories";
import { makePlan } from "../factories/business-plans";
import { fitsThePhone, FR_AND_AR, inDatabase, journey, login, switchLanguage, SHOT, test } from "./fixtures";
import { translate } from "../../app/i18n/translate";

/** The summary: right after the title, before the form; its links' targets, each found on the page. */
async function summaryFirst(page: Page, noJs: boolean) {
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeVisible();
  await expect(page.locator("h1 + [data-testid=error-summary]")).toHaveCount(1);
  const before = await page.evaluate(() => {
    const s = document.querySelector("[data-testid=error-summary]");
    const form = document.querySelector("form.plan-form");
    return Boolean(s && form && s.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before).toBe(true);
  const missing = await summary.evaluate((s) =>
    [...s.querySelectorAll("a")]
      .map((a) => decodeURIComponent(a.getAttribute("href")!.slice(1)))
      .filter((id) => !document.getElementById(id)),
  );
  expect(missing).toEqual([]);
  if (!noJs) await expect(summary).toBeFocused();
  return summary.getByRole("link");
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `a refused plan step is summed up first, with links, every typed value kept (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const noJs = testInfo.project.name.includes("no-js");
      const t = (key: Parameters<typeof translate>[2], params?: Record<string, string | number>) =>
        translate(m, lang, key, params);
      const person = await inDatabase((db) => makeUser(db, {}));
      const plan = await inDatabase((db) => makePlan(db, person.id, {}));
      await login(page, person.email!);
      await switchLanguage(page, lang);
      const save = () => page.locator('.actions button[name="intent"][value="save"]').click();
      const named = (name: string) => page.locator(`[name="${name}"]`);

      // the market step: a competitor's price without its name, a price in words
      await page.goto(`/plans/${plan.id}/market`);
      await named("customers").fill("Les épiceries du quartier");
      await named("competitors[0].name").fill("Boulangerie Centrale");
      await named("competitors[0].price").fill("3");
      await named("competitors[1].price").fill("2,5");
      await named("price").fill("douze");
      await named("salesPlaces").fill("Au marché");
      await save();

      let links = await summaryFirst(page, noJs);
      await expect(links).toHaveCount(2);
      await expect(links.nth(0)).toHaveAttribute("href", "#f-competitors[1].name");
      await expect(links.nth(0)).toContainText(
        `${m["plans.field.competitors"]} · ${t("plans.fin.line", { n: 2 })} · ${m["plans.field.competitorName"]}`,
      );
      await expect(links.nth(0)).toContainText(m["errors.required"]);
      await expect(links.nth(1)).toHaveAttribute("href", "#f-price");
      await expect(links.nth(1)).toContainText(m["plans.field.price"]);
      await expect(links.nth(1)).toContainText(m["plans.errors.money"]);
      await expect(named("customers")).toHaveValue("Les épiceries du quartier");
      await expect(named("competitors[0].name")).toHaveValue("Boulangerie Centrale");
      await expect(named("competitors[0].price")).toHaveValue("3");
      await expect(named("competitors[1].price")).toHaveValue("2,5");
      await expect(named("price")).toHaveValue("douze");
      await expect(named("salesPlaces")).toHaveValue("Au marché");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`plan-market-summary-${lang}.png`) });

      // a link takes the person to the row's field
      await links.nth(0).click();
      await expect(page).toHaveURL(/#f-competitors\[1\]\.name$/);
      await expect(named("competitors[1].name")).toBeInViewport();

      // the financial step: a quantity in words and no unit price on a line, a month's revenue in words
      await page.goto(`/plans/${plan.id}/financial`);
      await named("costs[0].item").fill("Four");
      await named("costs[0].quantity").fill("deux");
      await named("funding[0].amount").fill("5000");
      await named("months[2].revenue").fill("beaucoup");
      await named("years[1].costs").fill("1200");
      await save();

      links = await summaryFirst(page, noJs);
      await expect(links).toHaveCount(3);
      await expect(links.nth(0)).toHaveAttribute("href", "#f-costs[0].quantity");
      await expect(links.nth(0)).toContainText(
        `${m["plans.field.startupCosts"]} · ${t("plans.fin.line", { n: 1 })} · ${m["plans.fin.quantity"]}`,
      );
      await expect(links.nth(0)).toContainText(m["plans.errors.quantity"]);
      await expect(links.nth(1)).toHaveAttribute("href", "#f-costs[0].unitPrice");
      await expect(links.nth(1)).toContainText(m["errors.required"]);
      await expect(links.nth(2)).toHaveAttribute("href", "#f-months[2].revenue");
      await expect(links.nth(2)).toContainText(`${t("plans.fin.month", { n: 3 })} · ${m["plans.fin.revenue"]}`);
      await expect(links.nth(2)).toContainText(m["plans.errors.money"]);
      await expect(named("costs[0].item")).toHaveValue("Four");
      await expect(named("costs[0].quantity")).toHaveValue("deux");
      // each refused cell carries its own problem for a screen reader
      await expect(named("costs[0].quantity")).toHaveAccessibleDescription(m["plans.errors.quantity"]);
      await expect(named("months[2].revenue")).toHaveAccessibleDescription(m["plans.errors.money"]);
      await expect(named("funding[0].amount")).toHaveValue("5000");
      await expect(named("months[2].revenue")).toHaveValue("beaucoup");
      await expect(named("years[1].costs")).toHaveValue("1200");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`plan-financial-summary-${lang}.png`) });

      await links.nth(2).click();
      await expect(page).toHaveURL(/#f-months\[2\]\.revenue$/);
      await expect(named("months[2].revenue")).toBeInViewport();
      if (!noJs) await expect(named("months[2].revenue")).toBeFocused();
      // going to the field forgets nothing: the summary and what was typed are still there
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await expect(named("costs[0].quantity")).toHaveValue("deux");
      await expect(named("months[2].revenue")).toHaveValue("beaucoup");

      // fixed, it saves and the summary is gone
      await named("costs[0].quantity").fill("2");
      await named("costs[0].unitPrice").fill("1500");
      await named("months[2].revenue").fill("900");
      await save();
      await expect(page).toHaveURL(/\/financial\?saved$/);
      await expect(page.getByTestId("error-summary")).toHaveCount(0);
      await expect(named("costs[0].quantity")).toHaveValue("2");
    },
  );
}
