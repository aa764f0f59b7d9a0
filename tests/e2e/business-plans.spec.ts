import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { readPdfText } from "../helpers/pdf";
import { finishSignUp, login, switchLanguage, uniquePhone, SHOT, test } from "./fixtures";

/**
 * A whole plan written on a 375-pixel phone: in French with JavaScript (rows added
 * in place, totals updating as one types), and in Arabic without JavaScript (rows
 * added by posting the form back). Then the PDF is downloaded and read.
 */
async function signUp(page: Page, lng: "fr" | "ar", name: string) {
  await page.goto("/signup");
  if (lng === "ar") await switchLanguage(page, "ar");
  await page.locator('input[name="displayName"]').fill(name);
  const phone = uniquePhone();
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="password"]').fill("ma phrase secrète");
  await page.locator('input[name="passwordConfirm"]').fill("ma phrase secrète");
  await page.locator('input[name="acceptPrivacy"]').check();
  await page.locator('form.stack button[type="submit"]').click();
  await finishSignUp(page, phone);
}

const saveAndNext = (page: Page) => page.locator('button[name="intent"][value="next"]').click();

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an applicant writes a whole plan on a phone and downloads its PDF", async ({ page }, info) => {
  const withJs = info.project.name === "phone-js";
  const lng = withJs ? "fr" : "ar";
  const projectName = withJs ? "Atelier Couture Awa" : "Boulangerie Al Baraka";
  await signUp(page, lng, withJs ? "Awa Sangaré" : "مريم الفاسي");

  // the home panel offers to start a plan
  await page.locator('[data-next] button[type="submit"], [data-next] a').first().click();
  if (!/\/plans\//.test(page.url())) {
    // the profile comes first on a new account: go to the plans page instead
    await page.goto("/plans");
    await page.locator('main form button[type="submit"]').click();
  }
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\/summary$/);
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  const planUrl = page.url().replace(/\/summary$/, "");

  await page.locator('input[name="projectName"]').fill(projectName);
  await page.locator('select[name="sector"]').selectOption("food_processing");
  // the town is chosen from the towns list, in the page's language
  await expect(page.locator('select[name="city"] option[value="rabat"]')).toHaveText(lng === "ar" ? "الرباط" : "Rabat");
  await page.locator('select[name="city"]').selectOption("rabat");
  await page.screenshot({ ...SHOT, path: info.outputPath(`summary-${lng}.png`) });
  await page
    .locator('textarea[name="pitch"]')
    .fill("Pain frais et msemen pour le quartier, livrés aux épiceries voisines.");
  await noOverflow(page);
  await saveAndNext(page);

  await expect(page).toHaveURL(/\/promoters$/);
  await page.locator('textarea[name="experience"]').fill("Six ans de métier.");
  await page.locator('textarea[name="skills"]').fill("Pétrissage, cuisson.");
  await saveAndNext(page);

  await page.locator('textarea[name="description"]').fill("Pain et msemen.");
  await page.locator('textarea[name="difference"]').fill("Ouvert dès 6 heures.");
  await saveAndNext(page);

  await expect(page).toHaveURL(/\/market$/);
  await page.locator('textarea[name="customers"]').fill("Familles du quartier.");
  await page.locator('textarea[name="marketSize"]').fill("3 000 foyers.");
  await page.locator('input[name="marketSizeFigure"]').fill("3000");
  await page.locator('input[name="competitors[0].name"]').fill("Boulangerie du coin");
  await page.locator('input[name="competitors[0].price"]').fill("1,50");
  await page.locator('input[name="price"]').fill("1,40");
  await page.locator('textarea[name="salesPlaces"]').fill("Boutique.");
  await saveAndNext(page);

  await page.locator('textarea[name="strategy"]').fill("Dégustations.");
  await page.locator('textarea[name="channels"]').fill("Boutique et WhatsApp.");
  await saveAndNext(page);

  await page.locator('textarea[name="premises"]').fill("Local de 25 m².");
  await page.locator('textarea[name="equipment"]').fill("Four, pétrin.");
  await page.locator('textarea[name="suppliers"]').fill("Minoterie.");
  await page.locator('textarea[name="staff"]').fill("Une apprentie.");
  await saveAndNext(page);

  await expect(page).toHaveURL(/\/legal$/);
  await page.locator('input[name="form"][value="auto_entrepreneur"]').check();
  await saveAndNext(page);

  await expect(page).toHaveURL(/\/financial$/);
  await noOverflow(page);
  const cell = (list: string, i: number, field: string) => page.locator(`[name="${list}[${i}].${field}"]`);
  const costItems = page.locator('input[name$="].item"][name^="costs["]');
  await cell("costs", 0, "item").fill("Four");
  await cell("costs", 0, "quantity").fill("1");
  await cell("costs", 0, "unitPrice").fill("25000");
  // Enter saves the step; it must not trigger the first row's "remove" button
  await cell("costs", 0, "unitPrice").press("Enter");
  await expect(page).toHaveURL(/\/financial\?saved$/);
  await expect(costItems).toHaveCount(1);
  await expect(cell("costs", 0, "item")).toHaveValue("Four");
  await page.locator('button[name="intent"][value="add-cost"]').click();
  await expect(costItems).toHaveCount(2);
  // the first line was kept, whether the row came in place or from the server
  await expect(cell("costs", 0, "item")).toHaveValue("Four");
  await cell("costs", 1, "item").fill("Pétrin");
  await cell("costs", 1, "quantity").fill("2");
  await cell("costs", 1, "unitPrice").fill("6000");
  // removing a line with content takes one tap, and one more puts it back where it was
  await page.locator('button[name="intent"][value="remove-cost:0"]').click();
  await expect(costItems).toHaveCount(1);
  await expect(cell("costs", 0, "item")).toHaveValue("Pétrin");
  await expect(page.locator('[data-removed="costs:0"]')).toContainText("Four");
  await noOverflow(page);
  await page.locator("[data-removed]").scrollIntoViewIfNeeded();
  await page.screenshot({ ...SHOT, path: info.outputPath(`financial-undo-${lng}.png`) });
  await page.locator('button[name="intent"][value="undo-remove"]').click();
  await expect(costItems).toHaveCount(2);
  await expect(cell("costs", 0, "item")).toHaveValue("Four");
  await expect(cell("costs", 1, "item")).toHaveValue("Pétrin");
  await expect(page.locator("[data-removed]")).toHaveCount(0);
  await cell("funding", 0, "amount").fill("7000");
  await cell("funding", 1, "amount").fill("30000");
  for (let i = 0; i < 12; i++) {
    await cell("months", i, "revenue").fill("12000");
    await cell("months", i, "costOfSales").fill("6000");
    await cell("months", i, "fixedCosts").fill("3500");
  }
  await cell("years", 0, "revenue").fill("160000");
  await cell("years", 0, "costs").fill("115000");
  await cell("years", 1, "revenue").fill("180000");
  await cell("years", 1, "costs").fill("125000");
  if (withJs) {
    // totals follow the typing, before any save
    await expect(page.locator('[data-total="costs"]')).toContainText("37");
    await expect(page.locator("[data-gap]")).toHaveAttribute("data-gap", "0");
  }
  await saveAndNext(page);

  await expect(page).toHaveURL(/\/risks$/);
  await page.locator('textarea[name="risks"]').fill("Hausse de la farine.");
  await page.locator('textarea[name="mitigation"]').fill("Contrat avec la minoterie.");
  await page.locator('.actions button[name="intent"][value="save"]').click();
  await expect(page).toHaveURL(/\/risks\?saved$/);

  await page.goto(planUrl);
  await expect(page.locator("[data-plan-complete]")).toBeVisible();
  await noOverflow(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`a[href$=".pdf"]`).click()]);
  const file = await download.path();
  const buffer = fs.readFileSync(file);
  expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
  const text = readPdfText(buffer);
  expect(text).toContain(projectName);
  // the town, a code, printed as its name in the document's language
  expect(text).toContain(lng === "ar" ? "الرباط" : "Rabat");
  expect(text).not.toContain("rabat");
  expect(text).toMatch(/37[.\s\u202f]?000,00/);
});

test("the demo applicant finds the half-written plan and its next step", async ({ page }) => {
  await login(page, "applicant@masar.test");
  await expect(page.locator('[data-next="plan-step"]')).toBeVisible();
  await page.locator('[data-next="plan-step"] a').click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\/market$/);
  await expect(page.locator('textarea[name="customers"]')).toHaveValue(
    "Familles du quartier, écoles privées voisines.",
  );
});
