/**
 * Moving a training session and a follow-up appointment on a 375 px phone, with and
 * without JavaScript, in French and Arabic (issue 17): a refused move shows the error
 * summary and changes nothing; a move reaches each participant's phone in her language,
 * read back from the fake SMS gateway the run's server delivers to (tests/e2e/server.ts);
 * cancelling an appointment goes through its confirmation step and tells the person.
 */
import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { coachAssignments, trainingSessions, users } from "../../db/schema";
import { ar } from "../../app/i18n/locales/ar/index";
import { fr } from "../../app/i18n/locales/fr/index";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { normalizePhone } from "../../app/modules/auth/rules";
import { scheduleAppointment } from "../../app/modules/coaching/appointments.server";
import { register } from "../../app/modules/trainings/service.server";
import { makeUser } from "../factories";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { e2eDatabaseUrl, fitsThePhone, login, switchLanguage, uniquePhone, journey, SHOT, test } from "./fixtures";
import { smsContaining } from "./sms-gateway";

const TEXT = { fr, ar } as const;

/** What Morocco's clock reads `days` from today, as a form takes it and as an SMS writes it. */
function dayAhead(days: number) {
  const date = addDays(moroccoToday(), days);
  const [y, m, d] = date.split("-");
  return { date, written: `${d}/${m}/${y}` };
}

/** A session given by coach@masar.test in three weeks, and a participant reading `lang` with a phone. */
async function sessionWithParticipant(lang: "fr" | "ar") {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const db = handle.db;
    const [coach] = await db.select().from(users).where(eq(users.email, "coach@masar.test"));
    const training = await makeTraining(db, { titleFr: "Gestion de stock", titleAr: "تدبير المخزون" });
    const cohort = await makeCohort(db, training.id, { startsOn: moroccoToday(), endsOn: dayAhead(40).date });
    const [session] = await makeSessions(db, cohort.id, 1, dayAhead(21).date);
    await db.update(trainingSessions).set({ trainerId: coach!.id }).where(eq(trainingSessions.id, session!.id));
    const person = await makeUser(db, { phone: normalizePhone(uniquePhone())!, locale: lang });
    await register(db, person, cohort.id, {});
    return { cohortId: cohort.id, sessionId: session!.id, phone: person.phone! };
  } finally {
    await handle.close();
  }
}

/** A follow-up appointment coach@masar.test set with a person she follows, reading `lang`. */
async function appointmentWith(lang: "fr" | "ar") {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const db = handle.db;
    const [coach] = await db.select().from(users).where(eq(users.email, "coach@masar.test"));
    const person = await makeUser(db, {
      phone: normalizePhone(uniquePhone())!,
      locale: lang,
      displayName: lang === "ar" ? "فاطمة الزهراء" : "Fatou Camara",
    });
    await db.insert(coachAssignments).values({ coachId: coach!.id, beneficiaryId: person.id });
    const set = await scheduleAppointment(db, coach!, person.id, { date: dayAhead(15).date, time: "10:30" }, {});
    if (!set.ok || !set.id) throw new Error("appointment not set");
    return { id: set.id, phone: person.phone! };
  } finally {
    await handle.close();
  }
}

for (const lang of ["fr", "ar"] as const) {
  const m = TEXT[lang];

  test(
    `a session moved from its page reaches the participant's phone (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const s = await sessionWithParticipant(lang);
      await login(page, "coach@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/trainings/cohorts/${s.cohortId}`);
      await page.getByRole("link", { name: m["trainings.moveSession"] }).click();
      await expect(page).toHaveURL(new RegExp(`/trainings/sessions/${s.sessionId}/move$`));
      await expect(page.locator('input[name="placeFr"]')).toHaveValue("Rabat, salle 2");
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`move-session-${lang}.png`), fullPage: true });

      // into the past: refused, said at the top, nothing moved and nobody told
      await page.locator('input[name="date"]').fill("2020-01-10");
      await page.locator('input[name="time"]').fill("10:00");
      await page.getByRole("button", { name: m["trainings.move.save"] }).click();
      await expect(page.getByTestId("error-summary")).toContainText(m["trainings.errors.sessionInPast"]);
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`move-session-refused-${lang}.png`), fullPage: true });

      const day = dayAhead(23);
      await page.locator('input[name="date"]').fill(day.date);
      await page.locator('input[name="time"]').fill("14:30");
      await page.locator('input[name="placeFr"]').fill("Salle Atlas, Salé");
      await page.locator('input[name="placeAr"]').fill("قاعة الأطلس، سلا");
      await page.getByRole("button", { name: m["trainings.move.save"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["trainings.move.saved"]);
      const sms = await smsContaining(s.phone, day.written);
      expect(sms).toBe(
        lang === "ar"
          ? `مسار: نُقلت حصة «تدبير المخزون» إلى ${day.written} على الساعة 14:30 (قاعة الأطلس، سلا).`
          : `Masar : séance de « Gestion de stock » déplacée au ${day.written} à 14:30 (Salle Atlas, Salé).`,
      );
      // the page tells where the messages stand: accepted by the gateway once it was (the
      // outbox records the gateway's answer just after the SMS arrives: reload until it has)
      await expect(async () => {
        await page.reload();
        await expect(page.locator("[data-sent-messages] .message-state-ok").first()).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`move-session-done-${lang}.png`), fullPage: true });
    },
  );

  test(
    `an appointment moved, then cancelled after its confirmation step (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      const a = await appointmentWith(lang);
      await login(page, "coach@masar.test");
      await switchLanguage(page, lang);
      await page.goto(`/coaching/appointments/${a.id}`);
      await fitsThePhone(page);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`appointment-${lang}.png`), fullPage: true });
      const day = dayAhead(16);
      await page.locator('input[name="date"]').fill(day.date);
      await page.locator('input[name="time"]').fill("11:00");
      await page.getByRole("button", { name: m["coaching.appointment.move"] }).click();
      await expect(page.getByRole("status")).toHaveText(m["coaching.appointment.moved"]);
      expect(await smsContaining(a.phone, day.written)).toContain("11:00");

      await page.getByRole("link", { name: m["coaching.appointment.cancel"] }).click();
      await expect(page.getByTestId("confirm-step")).toBeVisible();
      await fitsThePhone(page);
      await page.screenshot({
        ...SHOT,
        path: testInfo.outputPath(`appointment-cancel-step-${lang}.png`),
        fullPage: true,
      });
      await page.getByRole("button", { name: m["coaching.confirm.cancel.button"] }).click();
      await expect(page.getByTestId("appointment-cancelled")).toBeVisible();
      const cancelled = await smsContaining(a.phone, lang === "ar" ? "أُلغي" : "annulé");
      expect(cancelled).toContain(day.written);
      await page.screenshot({
        ...SHOT,
        path: testInfo.outputPath(`appointment-cancelled-${lang}.png`),
        fullPage: true,
      });
    },
  );
}
