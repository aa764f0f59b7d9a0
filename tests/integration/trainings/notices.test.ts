/**
 * Every step of a training leaves a message (issue 17): a seat, the waiting list, a seat
 * freed, a session moved. Each in the recipient's language, SMS honouring the opt-out,
 * and handed to a real local gateway once.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, trainingSessions } from "../../../db/schema";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { register } from "../../../app/modules/trainings/service.server";
import { moveSession } from "../../../app/modules/trainings/sessions.server";
import { markAttendance } from "../../../app/modules/trainings/service.server";
import { makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { inAppOf, outboxTo, personWithPhone, useFakeGateway } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const meta = { ip: "127.0.0.1" };
const startGateway = useFakeGateway();

const titles = { titleFr: "Gestion de stock", titleAr: "تدبير المخزون", titleEn: "Stock keeping" };

describe("a place in a cohort", () => {
  it("a seat and the waiting list are each announced, in the person's language, and reach the gateway once", async () => {
    const training = await makeTraining(t.db, titles);
    const cohort = await makeCohort(t.db, training.id, { capacity: 1 });
    const seated = await personWithPhone(t.db, "ar");
    const waiting = await personWithPhone(t.db, "en");
    expect(await register(t.db, seated, cohort.id, meta)).toMatchObject({ ok: true, status: "confirmed" });
    expect(await register(t.db, waiting, cohort.id, meta)).toMatchObject({ ok: true, status: "waiting" });

    const [seat] = await outboxTo(t.db, seated.id, "notify.trainingSeat");
    expect(seat).toMatchObject({ locale: "ar", recipient: seated.phone });
    expect(seat?.body).toContain("تدبير المخزون");
    expect(await outboxTo(t.db, seated.id, "notify.trainingWaiting")).toHaveLength(0);
    const [wait] = await outboxTo(t.db, waiting.id, "notify.trainingWaiting");
    expect(wait?.body).toMatch(/^Masar: .*Stock keeping.*waiting list/);
    expect(await outboxTo(t.db, waiting.id, "notify.trainingSeat")).toHaveLength(0);
    expect(await inAppOf(t.db, waiting.id, "notify.trainingWaiting")).toEqual([
      expect.objectContaining({ link: `/trainings/${training.id}` }),
    ]);

    const gateway = await startGateway();
    const sms = httpSmsTransport({ url: `${gateway.url}/sms` });
    await deliverOutbox(t.db, { email: null, sms });
    await deliverOutbox(t.db, { email: null, sms });
    const arrived = gateway.messages().filter((m) => m.id === seat!.id || m.id === wait!.id);
    expect(arrived.map((m) => m.to).sort()).toEqual([seated.phone, waiting.phone].sort());
    expect(gateway.requests().filter((r) => r.id === seat!.id)).toHaveLength(1);
    expect(arrived.find((m) => m.id === seat!.id)?.text).toBe(seat!.body);
  });

  it("a person who turned SMS off still sees it in the portal and by e-mail, but gets no SMS", async () => {
    const training = await makeTraining(t.db, titles);
    const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
    const quiet = await personWithPhone(t.db, "fr", { smsOptOut: true, email: `quiet-${Date.now()}@masar.test` });
    await register(t.db, quiet, cohort.id, meta);
    expect(await outboxTo(t.db, quiet.id, "notify.trainingSeat", "sms")).toHaveLength(0);
    const [mail] = await outboxTo(t.db, quiet.id, "notify.trainingSeat", "email");
    expect(mail?.body).toContain("Gestion de stock");
    expect(await inAppOf(t.db, quiet.id, "notify.trainingSeat")).toHaveLength(1);
  });
});

describe("a session moved", () => {
  async function cohortWithPeople() {
    const training = await makeTraining(t.db, titles);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    const [session] = await makeSessions(t.db, cohort.id, 1, "2030-06-10");
    const a = await personWithPhone(t.db, "fr");
    const b = await personWithPhone(t.db, "ar");
    const waiting = await personWithPhone(t.db, "fr");
    for (const p of [a, b, waiting]) await register(t.db, p, cohort.id, meta);
    return { training, cohort, session: session!, a, b, waiting };
  }
  const admin = () => makeUser(t.db, { role: "admin" });
  // where the factory's sessions take place
  const rabat = { placeFr: "Rabat, salle 2" };

  it("tells each person holding a seat the new day and time on Morocco's clock, not the waiting list", async () => {
    const { session, a, b, waiting } = await cohortWithPeople();
    const actor = await admin();
    const result = await moveSession(t.db, actor, session.id, { date: "2030-06-12", time: "14:30", ...rabat }, meta);
    expect(result).toEqual({ ok: true, moved: true, told: 2 });
    const [moved] = await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, session.id));
    // Morocco is UTC+1 outside Ramadan (January 2030 is in it, June is not): 14:30 there is 13:30 UTC
    expect(moved?.startsAt.toISOString()).toBe("2030-06-12T13:30:00.000Z");
    const [fr] = await outboxTo(t.db, a.id, "notify.trainingSessionMoved");
    expect(fr?.body).toBe("Masar : séance de « Gestion de stock » déplacée au 12/06/2030 à 14:30 (Rabat, salle 2).");
    expect(fr?.actorId).toBe(actor.id);
    const [ar] = await outboxTo(t.db, b.id, "notify.trainingSessionMoved");
    expect(ar?.body).toContain("تدبير المخزون");
    expect(ar?.body).toContain("12/06/2030");
    expect(await outboxTo(t.db, waiting.id, "notify.trainingSessionMoved")).toHaveLength(0);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training.session.move"), eq(auditLog.entityId, session.id)));
    expect(audits).toHaveLength(1);
  });

  it("refuses a session already held, or a time in the past, and tells nobody", async () => {
    const { session, a, b } = await cohortWithPeople();
    const actor = await admin();
    const past = await moveSession(t.db, actor, session.id, { date: "2020-01-12", time: "14:30", ...rabat }, meta);
    expect(past).toMatchObject({ ok: false, status: 409, errors: { date: "trainings.errors.sessionInPast" } });
    const marks = new Map([
      [a.id, "present" as const],
      [b.id, "absent" as const],
    ]);
    // the register is taken on the session's day
    const onTheDay = { ...meta, now: session.startsAt };
    expect(await markAttendance(t.db, actor, session.id, marks, onTheDay)).toMatchObject({ ok: true });
    const held = await moveSession(t.db, actor, session.id, { date: "2030-07-01", time: "09:00", ...rabat }, meta);
    expect(held).toMatchObject({ ok: false, status: 409, errors: { date: "trainings.errors.sessionHeld" } });
    const [still] = await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, session.id));
    expect(still?.startsAt.getTime()).toBe(session.startsAt.getTime());
    expect(await outboxTo(t.db, a.id, "notify.trainingSessionMoved")).toHaveLength(0);
  });

  it("the same time and place again is no move: nobody is told twice", async () => {
    const { session, a } = await cohortWithPeople();
    const actor = await admin();
    const same = { date: "2030-06-10", time: "09:00", ...rabat };
    expect(await moveSession(t.db, actor, session.id, same, meta)).toEqual({ ok: true, moved: false, told: 0 });
    expect(await outboxTo(t.db, a.id, "notify.trainingSessionMoved")).toHaveLength(0);
    expect(await moveSession(t.db, actor, "not-a-uuid", same, meta)).toMatchObject({ status: 404 });
  });

  it("a new place at the same time is a move: each person reads the place in her language", async () => {
    const { session, a, b } = await cohortWithPeople();
    const actor = await admin();
    const place = { placeFr: "Salle Atlas, Salé", placeAr: "قاعة الأطلس، سلا" };
    const result = await moveSession(t.db, actor, session.id, { date: "2030-06-10", time: "09:00", ...place }, meta);
    expect(result).toEqual({ ok: true, moved: true, told: 2 });
    const [moved] = await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, session.id));
    expect(moved).toMatchObject({ placeFr: "Salle Atlas, Salé", placeAr: "قاعة الأطلس، سلا", placeEn: null });
    expect((await outboxTo(t.db, a.id, "notify.trainingSessionMoved"))[0]?.body).toContain("(Salle Atlas, Salé)");
    expect((await outboxTo(t.db, b.id, "notify.trainingSessionMoved"))[0]?.body).toContain("(قاعة الأطلس، سلا)");
    // online: the link stays on the training's page, the SMS says "online" in each language
    const online = { date: "2030-06-11", time: "18:00", onlineLink: "https://meet.example.org/masar-stock" };
    await moveSession(t.db, actor, session.id, online, meta);
    const texts = (await outboxTo(t.db, b.id, "notify.trainingSessionMoved")).map((m) => m.body);
    expect(texts).toContain("مسار: نُقلت حصة «تدبير المخزون» إلى 11/06/2030 على الساعة 18:00 (عن بعد).");
  });

  it("a person who turned SMS off is told in the portal and by e-mail, not by SMS", async () => {
    const training = await makeTraining(t.db, titles);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    const [session] = await makeSessions(t.db, cohort.id, 1, "2030-06-10");
    const quiet = await personWithPhone(t.db, "en", { smsOptOut: true, email: `quiet-move-${Date.now()}@masar.test` });
    await register(t.db, quiet, cohort.id, meta);
    await moveSession(t.db, await admin(), session!.id, { date: "2030-06-12", time: "10:00", ...rabat }, meta);
    expect(await outboxTo(t.db, quiet.id, "notify.trainingSessionMoved", "sms")).toHaveLength(0);
    const [mail] = await outboxTo(t.db, quiet.id, "notify.trainingSessionMoved", "email");
    // the place was typed in French only: marked as such in the recipient's language
    expect(mail?.body).toBe(
      "A session of the training “Stock keeping” now takes place on 12/06/2030 at 10:00, at: Rabat, salle 2 (in French).",
    );
    expect(await inAppOf(t.db, quiet.id, "notify.trainingSessionMoved")).toHaveLength(1);
  });

  it("only the session's trainer or an admin moves it: another coach is refused and nobody is told", async () => {
    const { session, a } = await cohortWithPeople();
    const trainer = await makeUser(t.db, { role: "coach" });
    const other = await makeUser(t.db, { role: "coach" });
    await t.db.update(trainingSessions).set({ trainerId: trainer.id }).where(eq(trainingSessions.id, session.id));
    const to = { date: "2030-06-13", time: "09:00", ...rabat };
    expect(await moveSession(t.db, other, session.id, to, meta)).toMatchObject({ ok: false, status: 403 });
    expect(await outboxTo(t.db, a.id, "notify.trainingSessionMoved")).toHaveLength(0);
    expect(await moveSession(t.db, trainer, session.id, to, meta)).toMatchObject({ ok: true, moved: true });
  });
});
