/**
 * Correcting a distribution round before its first hand-out (issue 15), on a phone, in
 * French and Arabic, with and without JavaScript: the form is folded under the round's
 * facts, comes back with what was typed when refused, and the page says what happened.
 */
import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { users } from "../../db/schema";
import { findOrMakeItem, makeStockedRound } from "../factories/protection";
import { e2eDatabaseUrl, fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";

/** A round of the demo case worker's association that nobody has received yet. */
async function freshRound(name: string) {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const [worker] = await handle.db.select().from(users).where(eq(users.email, "caseworker@masar.test"));
    const item = await findOrMakeItem(handle.db, "hygiene_kit", "Savon liquide (tournée e2e)");
    const { round } = await makeStockedRound(handle.db, {
      organisationId: worker!.organisationId!,
      itemId: item.id,
      stock: 10,
      createdById: worker!.id,
      name,
    });
    return round;
  } finally {
    await handle.close();
  }
}

for (const [lang, m] of FR_AND_AR) {
  test(`a round is corrected before its first hand-out (${lang})`, journey(lang), async ({ page }, testInfo) => {
    const round = await freshRound(`Tournée ${Math.random().toString(36).slice(2, 8)}`);
    await login(page, "caseworker@masar.test");
    await switchLanguage(page, lang);
    await page.goto(`/aid/rounds/${round.id}`);
    await page.getByText(m["aid.rounds.correct"], { exact: true }).click();
    const form = page.locator("form", { has: page.locator('input[name="intent"][value="correctRound"]') });

    // the end before the start: refused, said in the person's language, what was typed kept
    await form.getByLabel(m["aid.rounds.name"]).fill("Tournée de printemps");
    await form.getByLabel(m["aid.rounds.endsOn"]).fill("2020-01-01");
    await form.getByRole("button", { name: m["aid.rounds.saveCorrection"] }).click();
    await expect(page.getByText(m["aid.errors.endsBeforeStarts"]).first()).toBeVisible();
    await expect(form.getByLabel(m["aid.rounds.name"])).toHaveValue("Tournée de printemps");
    await fitsThePhone(page);
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`round-correct-refused-${lang}.png`), fullPage: true });

    await form.getByLabel(m["aid.rounds.endsOn"]).fill(round.endsOn);
    await form.getByRole("button", { name: m["aid.rounds.saveCorrection"] }).click();
    await expect(page).toHaveURL(new RegExp(`/aid/rounds/${round.id}\\?done=corrected$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tournée de printemps");
    await expect(page.getByText(m["aid.rounds.corrected"])).toBeVisible();
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`round-corrected-${lang}.png`), fullPage: true });
  });
}
