/**
 * The host's answer to an internship application leaves a message (issue 17): staff record
 * it on the offer page, "not retained" through its confirmation step; the person is told
 * once, in her language, by SMS even if she turned SMS off (a decision).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, coachAssignments, internshipApplications } from "../../../db/schema";
import { answerApplication, applyToOffer } from "../../../app/modules/internships/applications.server";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { makeUser } from "../../factories";
import { makeHostOffer } from "../../factories/internships";
import { useTestApp } from "../helpers/app";
import { inAppOf, outboxTo, personWithPhone, useFakeGateway } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };
const startGateway = useFakeGateway();

async function offer() {
  const { offer } = await makeHostOffer(t.db, {
    host: { name: `Atelier ${Date.now()}`, city: "oujda" },
    contactName: "Fatima Zahra",
    offer: { city: "oujda" },
  });
  return offer;
}

async function applied(locale: "fr" | "ar" | "en", overrides: Parameters<typeof personWithPhone>[2] = {}) {
  const o = await offer();
  const person = await personWithPhone(t.db, locale, overrides);
  const result = await applyToOffer(t.db, person, { offerId: o.id, beneficiaryId: person.id }, meta);
  if (!result.ok) throw new Error("not applied");
  return { offer: o, person, applicationId: result.id };
}

async function statusOf(applicationId: string) {
  const [row] = await t.db
    .select({ status: internshipApplications.status })
    .from(internshipApplications)
    .where(eq(internshipApplications.id, applicationId));
  return row?.status;
}

describe("the host's answer to an internship application", () => {
  it("accepted: the person is told once, in Arabic, and the gateway gets it once", async () => {
    const { person, applicationId } = await applied("ar");
    const admin = await makeUser(t.db, { role: "admin" });
    expect(await answerApplication(t.db, admin, { applicationId, answer: "accepted" }, meta)).toEqual({ ok: true });
    expect(await statusOf(applicationId)).toBe("accepted");
    const [sms] = await outboxTo(t.db, person.id, "notify.internshipAccepted");
    expect(sms).toMatchObject({ locale: "ar", recipient: person.phone, actorId: admin.id });
    expect(sms?.body).toContain("خياطة في ورشة");
    expect(sms?.segments).toBeLessThanOrEqual(2);
    expect(await inAppOf(t.db, person.id, "notify.internshipAccepted")).toHaveLength(1);

    const gateway = await startGateway();
    const transport = httpSmsTransport({ url: `${gateway.url}/sms` });
    await deliverOutbox(t.db, { email: null, sms: transport });
    await deliverOutbox(t.db, { email: null, sms: transport });
    expect(gateway.requests().filter((r) => r.id === sms!.id)).toEqual([
      expect.objectContaining({ to: person.phone, text: sms!.body, answer: 200 }),
    ]);
  });

  it("answered at once by two members of staff: one answer, one message", async () => {
    const { person, applicationId } = await applied("fr");
    const admin = await makeUser(t.db, { role: "admin" });
    const results = await Promise.all([
      answerApplication(t.db, admin, { applicationId, answer: "accepted" }, meta),
      answerApplication(t.db, admin, { applicationId, answer: "declined" }, meta),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      status: 409,
      errors: { form: "internships.errors.alreadyAnswered" },
    });
    const told = [
      ...(await outboxTo(t.db, person.id, "notify.internshipAccepted")),
      ...(await outboxTo(t.db, person.id, "notify.internshipDeclined")),
    ];
    expect(told).toHaveLength(1);
  });

  it("a coach answers only for the people she follows", async () => {
    const { person, applicationId } = await applied("fr");
    const coach = await makeUser(t.db, { role: "coach" });
    expect(await answerApplication(t.db, coach, { applicationId, answer: "accepted" }, meta)).toMatchObject({
      status: 404,
    });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
    expect(await answerApplication(t.db, coach, { applicationId, answer: "accepted" }, meta)).toEqual({ ok: true });
  });

  it("'not retained' on the page goes through its confirmation step, and reaches a person who turned SMS off", async () => {
    const { offer: o, person, applicationId } = await applied("fr", { smsOptOut: true });
    const admin = await makeUser(t.db, { role: "admin", email: `admin-${Date.now()}@masar.test` });
    const client = await app.signedIn(admin.email!);
    const path = `/internships/offers/${o.id}`;
    const page = await (await client.get(path)).text();
    expect(page).toContain(`?confirm=decline&amp;applicationId=${applicationId}`);
    // a post without the step changes nothing and leads to the step
    const unconfirmed = await client.post(path, { intent: "answer", applicationId, answer: "declined" });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe(`${path}?confirm=decline&applicationId=${applicationId}`);
    expect(await statusOf(applicationId)).toBe("submitted");
    const step = await (await client.get(`${path}?confirm=decline&applicationId=${applicationId}`)).text();
    expect(step).toContain(person.displayName);
    const confirmed = await client.post(path, {
      intent: "decline",
      confirm: "decline",
      applicationId,
      answer: "declined",
      reason: "Le poste demande deux ans d'expérience.",
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`${path}?answered=1`);
    expect(await statusOf(applicationId)).toBe("declined");
    const [sms] = await outboxTo(t.db, person.id, "notify.internshipDeclined");
    expect(sms?.body).toBe(
      "Masar : candidature au stage « Couturière en atelier » non retenue. D'autres offres sont sur Masar.",
    );
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, applicationId));
    expect(audits.map((a) => a.action)).toContain("internship.application.declined");
    // answered: no more buttons for it, and a second answer is refused with a clear message
    const again = await client.post(path, { intent: "answer", applicationId, answer: "accepted" });
    expect(again.status).toBe(409);
    expect(await statusOf(applicationId)).toBe("declined");
  });
});
