import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, coachAssignments, profiles, trainingCertificates, trainingRegistrations } from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { markAttendance, register } from "../../../app/modules/trainings/service.server";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("coach assignments", () => {
  it("an admin assigns, reassigns (history kept, one current coach) and ends; the caseload follows", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const coachA = await makeUser(t.db, { role: "coach", displayName: "Coach Alpha" });
    const coachB = await makeUser(t.db, { role: "coach", displayName: "Coach Beta" });
    const beneficiary = await makeUser(t.db, { displayName: "Ousmane Keita" });
    const a = await app.signedIn(admin.email!);
    expect((await a.post("/coaching/assignments", { beneficiaryId: beneficiary.id, coachId: coachA.id })).status).toBe(
      302,
    );
    expect(await (await (await app.signedIn(coachA.email!)).get("/home")).text()).toContain("Ousmane Keita");
    expect((await a.post("/coaching/assignments", { beneficiaryId: beneficiary.id, coachId: coachB.id })).status).toBe(
      302,
    );
    const rows = await t.db.select().from(coachAssignments).where(eq(coachAssignments.beneficiaryId, beneficiary.id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.endedAt === null).map((r) => r.coachId)).toEqual([coachB.id]);
    expect(await (await (await app.signedIn(coachA.email!)).get("/home")).text()).not.toContain("Ousmane Keita");
    expect((await (await app.signedIn(coachA.email!)).get(`/coaching/beneficiaries/${beneficiary.id}`)).status).toBe(
      404,
    );
    expect((await (await app.signedIn(coachB.email!)).get(`/coaching/beneficiaries/${beneficiary.id}`)).status).toBe(
      200,
    );
    // a coach cannot be assigned as a beneficiary; bad input is a 400 that changes nothing
    expect((await a.post("/coaching/assignments", { beneficiaryId: coachA.id, coachId: coachB.id })).status).toBe(400);
    expect((await a.post("/coaching/assignments", { beneficiaryId: "nope", coachId: coachB.id })).status).toBe(400);
    // ending goes through its confirmation step: the first post ends nothing
    expect((await a.post("/coaching/assignments", { intent: "end", beneficiaryId: beneficiary.id })).status).toBe(303);
    expect(
      await t.db.$count(
        coachAssignments,
        and(eq(coachAssignments.beneficiaryId, beneficiary.id), isNull(coachAssignments.endedAt)),
      ),
    ).toBe(1);
    expect(
      (await a.post("/coaching/assignments", { intent: "end", confirm: "end", beneficiaryId: beneficiary.id })).status,
    ).toBe(302);
    expect(
      await t.db.$count(
        coachAssignments,
        and(eq(coachAssignments.beneficiaryId, beneficiary.id), isNull(coachAssignments.endedAt)),
      ),
    ).toBe(0);
    expect(await t.db.$count(auditLog, eq(auditLog.action, "coaching.assign"))).toBe(2);
    // a coach may not assign
    expect(
      (
        await (
          await app.signedIn(coachB.email!)
        ).post("/coaching/assignments", { beneficiaryId: beneficiary.id, coachId: coachB.id })
      ).status,
    ).toBe(403);
  });

  it("two admins assigning the same beneficiary at once leave exactly one current coach", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const coaches = await Promise.all([1, 2, 3, 4].map(() => makeUser(t.db, { role: "coach" })));
    const beneficiary = await makeUser(t.db);
    const clients = await Promise.all(coaches.map(() => app.signedIn(admin.email!)));
    const results = await Promise.all(
      coaches.map((c, i) =>
        clients[i]!.post("/coaching/assignments", { beneficiaryId: beneficiary.id, coachId: c.id }),
      ),
    );
    // serialised on the beneficiary: every request succeeds in turn, the last one wins
    for (const r of results) expect(r.status).toBe(302);
    expect(await t.db.$count(coachAssignments, eq(coachAssignments.beneficiaryId, beneficiary.id))).toBe(4);
    expect(
      await t.db.$count(
        coachAssignments,
        and(eq(coachAssignments.beneficiaryId, beneficiary.id), isNull(coachAssignments.endedAt)),
      ),
    ).toBe(1);
  });
});

describe("eligibility and revocation", () => {
  it("an applicant sees and registers only for trainings of their audience", async () => {
    const migrantsOnly = await makeTraining(t.db, { audience: "migrants", titleFr: "Darija pour nouveaux arrivants" });
    const cohort = await makeCohort(t.db, migrantsOnly.id);
    const young = await makeUser(t.db);
    await t.db.insert(profiles).values({ userId: young.id, residentStatus: "moroccan" });
    const c = await app.signedIn(young.email!);
    expect(await (await c.get("/trainings")).text()).not.toContain("Darija pour nouveaux arrivants");
    const refused = await c.post(`/trainings/${migrantsOnly.id}`, { intent: "register", cohortId: cohort.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("réservée à un autre public");
    expect(await t.db.$count(trainingRegistrations, eq(trainingRegistrations.cohortId, cohort.id))).toBe(0);
    const migrant = await makeUser(t.db);
    await t.db.insert(profiles).values({ userId: migrant.id, residentStatus: "migrant" });
    const m = await app.signedIn(migrant.email!);
    expect(await (await m.get("/trainings")).text()).toContain("Darija pour nouveaux arrivants");
    expect((await m.post(`/trainings/${migrantsOnly.id}`, { intent: "register", cohortId: cohort.id })).status).toBe(
      302,
    );
  });

  it("an admin revokes a certificate and /verify says so; a coach cannot revoke", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const coach = await makeUser(t.db, { role: "coach" });
    const training = await makeTraining(t.db, { minAttendancePercent: 50 });
    const cohort = await makeCohort(t.db, training.id);
    const [session] = await makeSessions(t.db, cohort.id, 1);
    const holder = await makeUser(t.db);
    await register(t.db, { id: holder.id, role: "applicant", organisationId: null }, cohort.id, {});
    await markAttendance(
      t.db,
      { id: admin.id, role: "admin", organisationId: null },
      session!.id,
      new Map([[holder.id, "present" as const]]),
      {},
    );
    const [cert] = await t.db.select().from(trainingCertificates).where(eq(trainingCertificates.userId, holder.id));
    expect(await (await app.client().get(`/verify/${cert!.code}`)).text()).toContain('data-verify="valid"');
    const c = await app.signedIn(coach.email!);
    expect(
      (await c.post(`/trainings/cohorts/${cohort.id}`, { intent: "revoke", certificateId: cert!.id })).status,
    ).toBe(403);
    const a = await app.signedIn(admin.email!);
    // a link to a confirmation step; the first post revokes nothing
    const page = await (await a.get(`/trainings/cohorts/${cohort.id}`)).text();
    expect(page).toContain(`href="/trainings/cohorts/${cohort.id}?confirm=revoke&amp;certificateId=${cert!.id}"`);
    expect(page).not.toMatch(/name="intent" value="revoke"/);
    const first = await a.post(`/trainings/cohorts/${cohort.id}`, { intent: "revoke", certificateId: cert!.id });
    expect(first.status).toBe(303);
    expect(await (await app.client().get(`/verify/${cert!.code}`)).text()).toContain('data-verify="valid"');
    const step = await (await a.get(first.headers.get("location")!)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain(`Révoquer l&#x27;attestation de <bdi>${holder.displayName}</bdi>`);
    expect(
      (
        await a.post(`/trainings/cohorts/${cohort.id}`, {
          intent: "revoke",
          certificateId: cert!.id,
          confirm: "revoke",
        })
      ).status,
    ).toBe(302);
    expect(await (await app.client().get(`/verify/${cert!.code}`)).text()).toContain('data-verify="revoked"');
    // saving the attendance sheet again does not undo an admin's revocation
    await markAttendance(
      t.db,
      { id: admin.id, role: "admin", organisationId: null },
      session!.id,
      new Map([[holder.id, "present" as const]]),
      {},
    );
    expect(await (await app.client().get(`/verify/${cert!.code}`)).text()).toContain('data-verify="revoked"');
  });
});

describe("malformed ids", () => {
  it("answer 404, never 500, on every page and form of the module", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const a = await app.signedIn(admin.email!);
    for (const path of [
      "/trainings/abc",
      "/trainings/cohorts/abc",
      "/trainings/sessions/abc",
      "/trainings/certificates/abc.pdf",
      "/internships/offers/abc",
      "/placements/abc",
      "/placements/abc/agreement.pdf",
      "/coaching/beneficiaries/abc",
      "/cv/abc.pdf",
    ]) {
      expect([path, (await a.get(path)).status]).toEqual([path, 404]);
    }
    expect((await a.post("/trainings/sessions/abc", { "mark-x": "present" })).status).toBe(404);
    expect(
      (await a.post("/coaching/assignments", { intent: "end", confirm: "end", beneficiaryId: "abc" })).status,
    ).toBe(404);
    const applicant = await makeUser(t.db);
    const training = await makeTraining(t.db);
    const p = await app.signedIn(applicant.email!);
    expect((await p.post(`/trainings/${training.id}`, { intent: "cancel", registrationId: "abc" })).status).toBe(404);
    expect((await p.post(`/trainings/${training.id}`, { intent: "register", cohortId: "abc" })).status).toBe(400);
  });
});
