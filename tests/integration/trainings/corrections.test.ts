/**
 * Correcting a training and its cohorts (issue 15): admins correct them from their own
 * pages; each change writes one audit row naming the fields changed; bad input and other
 * roles change nothing; a cohort's capacity never goes below the seats taken, even with
 * registrations arriving at the same moment; more seats let the waiting list in.
 */
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, notifications, trainingCohorts, trainingRegistrations, trainings } from "../../../db/schema";
import { correctCohort } from "../../../app/modules/trainings/corrections.server";
import { register } from "../../../app/modules/trainings/service.server";
import { makeUser } from "../../factories";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

const applicant = async () => {
  const u = await makeUser(t.db, { role: "applicant", password: null });
  return { id: u.id, role: "applicant" as const, organisationId: u.organisationId };
};
const adminActor = async () => {
  const u = await makeUser(t.db, { role: "admin" });
  return { user: u, actor: { id: u.id, role: "admin" as const, organisationId: u.organisationId } };
};

async function auditOf(entityId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.at));
}

async function cohortRow(id: string) {
  const [row] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, id));
  return row!;
}

const cohortForm = (over: Record<string, string> = {}) => ({
  nameFr: "Cohorte de printemps",
  nameAr: "دورة الربيع",
  nameEn: "Spring cohort",
  capacity: "12",
  startsOn: "2027-03-01",
  endsOn: "2027-03-20",
  ...over,
});

describe("correcting a training", () => {
  it("an admin corrects its texts in three languages; the audit row names the fields, not the values", async () => {
    const training = await makeTraining(t.db, { titleFr: "Formation mal nommée", titleAr: "", titleEn: "" });
    const { user } = await adminActor();
    const c = await app.signedIn(user.email!);
    const path = `/trainings/${training.id}/edit`;
    const page = await (await c.get(path)).text();
    expect(page).toContain('value="Formation mal nommée"');
    const response = await c.post(path, {
      category: "digital_skills",
      titleFr: "Compétences numériques",
      titleAr: "المهارات الرقمية",
      titleEn: "Digital skills",
      descriptionFr: "",
      descriptionAr: "",
      descriptionEn: "",
      audience: "both",
      deliveryLanguages: ["fr", "ar"],
      minAttendancePercent: "80",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/trainings/${training.id}?done=corrected`);
    const [row] = await t.db.select().from(trainings).where(eq(trainings.id, training.id));
    expect(row).toMatchObject({
      category: "digital_skills",
      titleFr: "Compétences numériques",
      titleAr: "المهارات الرقمية",
      titleEn: "Digital skills",
      deliveryLanguages: ["fr", "ar"],
    });
    const rows = (await auditOf(training.id)).filter((a) => a.action === "training.correct");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(user.id);
    expect([...rows[0]!.fields!].sort()).toEqual(["category", "deliveryLanguages", "titleAr", "titleEn", "titleFr"]);
    expect(JSON.stringify(rows[0])).not.toContain("Compétences numériques");
    // the training's page says so, in the reader's language
    expect(await (await c.get(`/trainings/${training.id}?done=corrected`)).text()).toContain("Correction enregistrée.");
  });

  it("an empty French title is refused with its reason, what was typed kept, and nothing changes", async () => {
    const training = await makeTraining(t.db, { titleFr: "Titre juste" });
    const { user } = await adminActor();
    const c = await app.signedIn(user.email!);
    const response = await c.post(`/trainings/${training.id}/edit`, {
      category: "soft_skills",
      titleFr: "",
      titleAr: "عنوان",
      audience: "both",
      deliveryLanguages: "fr",
      minAttendancePercent: "80",
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('value="عنوان"');
    expect(page).toContain("error-summary");
    const [row] = await t.db.select().from(trainings).where(eq(trainings.id, training.id));
    expect(row!.titleFr).toBe("Titre juste");
    expect(await auditOf(training.id)).toHaveLength(0);
  });

  it("a coach or a case worker may neither open nor post the correction (403), and nothing changes", async () => {
    const training = await makeTraining(t.db, { titleFr: "Titre juste" });
    const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
    for (const role of ["coach", "case_worker", "applicant"] as const) {
      const { client } = await app.asNewUser({ role });
      expect((await client.get(`/trainings/${training.id}/edit`)).status).toBe(403);
      expect((await client.get(`/trainings/cohorts/${cohort.id}/edit`)).status).toBe(403);
      const posted = await client.post(`/trainings/${training.id}/edit`, {
        category: "soft_skills",
        titleFr: "Piraté",
        audience: "both",
        deliveryLanguages: "fr",
        minAttendancePercent: "80",
      });
      expect(posted.status).toBe(403);
      expect((await client.post(`/trainings/cohorts/${cohort.id}/edit`, cohortForm({ capacity: "1" }))).status).toBe(
        403,
      );
    }
    const [row] = await t.db.select().from(trainings).where(eq(trainings.id, training.id));
    expect(row!.titleFr).toBe("Titre juste");
    expect((await cohortRow(cohort.id)).capacity).toBe(5);
    expect(await auditOf(training.id)).toHaveLength(0);
  });
});

describe("correcting a cohort", () => {
  it("names, capacity and dates are corrected; a correction that changes nothing writes no audit row", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 10 });
    const { user } = await adminActor();
    const c = await app.signedIn(user.email!);
    const path = `/trainings/cohorts/${cohort.id}/edit`;
    expect(await (await c.get(path)).text()).toContain('value="10"');
    const first = await c.post(path, cohortForm());
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/trainings/cohorts/${cohort.id}?done=corrected&promoted=0`);
    expect(await cohortRow(cohort.id)).toMatchObject({
      nameFr: "Cohorte de printemps",
      nameAr: "دورة الربيع",
      nameEn: "Spring cohort",
      capacity: 12,
      startsOn: "2027-03-01",
      endsOn: "2027-03-20",
    });
    const again = await c.post(path, cohortForm());
    expect(again.headers.get("location")).toBe(`/trainings/cohorts/${cohort.id}?done=unchanged&promoted=0`);
    const rows = (await auditOf(cohort.id)).filter((a) => a.action === "training.cohort.correct");
    expect(rows).toHaveLength(1);
    expect([...rows[0]!.fields!].sort()).toEqual(["capacity", "endsOn", "nameAr", "nameEn", "nameFr", "startsOn"]);
  });

  it("a capacity below the seats taken, or an end before the start, is refused with its reason and changes nothing", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
    for (let i = 0; i < 3; i++) await register(t.db, await applicant(), cohort.id, meta);
    const { user } = await adminActor();
    const c = await app.signedIn(user.email!);
    const path = `/trainings/cohorts/${cohort.id}/edit`;
    const low = await c.post(path, cohortForm({ capacity: "2", nameFr: "Nom tapé" }));
    expect(low.status).toBe(409);
    const page = await low.text();
    expect(page).toContain("le nombre de places ne peut pas être inférieur aux places prises");
    expect(page).toContain('value="Nom tapé"');
    const backwards = await c.post(path, cohortForm({ startsOn: "2027-03-20", endsOn: "2027-03-01" }));
    expect(backwards.status).toBe(400);
    const notADay = await c.post(path, cohortForm({ startsOn: "2027-02-31" }));
    expect(notADay.status).toBe(400);
    expect(await cohortRow(cohort.id)).toMatchObject({ capacity: 5, confirmedCount: 3, nameFr: cohort.nameFr });
    expect(await auditOf(cohort.id)).toHaveLength(0);
    // down to exactly the seats taken is fine
    expect((await c.post(path, cohortForm({ capacity: "3" }))).status).toBe(302);
    expect((await cohortRow(cohort.id)).capacity).toBe(3);
  });

  it("registrations racing a capacity reduction never leave more seats taken than the capacity", async () => {
    const { actor } = await adminActor();
    for (let round = 0; round < 5; round++) {
      const training = await makeTraining(t.db);
      const cohort = await makeCohort(t.db, training.id, { capacity: 10 });
      for (let i = 0; i < 4; i++) await register(t.db, await applicant(), cohort.id, meta);
      const people = await Promise.all(Array.from({ length: 8 }, () => applicant()));
      const input = {
        nameFr: cohort.nameFr,
        nameAr: "",
        nameEn: "",
        capacity: 6,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
      };
      const [reduction, ...registrations] = await Promise.all([
        correctCohort(t.db, actor, cohort.id, input, meta),
        ...people.map((p) => register(t.db, p, cohort.id, meta)),
      ]);
      expect(registrations.every((r) => r.ok)).toBe(true);
      const row = await cohortRow(cohort.id);
      const seats = await t.db
        .select()
        .from(trainingRegistrations)
        .where(and(eq(trainingRegistrations.cohortId, cohort.id), eq(trainingRegistrations.status, "confirmed")));
      expect(seats).toHaveLength(row.confirmedCount);
      expect(row.confirmedCount).toBeLessThanOrEqual(row.capacity);
      if (reduction.ok) {
        // the reduction came first: the registrations after it filled 6 seats, the rest wait
        expect(row).toMatchObject({ capacity: 6, confirmedCount: 6 });
      } else {
        // registrations came first and took more than 6 seats: the reduction is refused
        expect(reduction).toMatchObject({ status: 409, errors: { capacity: "trainings.errors.capacityBelowSeats" } });
        expect(row.capacity).toBe(10);
        expect(row.confirmedCount).toBeGreaterThan(6);
      }
    }
  });

  it("more seats let the first people on the waiting list in, in order, each told", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 2 });
    const people = [];
    for (let i = 0; i < 5; i++) {
      const p = await applicant();
      people.push(p);
      await register(t.db, p, cohort.id, meta);
    }
    const { actor } = await adminActor();
    const input = {
      nameFr: cohort.nameFr,
      nameAr: "",
      nameEn: "",
      capacity: 4,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
    };
    const result = await correctCohort(t.db, actor, cohort.id, input, meta);
    expect(result).toMatchObject({ ok: true, promoted: 2, fields: ["capacity"] });
    expect(await cohortRow(cohort.id)).toMatchObject({ capacity: 4, confirmedCount: 4 });
    const regs = await t.db
      .select()
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.cohortId, cohort.id))
      .orderBy(asc(trainingRegistrations.seq));
    expect(regs.map((r) => r.status)).toEqual(["confirmed", "confirmed", "confirmed", "confirmed", "waiting"]);
    for (const p of people.slice(2, 4)) {
      const told = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, p.id), eq(notifications.kind, "notify.trainingPromoted")));
      expect(told).toHaveLength(1);
    }
  });
});
