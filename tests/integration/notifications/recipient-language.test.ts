/**
 * A message is written in its recipient's language, whoever caused it: the template and
 * the title staff keep in three languages (issue 14). A title not yet translated falls
 * back to French, never to nothing, followed by "(in French)" in the recipient's language.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, trainingRegistrations } from "../../../db/schema";
import { cancelRegistration, register } from "../../../app/modules/trainings/service.server";
import { amountText } from "../../../app/modules/notifications/rules";
import { notify } from "../../../app/modules/notifications/service.server";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

let phoneSeq = 0;
async function person(locale: "fr" | "ar" | "en") {
  phoneSeq += 1;
  const phone = `+2126${String(Date.now() % 1e6).padStart(6, "0")}${String(phoneSeq).padStart(2, "0")}`;
  return makeUser(t.db, { phone, locale });
}

/** The SMS a person was sent about a kind of event. */
async function smsTo(userId: string, kind: string) {
  return t.db
    .select({ body: outbox.body, locale: outbox.locale })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.kind, kind), eq(outbox.channel, "sms")));
}

/** A seat freed by a French speaker goes to the next on the list: what is that person told? */
async function promoteAfterCancel(training: { id: string }, waitingLocale: "fr" | "ar" | "en") {
  const cohort = await makeCohort(t.db, training.id, { capacity: 1 });
  const sender = await person("fr");
  const waiting = await person(waitingLocale);
  expect(await register(t.db, sender, cohort.id, meta)).toMatchObject({ ok: true });
  await register(t.db, waiting, cohort.id, meta);
  const [seat] = await t.db
    .select({ id: trainingRegistrations.id })
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.cohortId, cohort.id), eq(trainingRegistrations.userId, sender.id)));
  expect(await cancelRegistration(t.db, sender, seat!.id, meta)).toMatchObject({ promotedUserId: waiting.id });
  return waiting;
}

describe("messages in the recipient's language", () => {
  it("a seat freed by a French speaker is announced in Arabic, with the training's Arabic title", async () => {
    const training = await makeTraining(t.db, {
      titleFr: "Savoir-être au travail",
      titleAr: "السلوك في العمل",
      titleEn: "Soft skills at work",
    });
    const waiting = await promoteAfterCancel(training, "ar");
    const sms = await smsTo(waiting.id, "notify.trainingPromoted");
    expect(sms).toHaveLength(1);
    expect(sms[0]!.locale).toBe("ar");
    expect(sms[0]!.body).toContain("السلوك في العمل");
    expect(sms[0]!.body).not.toContain("Savoir-être");
  });

  it("the in-app list shows the title in the language its reader uses now", async () => {
    const training = await makeTraining(t.db, {
      titleFr: "Compétences numériques",
      titleAr: "المهارات الرقمية",
      titleEn: "Digital skills",
    });
    const waiting = await promoteAfterCancel(training, "ar");
    const client = app.client();
    client.cookies.set("lng", "en");
    await client.login(waiting.phone!, DEMO_PASSWORD);
    const en = await (await client.get("/notifications")).text();
    expect(en).toContain("Digital skills");
    expect(en).not.toContain("Compétences numériques");
  });

  it("a title not translated yet falls back to French, marked as French in the recipient's language as pages mark it", async () => {
    const training = await makeTraining(t.db, { titleFr: "Darija au quotidien", titleAr: "", titleEn: "" });
    const english = await promoteAfterCancel(training, "en");
    const [sms] = await smsTo(english.id, "notify.trainingPromoted");
    expect(sms?.body).toContain("Darija au quotidien (in French)");
    expect(sms?.body).toMatch(/^Masar: seat confirmed/);
    const arabic = await promoteAfterCancel(training, "ar");
    const [arSms] = await smsTo(arabic.id, "notify.trainingPromoted");
    expect(arSms?.locale).toBe("ar");
    expect(arSms?.body).toContain("Darija au quotidien (بالفرنسية)");
    // a French reader reads French: nothing to mark
    const french = await promoteAfterCancel(training, "fr");
    const [frSms] = await smsTo(french.id, "notify.trainingPromoted");
    expect(frSms?.body).toContain("Darija au quotidien");
    expect(frSms?.body).not.toContain("(en français)");
  });

  it("an amount is written as the recipient's language writes it, in the GSM alphabet for French", async () => {
    const fr = await person("fr");
    const ar = await person("ar");
    for (const who of [fr, ar]) {
      await notify(t.db, {
        userId: who.id,
        kind: "grants.notify.paid",
        params: { amount: amountText(1_234_500) },
        channels: ["sms"],
      });
    }
    const [frSms] = await smsTo(fr.id, "grants.notify.paid");
    const [arSms] = await smsTo(ar.id, "grants.notify.paid");
    expect(frSms?.body).toContain("12.345,00 MAD"); // fr-MA groups thousands with a dot (decision 0012)
    expect(arSms?.body).toContain("د.م.");
    const [frRow] = await t.db.select({ encoding: outbox.encoding }).from(outbox).where(eq(outbox.userId, fr.id));
    expect(frRow?.encoding).toBe("gsm7");
  });
});
