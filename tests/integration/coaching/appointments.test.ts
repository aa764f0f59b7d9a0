/**
 * A follow-up appointment leaves a message (issue 17): the coach sets it on the person's
 * file, the person is told the day and time in her language and sees it on her home page,
 * and the coach sees where the SMS stands (never "sent" before a gateway took it).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachingAppointments } from "../../../db/schema";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { scheduleAppointment } from "../../../app/modules/coaching/appointments.server";
import { moroccoInstant } from "../../../app/lib/morocco-time";
import { makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { coachAndPerson, dayAhead, outboxTo, useFakeGateway } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };
const startGateway = useFakeGateway();

async function followed(locale: "fr" | "ar" | "en" = "fr") {
  return coachAndPerson(t.db, locale);
}

async function appointmentsOf(userId: string) {
  return t.db.select().from(coachingAppointments).where(eq(coachingAppointments.beneficiaryId, userId));
}

describe("a follow-up appointment", () => {
  it("set on the file: the person is told in Arabic, sees it at home, and the coach sees the SMS is not sent yet", async () => {
    const { coach, person } = await followed("ar");
    const c = await app.signedIn(coach.email!);
    const path = `/coaching/beneficiaries/${person.id}`;
    const day = dayAhead(30);
    const set = await c.post(path, { intent: "appointment", date: day.date, time: "10:30" });
    expect(set.status).toBe(302);
    const [appointment] = await appointmentsOf(person.id);
    // typed on Morocco's clock (morocco-clock.test.ts holds the conversion itself)
    expect(appointment?.startsAt.getTime()).toBe(moroccoInstant(day.date, "10:30").getTime());
    const [sms] = await outboxTo(t.db, person.id, "notify.followUpAppointment");
    expect(sms).toMatchObject({ locale: "ar", recipient: person.phone, actorId: coach.id });
    expect(sms?.body).toContain(day.written);
    expect(sms?.body).toContain("10:30");
    expect(sms?.body).toMatch(/^مسار/);

    // no gateway on this server: the coach reads "not sent", never "sent"
    await deliverOutbox(t.db, { email: null, sms: null });
    const page = await (await c.get(path)).text();
    expect(page).toContain("Non envoyé\u00a0: aucune passerelle SMS configurée");
    expect(page).not.toContain("Accepté par la passerelle");

    const p = await app.signedIn(person.phone!);
    const home = await (await p.get("/home")).text();
    expect(home).toContain("Youssef Amrani");
    expect(home).toContain("data-appointments");
  });

  it("reaches a real gateway once, even when the form was sent twice at once", async () => {
    const { coach, person } = await followed("fr");
    const day = dayAhead(45);
    const input = { date: day.date, time: "15:00" };
    const results = await Promise.all([
      scheduleAppointment(t.db, coach, person.id, input, meta),
      scheduleAppointment(t.db, coach, person.id, input, meta),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await appointmentsOf(person.id)).toHaveLength(1);
    const sms = await outboxTo(t.db, person.id, "notify.followUpAppointment");
    expect(sms.map((m) => m.body)).toEqual([`Masar : rendez-vous de suivi le ${day.written} à 15:00.`]);
    const gateway = await startGateway();
    const transport = httpSmsTransport({ url: `${gateway.url}/sms` });
    await deliverOutbox(t.db, { email: null, sms: transport });
    await deliverOutbox(t.db, { email: null, sms: transport });
    expect(gateway.requests().filter((r) => r.to === person.phone)).toEqual([
      expect.objectContaining({ id: sms[0]!.id, text: sms[0]!.body, answer: 200 }),
    ]);
    expect((await outboxTo(t.db, person.id, "notify.followUpAppointment"))[0]?.state).toBe("accepted");
  });

  it("a time in the past is refused with a clear error, and nobody is told", async () => {
    const { coach, person } = await followed("fr");
    const c = await app.signedIn(coach.email!);
    const refused = await c.post(`/coaching/beneficiaries/${person.id}`, {
      intent: "appointment",
      date: "2020-01-01",
      time: "10:00",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Choisissez une date et une heure à venir.");
    const bad = await c.post(`/coaching/beneficiaries/${person.id}`, { intent: "appointment", date: "2027-02-31" });
    expect(bad.status).toBe(400);
    const far = await c.post(`/coaching/beneficiaries/${person.id}`, {
      intent: "appointment",
      date: dayAhead(400).date,
      time: "10:00",
    });
    expect(await far.text()).toContain("Choisissez une date dans l&#x27;année qui vient.");
    expect(await appointmentsOf(person.id)).toHaveLength(0);
    expect(await outboxTo(t.db, person.id, "notify.followUpAppointment")).toHaveLength(0);
  });

  it("another coach's beneficiary is a 404, and nothing is set", async () => {
    const { person } = await followed("fr");
    const other = await makeUser(t.db, { role: "coach" });
    const c = await app.signedIn(other.email!);
    const response = await c.post(`/coaching/beneficiaries/${person.id}`, {
      intent: "appointment",
      date: dayAhead(10).date,
      time: "10:30",
    });
    expect(response.status).toBe(404);
    expect(await appointmentsOf(person.id)).toHaveLength(0);
  });
});
