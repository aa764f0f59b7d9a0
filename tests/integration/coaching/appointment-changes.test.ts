/**
 * A follow-up appointment moved, cancelled, and recalled the day before (issue 17): the
 * person is told each change in her language; only the member of staff who set it (or an
 * admin) may change it; the reminder goes out once, even with several servers at once.
 */
import { and, eq, inArray } from "drizzle-orm";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { auditLog, coachAssignments, coachingAppointments, outbox } from "../../../db/schema";
import {
  cancelAppointment,
  moveAppointment,
  queueAppointmentReminders,
  scheduleAppointment,
} from "../../../app/modules/coaching/appointments.server";
import { reminderDueAt } from "../../../app/modules/coaching/rules";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { createOutageMonitor } from "../../../app/server/database-down.server";
import { createLogger } from "../../../app/server/logger.server";
import { startOutboxWorker } from "../../../app/server/outbox-worker.server";
import { addDays, moroccoInstant, moroccoToday } from "../../../app/lib/morocco-time";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { coachAndPerson, dayAhead, outboxTo, useFakeGateway } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };
const startGateway = useFakeGateway();

async function followed(locale: "fr" | "ar" | "en" = "fr", overrides: Parameters<typeof coachAndPerson>[2] = {}) {
  return coachAndPerson(t.db, locale, overrides);
}

async function appointmentSet(locale: "fr" | "ar" | "en" = "fr", days = 20, time = "10:30") {
  const { coach, person } = await followed(locale);
  const result = await scheduleAppointment(t.db, coach, person.id, { date: dayAhead(days).date, time }, meta);
  if (!result.ok || !result.id) throw new Error("appointment not set");
  return { coach, person, id: result.id };
}

async function appointment(id: string) {
  const [row] = await t.db.select().from(coachingAppointments).where(eq(coachingAppointments.id, id));
  return row!;
}

describe("moving and cancelling on the appointment's page", () => {
  it("the coach moves it: the person is told the new day and time in Arabic, and the change is audited", async () => {
    const { coach, person, id } = await appointmentSet("ar");
    const c = app.client();
    await c.login(coach.email!, DEMO_PASSWORD);
    const page = await c.get(`/coaching/appointments/${id}`);
    expect(page.status).toBe(200);
    const day = dayAhead(25);
    const moved = await c.post(`/coaching/appointments/${id}`, { intent: "move", date: day.date, time: "16:00" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe(`/coaching/appointments/${id}?moved=1`);
    const row = await appointment(id);
    expect(row.startsAt.getTime()).toBe(moroccoInstant(day.date, "16:00").getTime());
    expect(row.remindAt.getTime()).toBe(reminderDueAt(row.startsAt).getTime());
    const [sms] = await outboxTo(t.db, person.id, "notify.followUpMoved");
    expect(sms?.body).toBe(`مسار: نُقل موعد المتابعة إلى ${day.written} على الساعة 16:00.`);
    expect(sms?.actorId).toBe(coach.id);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "coaching.appointment.move"), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(1);
    // the page says where the message stands, never "sent" before a gateway took it
    const after = await (await c.get(`/coaching/appointments/${id}?moved=1`)).text();
    expect(after).toContain("Rendez-vous déplacé.");
    expect(after).not.toContain("Accepté par la passerelle");
  });

  it("a refused move says why, with the date typed kept, and changes nothing", async () => {
    const { coach, person, id } = await appointmentSet("fr");
    const c = app.client();
    await c.login(coach.email!, DEMO_PASSWORD);
    const before = await appointment(id);
    const bad = await c.post(`/coaching/appointments/${id}`, { intent: "move", date: "2027-02-31", time: "10:00" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Il y a un problème");
    expect(badPage).toContain("Cette valeur n&#x27;est pas valide.");
    const past = await c.post(`/coaching/appointments/${id}`, { intent: "move", date: "2020-01-01", time: "10:00" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("Choisissez une date et une heure à venir.");
    // onto another appointment of hers at the same instant
    const other = dayAhead(30);
    await scheduleAppointment(t.db, coach, person.id, { date: other.date, time: "09:00" }, meta);
    const taken = await c.post(`/coaching/appointments/${id}`, { intent: "move", date: other.date, time: "09:00" });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Cette personne a déjà un rendez-vous à cette date et cette heure.");
    expect((await appointment(id)).startsAt.getTime()).toBe(before.startsAt.getTime());
    expect(await outboxTo(t.db, person.id, "notify.followUpMoved")).toHaveLength(0);
  });

  it("cancelling goes through a confirmation step; the person is told once; a cancelled one no longer changes", async () => {
    const { coach, person, id } = await appointmentSet("fr", 12, "11:00");
    const c = app.client();
    await c.login(coach.email!, DEMO_PASSWORD);
    const path = `/coaching/appointments/${id}`;
    const unconfirmed = await c.post(path, { intent: "cancel" });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe(`${path}?confirm=cancel`);
    expect((await appointment(id)).cancelledAt).toBeNull();
    const step = await (await c.get(`${path}?confirm=cancel`)).text();
    expect(step).toContain('data-testid="confirm-step"');
    const done = await c.post(path, { intent: "cancel", confirm: "cancel" });
    expect(done.status).toBe(302);
    expect((await appointment(id)).cancelledAt).not.toBeNull();
    const [sms] = await outboxTo(t.db, person.id, "notify.followUpCancelled");
    expect(sms?.body).toBe(`Masar : rendez-vous de suivi du ${dayAhead(12).written} à 11:00 annulé.`);
    const again = await c.post(path, { intent: "cancel", confirm: "cancel" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Ce rendez-vous est annulé\u00a0: il ne peut plus changer.");
    const move = await c.post(path, { intent: "move", date: dayAhead(14).date, time: "10:00" });
    expect(move.status).toBe(409);
    expect(await outboxTo(t.db, person.id, "notify.followUpCancelled")).toHaveLength(1);
    // gone from the file's list; the same time may be set again
    expect(await (await c.get(`/coaching/beneficiaries/${person.id}`)).text()).not.toContain(path);
    const reset = await scheduleAppointment(t.db, coach, person.id, { date: dayAhead(12).date, time: "11:00" }, meta);
    expect(reset).toMatchObject({ ok: true, id: expect.any(String) });
  });

  it("cancelled twice at once (two tabs, a double tap): one cancellation, one message", async () => {
    const { coach, person, id } = await appointmentSet("fr", 11);
    const results = await Promise.all([1, 2, 3].map(() => cancelAppointment(t.db, coach, id, meta)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ status: 409, errors: { form: "coaching.errors.appointmentCancelled" } }),
      expect.objectContaining({ status: 409, errors: { form: "coaching.errors.appointmentCancelled" } }),
    ]);
    expect(await outboxTo(t.db, person.id, "notify.followUpCancelled")).toHaveLength(1);
  });

  it("only the coach who set it, still following the person, or an admin may open or change it", async () => {
    const { coach, person, id } = await appointmentSet("fr");
    const path = `/coaching/appointments/${id}`;
    const as = async (user: { email: string | null }) => {
      const c = app.client();
      await c.login(user.email!, DEMO_PASSWORD);
      return c;
    };
    const other = await makeUser(t.db, { role: "coach" });
    const otherClient = await as(other);
    expect((await otherClient.get(path)).status).toBe(404);
    expect((await otherClient.post(path, { intent: "cancel", confirm: "cancel" })).status).toBe(404);
    expect((await otherClient.post(path, { intent: "move", date: dayAhead(9).date, time: "10:00" })).status).toBe(404);
    const applicant = await as(await makeUser(t.db, {}));
    expect((await applicant.get(path)).status).toBe(403);
    expect((await applicant.post(path, { intent: "cancel", confirm: "cancel" })).status).toBe(403);
    const admin = await as(await makeUser(t.db, { role: "admin" }));
    expect((await (await as(coach)).get(path)).status).toBe(200);
    expect((await admin.get(path)).status).toBe(200);
    // the person moves to the other coach: he follows her now but did not set it, and the
    // coach who set it no longer follows her
    await t.db
      .update(coachAssignments)
      .set({ endedAt: new Date() })
      .where(eq(coachAssignments.beneficiaryId, person.id));
    await t.db.insert(coachAssignments).values({ coachId: other.id, beneficiaryId: person.id });
    expect((await otherClient.get(path)).status).toBe(404);
    expect((await (await as(coach)).post(path, { intent: "cancel", confirm: "cancel" })).status).toBe(404);
    expect((await admin.get(path)).status).toBe(200);
    expect((await appointment(id)).cancelledAt).toBeNull();
    // the service holds the same line for any caller
    expect(await cancelAppointment(t.db, other, id, meta)).toMatchObject({ ok: false, status: 404 });
    expect(await moveAppointment(t.db, other, id, { date: dayAhead(9).date, time: "10:00" }, meta)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await outboxTo(t.db, person.id, "notify.followUpCancelled")).toHaveLength(0);
    expect((await app.client().get(path)).status).toBe(302);
    expect((await (await as(coach)).get("/coaching/appointments/not-an-id")).status).toBe(404);
  });
});

describe("the reminder the day before", () => {
  it("goes out at 09:00 Morocco time the day before, in her language, once", async () => {
    const { person, id } = await appointmentSet("en", 20, "10:30");
    const row = await appointment(id);
    const dueAt = moroccoInstant(addDays(moroccoToday(row.startsAt), -1), "09:00");
    expect(row.remindAt.getTime()).toBe(dueAt.getTime());
    // other tests' appointments share the database: count this person's messages
    await queueAppointmentReminders(t.db, new Date(dueAt.getTime() - 60_000));
    expect(await outboxTo(t.db, person.id, "notify.followUpReminder")).toHaveLength(0);
    await queueAppointmentReminders(t.db, dueAt);
    await queueAppointmentReminders(t.db, new Date(dueAt.getTime() + 3_600_000));
    expect(await outboxTo(t.db, person.id, "notify.followUpReminder", "email")).toHaveLength(0);
    const reminders = await outboxTo(t.db, person.id, "notify.followUpReminder");
    expect(reminders).toHaveLength(1);
    const [sms] = reminders;
    expect(sms?.body).toBe(`Masar: reminder, follow-up appointment on ${dayAhead(20).written} at 10:30.`);
    // not worth sending once the appointment has started
    const [message] = await t.db.select().from(outbox).where(eq(outbox.id, sms!.id));
    expect(message?.expiresAt.getTime()).toBe(row.startsAt.getTime());
  });

  it("several servers at once write one reminder per appointment", async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await appointmentSet("fr", 3, "10:00"));
    const dueAt = (await appointment(people[0]!.id)).remindAt;
    const counts = await Promise.all(Array.from({ length: 5 }, () => queueAppointmentReminders(t.db, dueAt)));
    const marked = await t.db.select().from(coachingAppointments).where(eq(coachingAppointments.remindedAt, dueAt));
    expect(marked.length).toBeGreaterThanOrEqual(6);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(marked.length);
    for (const p of people) expect(await outboxTo(t.db, p.person.id, "notify.followUpReminder")).toHaveLength(1);
  });

  it("none for a cancelled appointment, none late, one again for a moved one, none when just told", async () => {
    const cancelled = await appointmentSet("fr", 8);
    await cancelAppointment(t.db, cancelled.coach, cancelled.id, meta);
    const late = await appointmentSet("fr", 9);
    const moved = await appointmentSet("fr", 10);
    const lateRow = await appointment(late.id);
    // the server was down from the day before until after the appointment: nothing late
    await queueAppointmentReminders(t.db, new Date(lateRow.startsAt.getTime() + 60_000));
    expect(await outboxTo(t.db, late.person.id, "notify.followUpReminder")).toHaveLength(0);
    // reminded (by that round: it is due the day before, at 09:00), then moved a week later:
    // reminded again the day before the new date
    const first = await appointment(moved.id);
    expect(first.remindedAt).not.toBeNull();
    expect(await outboxTo(t.db, moved.person.id, "notify.followUpReminder")).toHaveLength(1);
    const now = new Date(first.remindAt.getTime() + 60_000);
    await moveAppointment(t.db, moved.coach, moved.id, { date: dayAhead(17).date, time: "10:30" }, { ...meta, now });
    const second = await appointment(moved.id);
    expect(second.remindedAt).toBeNull();
    await queueAppointmentReminders(t.db, second.remindAt);
    expect(await outboxTo(t.db, moved.person.id, "notify.followUpReminder")).toHaveLength(2);
    expect(await outboxTo(t.db, cancelled.person.id, "notify.followUpReminder")).toHaveLength(0);
    // set at 15:00 for tomorrow: the message that set it is the reminder
    const { coach, person } = await followed("fr");
    const tomorrow = addDays(moroccoToday(), 1);
    const at1500 = moroccoInstant(moroccoToday(), "15:00");
    const soon = await scheduleAppointment(
      t.db,
      coach,
      person.id,
      { date: tomorrow, time: "10:00" },
      { ...meta, now: at1500 },
    );
    expect((await appointment(soon.ok ? soon.id! : "")).remindedAt).not.toBeNull();
  });

  it("a person who turned SMS off is reminded by e-mail and in the portal, not by SMS", async () => {
    const { coach, person } = await followed("fr", { smsOptOut: true, email: `quiet-${Date.now()}@masar.test` });
    const set = await scheduleAppointment(t.db, coach, person.id, { date: dayAhead(6).date, time: "14:00" }, meta);
    const row = await appointment(set.ok ? set.id! : "");
    await queueAppointmentReminders(t.db, row.remindAt);
    expect(await outboxTo(t.db, person.id, "notify.followUpReminder", "sms")).toHaveLength(0);
    const [mail] = await outboxTo(t.db, person.id, "notify.followUpReminder", "email");
    expect(mail?.body).toBe(`Rappel\u00a0: vous avez un rendez-vous de suivi le ${dayAhead(6).written} à 14:00.`);
  });

  it("the outbox worker writes it and hands it over: two servers ticking at once, one SMS at the gateway", async () => {
    // the other tests' messages out of the way: this round carries this person's only
    await t.db
      .update(outbox)
      .set({ state: "expired" })
      .where(inArray(outbox.state, ["queued", "not_configured"]));
    const { person, id } = await appointmentSet("ar", 4, "09:30");
    // its reminder fell due a minute ago (the worker reads the real clock)
    await t.db
      .update(coachingAppointments)
      .set({ remindAt: new Date(Date.now() - 60_000) })
      .where(eq(coachingAppointments.id, id));
    const gateway = await startGateway();
    const sms = httpSmsTransport({ url: `${gateway.url}/sms` });
    const log = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) });
    const workers = [0, 1].map(() =>
      startOutboxWorker({
        db: t.db,
        transports: { email: null, sms },
        intervalMs: 3_600_000,
        log,
        monitor: createOutageMonitor({ db: t.db, log }),
      }),
    );
    try {
      await Promise.all(workers.map((w) => w.tick()));
      await Promise.all(workers.map((w) => w.tick()));
    } finally {
      await Promise.all(workers.map((w) => w.drain()));
    }
    const reminders = await outboxTo(t.db, person.id, "notify.followUpReminder");
    expect(reminders).toEqual([expect.objectContaining({ state: "accepted" })]);
    expect(gateway.requests().filter((r) => r.id === reminders[0]!.id)).toEqual([
      expect.objectContaining({
        to: person.phone,
        text: `مسار: تذكير بموعد المتابعة يوم ${dayAhead(4).written} على الساعة 09:30.`,
      }),
    ]);
  });
});
