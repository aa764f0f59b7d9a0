import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, notifications, trainingCohorts, trainingRegistrations } from "../../../db/schema";
import { cancelRegistration, register } from "../../../app/modules/trainings/service.server";
import { makeUser } from "../../factories";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { addDays, moroccoInstant, moroccoToday } from "../../../app/lib/morocco-time";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const meta = { ip: "127.0.0.1" };

async function applicants(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await makeUser(t.db, { role: "applicant", password: null }));
  return out;
}
const actorOf = (u: { id: string; organisationId: string | null }) => ({
  id: u.id,
  role: "applicant" as const,
  organisationId: u.organisationId,
});

describe("registration with a waiting list", () => {
  it("100 concurrent registrations at 20 seats: exactly 20 confirmed and 80 waiting, in order", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 20 });
    const people = await applicants(100);
    const results = await Promise.all(people.map((p) => register(t.db, actorOf(p), cohort.id, meta)));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await t.db
      .select()
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.cohortId, cohort.id))
      .orderBy(asc(trainingRegistrations.seq));
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(20);
    expect(rows.filter((r) => r.status === "waiting")).toHaveLength(80);
    // in order: the first 20 to register hold the seats, everyone after waits
    expect(rows.slice(0, 20).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(20).every((r) => r.status === "waiting")).toBe(true);
    const [c] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohort.id));
    expect(c?.confirmedCount).toBe(20);
  });

  it("the database refuses a seat counter above capacity even without the service", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    await expect(
      t.db.update(trainingCohorts).set({ confirmedCount: 3 }).where(eq(trainingCohorts.id, cohort.id)),
    ).rejects.toThrow();
  });

  it("a second registration of the same person is refused", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    const [p] = await applicants(1);
    const results = await Promise.all([
      register(t.db, actorOf(p!), cohort.id, meta),
      register(t.db, actorOf(p!), cohort.id, meta),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      status: 409,
      errors: { form: "trainings.errors.alreadyRegistered" },
    });
  });

  it("cancelling a seat promotes the first waiting person and tells them", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    const people = await applicants(4);
    const regs: Awaited<ReturnType<typeof register>>[] = [];
    for (const p of people) regs.push(await register(t.db, actorOf(p), cohort.id, meta));
    const first = regs[0];
    if (!first?.ok) throw new Error("no registration");
    const result = await cancelRegistration(t.db, actorOf(people[0]!), first.registrationId, meta);
    expect(result).toEqual({ ok: true, promotedUserId: people[2]!.id });
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, people[2]!.id));
    // first told they wait, then that the seat is theirs
    expect(notes.map((n) => n.kind).sort()).toEqual(["notify.trainingPromoted", "notify.trainingWaiting"]);
    // cancelling a waiting place promotes no one and frees no seat
    const last = regs[3];
    if (!last?.ok) throw new Error("no registration");
    expect(await cancelRegistration(t.db, actorOf(people[3]!), last.registrationId, meta)).toEqual({
      ok: true,
      promotedUserId: null,
    });
    const [c] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohort.id));
    expect(c?.confirmedCount).toBe(2);
  });

  it("a seat in a cohort that has ended cannot be given up: refused with a reason, nothing changes", async () => {
    const training = await makeTraining(t.db);
    const today = moroccoToday();
    const cohort = await makeCohort(t.db, training.id, { capacity: 1, startsOn: addDays(today, -9), endsOn: today });
    const [seated, waiting] = await applicants(2);
    const seat = await register(t.db, actorOf(seated!), cohort.id, meta);
    await register(t.db, actorOf(waiting!), cohort.id, meta);
    if (!seat.ok) throw new Error("no registration");
    // the last day still counts: the seat can be given up until the cohort's end
    const lastDay = moroccoInstant(today, "20:00");
    const dayAfter = moroccoInstant(addDays(today, 1), "08:00");
    const refused = await cancelRegistration(t.db, actorOf(seated!), seat.registrationId, { ...meta, now: dayAfter });
    expect(refused).toEqual({ ok: false, status: 409, errors: { form: "trainings.errors.cancelEnded" } });
    const rows = await t.db.select().from(trainingRegistrations).where(eq(trainingRegistrations.cohortId, cohort.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["confirmed", "waiting"]);
    const [c] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohort.id));
    expect(c?.confirmedCount).toBe(1);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, seat.registrationId));
    expect(audits.map((a) => a.action)).not.toContain("training.register.cancel");
    expect(
      await cancelRegistration(t.db, actorOf(seated!), seat.registrationId, { ...meta, now: lastDay }),
    ).toMatchObject({ ok: true, promotedUserId: waiting!.id });
  });

  it("someone else cannot cancel my registration", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    const [a, b] = await applicants(2);
    const reg = await register(t.db, actorOf(a!), cohort.id, meta);
    if (!reg.ok) throw new Error("no registration");
    expect(await cancelRegistration(t.db, actorOf(b!), reg.registrationId, meta)).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("concurrent cancellations promote each waiting person at most once, and in order", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 10 });
    const people = await applicants(16);
    const regs: string[] = [];
    for (const p of people) {
      const r = await register(t.db, actorOf(p), cohort.id, meta);
      if (!r.ok) throw new Error("no registration");
      regs.push(r.registrationId);
    }
    // all 10 seat holders cancel at once, and each of them twice (double submit)
    const cancels = people
      .slice(0, 10)
      .flatMap((p, i) => [
        cancelRegistration(t.db, actorOf(p), regs[i]!, meta),
        cancelRegistration(t.db, actorOf(p), regs[i]!, meta),
      ]);
    const results = await Promise.all(cancels);
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const promoted = results.flatMap((r) => (r.ok && r.promotedUserId ? [r.promotedUserId] : []));
    expect(promoted).toHaveLength(6);
    expect(new Set(promoted).size).toBe(6);
    expect(new Set(promoted)).toEqual(new Set(people.slice(10).map((p) => p.id)));
    const rows = await t.db.select().from(trainingRegistrations).where(eq(trainingRegistrations.cohortId, cohort.id));
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(6);
    expect(rows.filter((r) => r.status === "waiting")).toHaveLength(0);
    const [c] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohort.id));
    expect(c?.confirmedCount).toBe(6);
    for (const p of people.slice(10)) {
      const notes = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, p.id), eq(notifications.kind, "notify.trainingPromoted")));
      expect(notes).toHaveLength(1);
    }
    const promotions = await t.db.select().from(auditLog).where(eq(auditLog.action, "training.register.promoted"));
    expect(promotions.length).toBeGreaterThanOrEqual(6);
  });
});
