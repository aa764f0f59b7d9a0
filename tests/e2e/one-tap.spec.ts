/**
 * More harmful actions behind a confirmation step (issue 13), on a phone, with and
 * without JavaScript, in French and Arabic: ending a coaching follow-up, deactivating a
 * partner shop, removing an item from an aid round, marking a data deletion request done,
 * and a person withdrawing their own deletion request. The first tap only opens the step,
 * which names who or what is concerned; "cancel" leaves everything as it was.
 */
import { and, eq, isNull } from "drizzle-orm";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { coachAssignments, deletionRequests, roundItems, shops, users } from "../../db/schema";
import { makeOrganisation, makeUser } from "../factories";
import { findOrMakeItem, makeShop, makeStockedRound } from "../factories/protection";
import { fitsThePhone, FR_AND_AR, inDatabase, login, switchLanguage, journey, SHOT, test } from "./fixtures";

const suffix = () => Math.random().toString(36).slice(2, 7);

/** The step opened by the first tap: on a phone's width, naming `who`; a screenshot to look at. */
async function expectStep(page: Page, testInfo: TestInfo, who: string, shot: string) {
  const step = page.getByTestId("confirm-step");
  await expect(step).toBeVisible();
  await expect(step.getByRole("heading", { level: 1 })).toContainText(who);
  await expect(step.getByRole("button")).toHaveCount(1);
  await fitsThePhone(page);
  await page.screenshot({ ...SHOT, path: testInfo.outputPath(shot), fullPage: true });
  return step;
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `an admin ends a coaching follow-up only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const name = `Bénéficiaire ${suffix()}`;
      const { beneficiary } = await inDatabase(async (db) => {
        const coach = await makeUser(db, { role: "coach" });
        const beneficiary = await makeUser(db, { displayName: name });
        await db.insert(coachAssignments).values({ beneficiaryId: beneficiary.id, coachId: coach.id });
        return { beneficiary };
      });
      const open = () =>
        inDatabase((db) =>
          db.$count(
            coachAssignments,
            and(eq(coachAssignments.beneficiaryId, beneficiary.id), isNull(coachAssignments.endedAt)),
          ),
        );
      await login(page, "admin@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/coaching/assignments");
      const row = page.locator("tr", { hasText: name });
      await row.getByRole("link", { name: m["coaching.endAssignment"] }).click();
      const step = await expectStep(page, testInfo, name, `end-follow-up-step-${lang}.png`);
      expect(await open()).toBe(1);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page).toHaveURL(/\/coaching\/assignments$/);
      await expect(page.locator("tr", { hasText: name })).toHaveCount(1);

      await page.locator("tr", { hasText: name }).getByRole("link", { name: m["coaching.endAssignment"] }).click();
      await page.getByRole("button", { name: m["coaching.endAssignment"] }).click();
      await expect(page).toHaveURL(/\/coaching\/assignments$/);
      await expect(page.locator("tr", { hasText: name })).toHaveCount(0);
      expect(await open()).toBe(0);
    },
  );

  test(
    `an admin deactivates a partner shop only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const name = `Boutique ${suffix()}`;
      const shop = await inDatabase(async (db) => {
        const org = await makeOrganisation(db, { kind: "partner_association" });
        return makeShop(db, org.id, { name });
      });
      const active = () =>
        inDatabase(async (db) => (await db.select().from(shops).where(eq(shops.id, shop.id)))[0]?.isActive);
      await login(page, "admin@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/admin/shops");
      const row = () => page.locator("tr", { hasText: name });
      await row().getByRole("link", { name: m["aid.shops.deactivate"] }).click();
      const step = await expectStep(page, testInfo, name, `shop-step-${lang}.png`);
      expect(await active()).toBe(true);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(row()).toContainText(m["aid.shops.active"]);

      await row().getByRole("link", { name: m["aid.shops.deactivate"] }).click();
      await page.getByRole("button", { name: m["aid.shops.deactivate"] }).click();
      await expect(page).toHaveURL(/\/admin\/shops$/);
      await expect(row()).toContainText(m["aid.shops.inactive"]);
      expect(await active()).toBe(false);
    },
  );

  test(
    `a case worker removes an item from a round only after confirming (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const roundName = `Tournée ${suffix()}`;
      const { round, extra } = await inDatabase(async (db) => {
        const [worker] = await db.select().from(users).where(eq(users.email, "caseworker@masar.test"));
        const soap = await findOrMakeItem(db, "hygiene_kit", "Savon liquide (tournée e2e)");
        const extra = await findOrMakeItem(db, "hygiene_kit", "Dentifrice (tournée e2e)", null, {
          nameAr: "معجون أسنان",
          nameEn: "Toothpaste",
        });
        const { round } = await makeStockedRound(db, {
          organisationId: worker!.organisationId!,
          itemId: soap.id,
          stock: 10,
          createdById: worker!.id,
          name: roundName,
        });
        await db.insert(roundItems).values({ roundId: round.id, itemId: extra.id, quantity: 2 });
        return { round, extra };
      });
      const kit = () =>
        inDatabase(async (db) => (await db.select().from(roundItems).where(eq(roundItems.roundId, round.id))).length);
      const itemName = lang === "ar" ? "معجون أسنان" : "Dentifrice (tournée e2e)";
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/aid/rounds/${round.id}`);
      await page.getByText(m["aid.rounds.correct"], { exact: true }).click();
      const remove = m["aid.rounds.removeItem"].replace("{item}", itemName);
      await page.getByRole("link", { name: remove }).click();
      const step = await expectStep(page, testInfo, itemName, `round-item-step-${lang}.png`);
      await expect(step).toContainText(roundName);
      expect(await kit()).toBe(2);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page).toHaveURL(new RegExp(`/aid/rounds/${round.id}$`));

      await page.getByText(m["aid.rounds.correct"], { exact: true }).click();
      await page.getByRole("link", { name: remove }).click();
      await page.getByRole("button", { name: m["aid.rounds.confirmRemove.button"] }).click();
      await expect(page).toHaveURL(new RegExp(`/aid/rounds/${round.id}\\?done=corrected$`));
      expect(await kit()).toBe(1);
      expect(extra.id).toBeTruthy();
    },
  );

  test(
    `a person withdraws a deletion request only after confirming, then an admin marks another done (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const name = `Personne ${suffix()}`;
      const again = `Je pars vraiment ${suffix()}`;
      const person = await inDatabase(async (db) => {
        const person = await makeUser(db, { displayName: name });
        await db.insert(deletionRequests).values({ userId: person.id, reason: "Je pars" });
        return person;
      });
      const statuses = () =>
        inDatabase(async (db) =>
          (await db.select().from(deletionRequests).where(eq(deletionRequests.userId, person.id))).map((r) => r.status),
        );
      await login(page, person.email!);
      await switchLanguage(page, lang);
      await page.goto("/profile/deletion");
      await page.getByRole("link", { name: m["profiles.deletion.withdraw"] }).click();
      const step = await expectStep(
        page,
        testInfo,
        m["profiles.deletion.withdraw.title"],
        `withdraw-deletion-step-${lang}.png`,
      );
      expect(await statuses()).toEqual(["pending"]);
      await step.getByRole("link", { name: m["confirm.cancel"] }).click();
      await expect(page.locator("[data-pending]")).toBeVisible();
      await page.getByRole("link", { name: m["profiles.deletion.withdraw"] }).click();
      await page.getByRole("button", { name: m["profiles.deletion.withdraw.button"] }).click();
      await expect(page.getByText(m["profiles.deletion.withdrawn"])).toBeVisible();
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`withdrawn-deletion-${lang}.png`), fullPage: true });
      expect(await statuses()).toEqual(["withdrawn"]);
      await page.goto("/notifications");
      await expect(page.getByText(m["profiles.notify.deletionWithdrawn"])).toBeVisible();

      // a second request, which the admin marks done through the step
      await inDatabase((db) => db.insert(deletionRequests).values({ userId: person.id, reason: again }));
      await page.context().clearCookies();
      await login(page, "admin@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/admin/deletion-requests");
      const row = page.locator("tr", { hasText: again });
      await row.getByRole("link", { name: m["profiles.admin.markDone"] }).click();
      const adminStep = await expectStep(page, testInfo, name, `deletion-done-step-${lang}.png`);
      await adminStep.getByRole("link", { name: m["confirm.cancel"] }).click();
      expect((await statuses()).sort()).toEqual(["pending", "withdrawn"]);
      await page.locator("tr", { hasText: again }).getByRole("link", { name: m["profiles.admin.markDone"] }).click();
      await page.getByRole("button", { name: m["profiles.admin.markDone"] }).click();
      await expect(page).toHaveURL(/\/admin\/deletion-requests$/);
      expect((await statuses()).sort()).toEqual(["done", "withdrawn"]);
    },
  );
}
