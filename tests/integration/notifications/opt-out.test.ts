/**
 * "A person can turn SMS off except for codes and decisions" (issue 17): the switch on the
 * account page, news that then stays in the portal, and the codes and grant decisions that
 * still reach her phone, each in her language. A withdrawal leaves a message too.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grantAwards, users } from "../../../db/schema";
import { transitionCall } from "../../../app/modules/grants/calls.server";
import { withdrawApplication } from "../../../app/modules/grants/applications.server";
import { register } from "../../../app/modules/trainings/service.server";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { makeApplication, makeCall } from "../../factories/grants";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { inAppOf, outboxTo, personWithPhone } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

async function optOutOf(userId: string) {
  const [row] = await t.db.select({ smsOptOut: users.smsOptOut }).from(users).where(eq(users.id, userId));
  return row?.smsOptOut;
}

describe("turning SMS off", () => {
  it("on the account page: news stays in the portal, a code still comes by SMS; turned on again, news comes", async () => {
    const person = await personWithPhone(t.db, "fr");
    const c = app.client();
    await c.login(person.phone!, DEMO_PASSWORD);
    const off = await c.post("/account", { intent: "sms", smsOptOut: "on" });
    expect(off.status).toBeLessThan(400);
    expect(await optOutOf(person.id)).toBe(true);

    const training = await makeTraining(t.db);
    await register(t.db, person, (await makeCohort(t.db, training.id)).id, meta);
    expect(await outboxTo(t.db, person.id, "notify.trainingSeat")).toHaveLength(0);
    expect(await inAppOf(t.db, person.id, "notify.trainingSeat")).toHaveLength(1);

    // a code is essential: it reaches the phone whatever the setting
    const visitor = app.client();
    expect((await visitor.post("/forgot-password", { identifier: person.phone! })).status).toBe(302);
    const [code] = await outboxTo(t.db, person.id, "notify.resetCode");
    expect(code?.body).toMatch(/^Masar : code pour changer votre mot de passe : \d{6}\./);

    // the box left unticked turns SMS on again
    expect((await c.post("/account", { intent: "sms" })).status).toBeLessThan(400);
    expect(await optOutOf(person.id)).toBe(false);
    await register(t.db, person, (await makeCohort(t.db, training.id)).id, meta);
    expect(await outboxTo(t.db, person.id, "notify.trainingSeat")).toHaveLength(1);
  });

  it("a grant decision still reaches the phone, in each person's language; a withdrawal is told too", async () => {
    const winner = await personWithPhone(t.db, "ar", { smsOptOut: true });
    const loser = await personWithPhone(t.db, "en", { smsOptOut: true });
    const call = await makeCall(t.db, { status: "deliberation", titleAr: "طلب مشاريع 2027" });
    const won = await makeApplication(t.db, { callId: call.id, applicantId: winner.id });
    await makeApplication(t.db, { callId: call.id, applicantId: loser.id });
    await t.db
      .insert(grantAwards)
      .values({ reference: `MS-${Date.now()}`, callId: call.id, applicationId: won.id, amountCentimes: 25_000_00 });
    const admin = await makeUser(t.db, { role: "admin" });
    expect(await transitionCall(t.db, admin, { callId: call.id, to: "decided" }, meta)).toEqual({ ok: true });
    expect((await outboxTo(t.db, winner.id, "grants.notify.awarded")).map((m) => m.body)).toEqual([
      "مسار: حصل مشروعك على منحة. سجل الدخول لرؤية الرسالة.",
    ]);
    expect((await outboxTo(t.db, loser.id, "grants.notify.rejected")).map((m) => m.body)).toEqual([
      "Masar: the decision on your application is published. Sign in to read it.",
    ]);
    expect(await inAppOf(t.db, winner.id, "grants.notify.awarded")).toHaveLength(1);

    const applicant = await personWithPhone(t.db, "fr");
    const open = await makeCall(t.db, { titleFr: "Appel AGR Oujda" });
    const mine = await makeApplication(t.db, { callId: open.id, applicantId: applicant.id, status: "submitted" });
    expect(await withdrawApplication(t.db, applicant, { applicationId: mine.id }, meta)).toEqual({ ok: true });
    expect((await outboxTo(t.db, applicant.id, "grants.notify.withdrawn")).map((m) => m.body)).toEqual([
      "Masar : votre candidature à « Appel AGR Oujda » est retirée.",
    ]);
  });
});
