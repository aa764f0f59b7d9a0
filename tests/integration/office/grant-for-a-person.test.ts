/**
 * A grant application made at the office for a person (issue 15, decision 0104): with
 * the person's agreement, in their name, under the call's own rules (eligibility, once
 * per call, held by the database), audited with the staff member's name, shown to the
 * person; and "the person received the decision", recorded once, shown to the person.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actsForPeople, auditLog, coachAssignments, grantApplications, notifications } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { ApplyGrantForSchema } from "../../../app/modules/office/schemas.server";
import { applyGrantForPerson, recordDecisionReceived } from "../../../app/modules/office/service.server";
import { receivedOnRefusal } from "../../../app/modules/office/rules";
import { makeOrganisation, makeUser } from "../../factories";
import { makePlan } from "../../factories/business-plans";
import { makeApplication, makeCall, makeDecidedCall } from "../../factories/grants";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };
const DAY = 86_400_000;

/** A coach following a person who has an account and a complete plan (coaches act for the people they follow). */
async function coachAndPerson(options: { plan?: boolean } = {}) {
  const programme = await makeOrganisation(t.db, { kind: "programme" });
  const coachUser = await makeUser(t.db, { role: "coach", organisationId: programme.id, displayName: "Salma Coach" });
  const person = await makeUser(t.db, { displayName: "Awa Person" });
  await t.db.insert(coachAssignments).values({ coachId: coachUser.id, beneficiaryId: person.id });
  const plan = options.plan === false ? null : await makePlan(t.db, person.id);
  const coach = { id: coachUser.id, role: "coach" as const, organisationId: programme.id };
  return { coachUser, coach, person, plan };
}

const applicationsOf = (personId: string) =>
  t.db.select().from(grantApplications).where(eq(grantApplications.applicantId, personId));

describe("applying for a grant for a person", () => {
  it("needs the person's agreement: without the box, a translated error and nothing sent", async () => {
    expect(ApplyGrantForSchema.safeParse({ callId: crypto.randomUUID(), planId: crypto.randomUUID() }).success).toBe(
      false,
    );
    const { coachUser, person, plan } = await coachAndPerson();
    const call = await makeCall(t.db);
    const client = await app.signedIn(coachUser.email!);
    const res = await client.post(`/office/people/${person.id}`, {
      intent: "grant",
      callId: call.id,
      planId: plan!.id,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Cochez la case\u00a0: la personne doit être d&#x27;accord.");
    expect(await applicationsOf(person.id)).toHaveLength(0);
  });

  it("applies in the person's name: audit rows name the staff member, the person is told and sees it on their home", async () => {
    const { coachUser, person, plan } = await coachAndPerson();
    const call = await makeCall(t.db, { titleFr: "Appel de quartier" });
    const client = await app.signedIn(coachUser.email!);
    const res = await client.post(`/office/people/${person.id}`, {
      intent: "grant",
      callId: call.id,
      planId: plan!.id,
      agreed: "on",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/office/people/${person.id}?done=granted`);
    const [application] = await applicationsOf(person.id);
    expect(application).toMatchObject({ callId: call.id, planId: plan!.id, status: "submitted" });
    const [act] = await t.db.select().from(actsForPeople).where(eq(actsForPeople.entityId, application!.id));
    expect(act).toMatchObject({ kind: "grant_application", personId: person.id, staffId: coachUser.id });
    expect(act!.agreedAt).toBeInstanceOf(Date);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.actorId, coachUser.id));
    const acts = audits.filter((a) => a.action !== "auth.sign_in");
    expect(acts.map((a) => [a.action, a.entityId]).sort()).toEqual(
      [
        ["grants.application.submit", application!.id],
        ["office.grant_application", person.id],
      ].sort(),
    );
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, person.id));
    expect(told.map((n) => n.kind)).toContain("grants.notify.submitted");
    const own = await app.signedIn(person.email!);
    const home = await (await own.get("/home")).text();
    expect(home).toContain("Candidature à l&#x27;appel «\u00a0Appel de quartier\u00a0» par Salma Coach");
  });

  it("keeps the call's eligibility rules: an ineligible person is recorded as such, a closed call refuses", async () => {
    const { coach, person, plan } = await coachAndPerson();
    const regional = await makeCall(t.db, { regions: ["souss_massa"] });
    const r = await applyGrantForPerson(t.db, coach, person.id, { callId: regional.id, planId: plan!.id }, meta);
    expect(r).toMatchObject({ ok: true, eligible: false });
    const [application] = await applicationsOf(person.id);
    expect(application!.status).toBe("ineligible");
    expect(application!.eligibilityFailures.length).toBeGreaterThan(0);
    const closed = await makeCall(t.db, {
      status: "closed",
      opensAt: new Date(Date.now() - 20 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    const refused = await applyGrantForPerson(t.db, coach, person.id, { callId: closed.id, planId: plan!.id }, meta);
    expect(refused).toEqual({ ok: false, status: 409, errors: { callId: "office.errors.callNotOpen" } });
    expect(await applicationsOf(person.id)).toHaveLength(1);
  });

  it("lets one of 10 concurrent submissions through: the database keeps one application per person and call", async () => {
    const { coach, person, plan } = await coachAndPerson();
    const call = await makeCall(t.db);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        applyGrantForPerson(t.db, coach, person.id, { callId: call.id, planId: plan!.id }, meta),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 9 }, () => ({ ok: false, status: 409, errors: { callId: "office.errors.alreadyApplied" } })),
    );
    expect(await applicationsOf(person.id)).toHaveLength(1);
    const acts = await t.db
      .select()
      .from(actsForPeople)
      .where(and(eq(actsForPeople.personId, person.id), eq(actsForPeople.kind, "grant_application")));
    expect(acts).toHaveLength(1);
  });

  it("without a complete plan, the page says what is missing, and another person's plan is refused", async () => {
    const { coachUser, coach, person } = await coachAndPerson({ plan: false });
    await makeCall(t.db);
    const client = await app.signedIn(coachUser.email!);
    const page = await (await client.get(`/office/people/${person.id}`)).text();
    expect(page).toContain('data-testid="grant-no-plan"');
    expect(page).toContain("le personnel ne peut pas le remplir à sa place");
    const stranger = await makeUser(t.db);
    const othersPlan = await makePlan(t.db, stranger.id);
    const call = await makeCall(t.db);
    const r = await applyGrantForPerson(t.db, coach, person.id, { callId: call.id, planId: othersPlan.id }, meta);
    expect(r).toEqual({ ok: false, status: 400, errors: { planId: "office.errors.plan" } });
    expect(await applicationsOf(person.id)).toHaveLength(0);
  });

  it("is 404 for staff who may not act for the person, and nothing is written", async () => {
    const { person, plan } = await coachAndPerson();
    const { coach: otherCoach, coachUser: otherUser } = await coachAndPerson();
    const call = await makeCall(t.db);
    const r = await applyGrantForPerson(t.db, otherCoach, person.id, { callId: call.id, planId: plan!.id }, meta);
    expect(r).toEqual({ ok: false, status: 404, errors: {} });
    const client = await app.signedIn(otherUser.email!);
    const res = await client.post(`/office/people/${person.id}`, {
      intent: "grant",
      callId: call.id,
      planId: plan!.id,
      agreed: "on",
    });
    expect(res.status).toBe(404);
    expect(await applicationsOf(person.id)).toHaveLength(0);
  });
});

describe("recording that the person received the decision", () => {
  async function decided(status: "awarded" | "rejected" | "submitted" = "awarded") {
    const ctx = await coachAndPerson({ plan: false });
    const call = await makeDecidedCall(t.db, 2);
    const application = await makeApplication(t.db, { callId: call.id, applicantId: ctx.person.id, status });
    return { ...ctx, call, application };
  }

  it("refuses a day in the future or before the decision (pure rule)", () => {
    expect(receivedOnRefusal("2027-01-11", "2027-01-10", "2027-01-05")).toBe("office.errors.receivedFuture");
    expect(receivedOnRefusal("2027-01-04", "2027-01-10", "2027-01-05")).toBe("office.errors.receivedBeforeDecision");
    expect(receivedOnRefusal("2027-01-05", "2027-01-10", "2027-01-05")).toBeNull();
  });

  it("records the day and how, audited with the fields, and the person sees it on their home", async () => {
    const { coachUser, person, application } = await decided();
    const client = await app.signedIn(coachUser.email!);
    const today = moroccoToday();
    const res = await client.post(`/office/people/${person.id}`, {
      intent: "received",
      applicationId: application.id,
      receivedOn: today,
      how: "in_person",
    });
    expect(res.headers.get("location")).toBe(`/office/people/${person.id}?done=received`);
    const [row] = await applicationsOf(person.id);
    expect(row).toMatchObject({ decisionReceivedOn: today, decisionReceivedHow: "in_person" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "office.decision_received"), eq(auditLog.entityId, person.id)));
    expect(audit).toMatchObject({ actorId: coachUser.id, fields: ["decisionReceivedOn", "decisionReceivedHow"] });
    const own = await app.signedIn(person.email!);
    const home = await (await own.get("/home")).text();
    expect(home).toContain("Décision sur «\u00a0Appel décidé\u00a0» reçue le");
    expect(home).toContain("(en personne, au bureau), noté par Salma Coach");
  });

  it("records it once, even when five arrive together; a future day and an undecided application are refused", async () => {
    const { coach, person, application } = await decided("rejected");
    const future = await recordDecisionReceived(
      t.db,
      coach,
      person.id,
      { applicationId: application.id, receivedOn: addDays(moroccoToday(), 1), how: "phone" },
      meta,
    );
    expect(future).toEqual({ ok: false, status: 400, errors: { receivedOn: "office.errors.receivedFuture" } });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        recordDecisionReceived(
          t.db,
          coach,
          person.id,
          { applicationId: application.id, receivedOn: moroccoToday(), how: "phone" },
          meta,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 409)).toBe(true);
    const acts = await t.db
      .select()
      .from(actsForPeople)
      .where(and(eq(actsForPeople.entityId, application.id), eq(actsForPeople.kind, "decision_received")));
    expect(acts).toHaveLength(1);
    const pending = await decided("submitted");
    const early = await recordDecisionReceived(
      t.db,
      pending.coach,
      pending.person.id,
      { applicationId: pending.application.id, receivedOn: moroccoToday(), how: "phone" },
      meta,
    );
    expect(early).toEqual({ ok: false, status: 400, errors: { applicationId: "errors.invalid" } });
  });
});
