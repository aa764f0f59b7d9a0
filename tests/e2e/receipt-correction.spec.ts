/**
 * A decision's receipt recorded for a person, corrected at the office (issue 15, decision
 * 0142), on a phone, with and without JavaScript, in French and Arabic: a coach notes that
 * the person received the award; a colleague's page corrects the day; the coach's page,
 * opened before, is refused as stale (changing nothing, telling nobody), says so in an error
 * summary at the top of the form, under no earlier success note, keeps what was chosen
 * and shows the day on file beside it; saved again, it corrects how it was handed over. The person, signed in, reads one notification per
 * correction made, opens the application from it, and sees the corrected day on their home.
 * The coach, the person and the published award are written straight into the database
 * (`inDatabase`): awarding a grant takes a committee, which is not what this walk is about.
 */
import { expect, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { formatDate } from "../../app/i18n/translate";
import { makeApplication, makeCall } from "../factories/grants";
import {
  fitsThePhone,
  FR_AND_AR,
  journey,
  login,
  logout,
  newCoachFollowing,
  switchLanguage,
  SHOT,
  test,
} from "./fixtures";

const DAY = 86_400_000;

for (const [lang, m] of FR_AND_AR) {
  test(
    `a receipt corrected at the office, a stale page refused, the person told (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const tag = Math.random().toString(36).slice(2, 8);
      const title = lang === "ar" ? `منحة الحي ${tag}` : `Appel du quartier ${tag}`;
      let applicationId = "";
      const { coach, person } = await newCoachFollowing("Awa Recu", async (db, personId) => {
        await db.update(users).set({ locale: lang }).where(eq(users.id, personId));
        const call = await makeCall(db, {
          status: "decided",
          titleFr: title,
          titleAr: title,
          titleEn: title,
          opensAt: new Date(Date.now() - 60 * DAY),
          closesAt: new Date(Date.now() - 30 * DAY),
          reviewDeadline: new Date(Date.now() - 10 * DAY),
          publishedAt: new Date(Date.now() - 7 * DAY),
        });
        applicationId = (await makeApplication(db, { callId: call.id, applicantId: personId, status: "awarded" })).id;
      });
      const personUrl = `/office/people/${person.id}`;
      const today = moroccoToday();
      const yesterday = addDays(today, -1);
      const field = (p: Page, name: string) => p.locator(`#f-receipt-${applicationId}-${name}`);
      const recorded = (p: Page) => p.getByTestId("receipt-form").locator("p").first();

      // the coach notes that the person received the award today, in person
      await login(page, coach.email!);
      await switchLanguage(page, lang);
      await page.goto(personUrl);
      await page.locator("#f-received-applicationId").selectOption(applicationId);
      await page.locator("#f-received-how").selectOption("in_person");
      await page.getByRole("button", { name: m["office.received.submit"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["office.done.received"]);
      await expect(recorded(page)).toContainText(formatDate(lang, today));
      await expect(field(page, "receivedOn")).toHaveValue(today);

      // a colleague's page (another tab) corrects the day: it was handed over yesterday
      const other = await page.context().newPage();
      await other.goto(personUrl);
      await field(other, "receivedOn").fill(yesterday);
      await field(other, "reason").selectOption("typing_error");
      await other.getByRole("button", { name: m["office.receipts.correct"] }).click();
      await expect(other.getByRole("status")).toHaveText(m["office.done.receiptCorrected"]);
      await other.close();

      // the coach's page still holds today: its correction is refused, nothing changes; what
      // was chosen stays, and the day and how are flagged, each with what the receipt says now
      await field(page, "how").selectOption("phone");
      await field(page, "reason").selectOption("typing_error");
      await page.getByRole("button", { name: m["office.receipts.correct"] }).click();
      // the refusal opens the form it is about, in an error summary (before the receipt's title,
      // far above the buttons), each flagged field a link to it; with JavaScript, focus is on it
      const form = page.getByTestId("receipt-form");
      const summary = form.getByTestId("error-summary");
      await expect(summary).toContainText(m["office.errors.receiptStale"]);
      await expect(form.locator(":scope > *").first()).toHaveAttribute("data-testid", "error-summary");
      const summaryBox = (await summary.boundingBox())!;
      const buttonsBox = (await form.getByRole("button", { name: m["office.receipts.correct"] }).boundingBox())!;
      expect(summaryBox.y + summaryBox.height).toBeLessThan(buttonsBox.y);
      await expect(summary.locator(`a[href="#f-receipt-${applicationId}-receivedOn"]`)).toContainText(
        m["office.errors.receiptChangedOnFile"],
      );
      await expect(summary.locator(`a[href="#f-receipt-${applicationId}-how"]`)).toContainText(
        m["office.received.how"],
      );
      if (!testInfo.project.name.includes("no-js")) await expect(summary).toBeFocused();
      // the message is said once, at the top: not again under the buttons
      await expect(form.getByText(m["office.errors.receiptStale"])).toHaveCount(1);
      // nothing claims success: neither this correction nor the receipt recorded before, whose
      // note the address still names (?done=received), sits above a refused form
      await expect(page).toHaveURL(/[?&]done=received\b/);
      await expect(page.getByRole("status")).toHaveCount(0);
      await expect(page.locator("main")).not.toContainText(m["office.done.received"]);
      await expect(page.locator("main")).not.toContainText(m["office.done.receiptCorrected"]);
      await expect(field(page, "how")).toHaveValue("phone");
      await expect(field(page, "receivedOn")).toHaveValue(today);
      await expect(field(page, "receivedOn-error")).toHaveText(m["office.errors.receiptChangedOnFile"]);
      await expect(field(page, "receivedOn-on-file")).toContainText(formatDate(lang, yesterday));
      await expect(field(page, "how-on-file")).toContainText(m["office.received.how.in_person"]);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`stale-${lang}.png`), fullPage: true });
      await form.screenshot({ ...SHOT, path: testInfo.outputPath(`stale-form-${lang}.png`) });
      await fitsThePhone(page);

      // having looked, the coach keeps the colleague's day and saves again: saved
      await field(page, "receivedOn").fill(yesterday);
      await page.getByRole("button", { name: m["office.receipts.correct"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["office.done.receiptCorrected"]);
      await expect(recorded(page)).toContainText(formatDate(lang, yesterday));
      await expect(recorded(page)).toContainText(m["office.received.how.phone"]);
      await logout(page);

      // the person: one notification for each correction made, none for the refused one
      await login(page, person.email!);
      await switchLanguage(page, lang);
      await page.goto("/notifications");
      const told = m["office.notify.receiptCorrected"].replace("{call}", title);
      const items = page.locator("main li");
      await expect(items.filter({ hasText: told })).toHaveCount(2);
      await expect(page.locator("main")).not.toContainText(m["office.notify.receiptUndone"].replace("{call}", title));
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`notified-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
      // it leads to the application
      await items.filter({ hasText: told }).first().getByRole("link", { name: m["notifications.open"] }).click();
      await expect(page).toHaveURL(new RegExp(`/grants/applications/${applicationId}$`));
      await expect(page.locator("main")).toContainText(title);

      // on their home, what the office did for them says the corrected day and how
      await page.goto("/home");
      const done = page.getByTestId("done-for-me");
      await expect(done).toContainText(title);
      await expect(done).toContainText(formatDate(lang, yesterday));
      await expect(done).toContainText(m["office.received.how.phone"]);
      await fitsThePhone(page);
    },
  );
}
