/**
 * Employment outcomes cover everyone trained, not only interns (issue 16): the coach
 * records whether a trained person works 3 and 6 months after the end of her training; a
 * check due shows in the caseload like an overdue follow-up; it is recorded once (also
 * under concurrency), by the person's coach only; the reports count everyone trained or
 * interned, each person once per milestone.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  coachAssignments,
  organisations,
  placementOutcomes,
  placements,
  trainingOutcomes,
} from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { countEmploymentOutcomes } from "../../../app/modules/coaching/report.server";
import { parseCsv } from "../../../app/lib/csv";
import { cachedReport } from "../../../app/modules/reporting/cache.server";
import type { Report } from "../../../app/modules/reporting/report-tables";
import { SUPPRESSED } from "../../../app/modules/reporting/rules";
import { makeUser, uniqueSuffix } from "../../factories";
import { makeCertificate } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** A person followed by a coach, whose training ended `daysAgo` (certificate revoked when asked). */
async function trained(daysAgo: number, options: { revoked?: boolean } = {}) {
  const coach = await makeUser(t.db, { role: "coach" });
  const person = await makeUser(t.db, { displayName: "Aminata Formée" });
  await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
  await makeCertificate(t.db, person.id, addDays(moroccoToday(), -daysAgo), options);
  return { coach, person, client: await app.signedIn(coach.email!) };
}

const check = (changes: Record<string, string> = {}) => ({
  intent: "employmentCheck",
  monthsAfter: "3",
  employmentStatus: "hired_elsewhere",
  ...changes,
});
const countOf = (userId: string) => t.db.$count(trainingOutcomes, eq(trainingOutcomes.userId, userId));

describe("employment checks after a training", () => {
  it("are due 3 months after the cohort's end, show in the caseload and its CSV, and are recorded once", async () => {
    const { coach, person, client } = await trained(100);
    expect(await (await client.get("/home")).text()).toContain('data-employment-check="true"');
    const csv = parseCsv(await (await client.get("/coaching/caseload.csv")).text());
    expect(csv[0]![4]).toBe("Point emploi à faire");
    expect(csv.find((r) => r[0] === "Aminata Formée")![4]).toBe("Oui");
    const file = await (await client.get(`/coaching/beneficiaries/${person.id}`)).text();
    expect(file).toContain('data-testid="employment-checks"');
    expect(file).toContain('name="intent" value="employmentCheck"');

    const saved = await client.post(`/coaching/beneficiaries/${person.id}`, check());
    expect(saved.status).toBe(302);
    const [row] = await t.db.select().from(trainingOutcomes).where(eq(trainingOutcomes.userId, person.id));
    expect(row).toMatchObject({ monthsAfter: 3, employmentStatus: "hired_elsewhere", recordedOn: moroccoToday() });
    expect(row!.recordedById).toBe(coach.id);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audits.map((a) => a.action)).toEqual(["coaching.employment_check.3"]);
    expect(await (await client.get("/home")).text()).not.toContain('data-employment-check="true"');
    expect(await (await client.get(`/coaching/beneficiaries/${person.id}`)).text()).toContain("Enregistré le");

    const again = await client.post(`/coaching/beneficiaries/${person.id}`, check());
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Ce point est déjà enregistré.");
    expect(await countOf(person.id)).toBe(1);
  });

  it("are recorded once when the same check is sent ten times at once", async () => {
    const { person, client } = await trained(200);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.post(`/coaching/beneficiaries/${person.id}`, check())),
    );
    expect(answers.filter((r) => r.status === 302)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await countOf(person.id)).toBe(1);
  });

  it("are not due before their day, nor for a person not trained (a revoked certificate), nor another coach's", async () => {
    const early = await trained(60);
    expect(await (await early.client.get("/home")).text()).not.toContain('data-employment-check="true"');
    const refusedEarly = await early.client.post(`/coaching/beneficiaries/${early.person.id}`, check());
    expect(refusedEarly.status).toBe(409);
    expect(await refusedEarly.text()).toContain("Ce point n&#x27;est pas encore dû.");

    const revoked = await trained(200, { revoked: true });
    expect(await (await revoked.client.get(`/coaching/beneficiaries/${revoked.person.id}`)).text()).not.toContain(
      'data-testid="employment-checks"',
    );
    expect((await revoked.client.post(`/coaching/beneficiaries/${revoked.person.id}`, check())).status).toBe(409);

    const mine = await trained(200);
    const other = await makeUser(t.db, { role: "coach" });
    const stranger = await (
      await app.signedIn(other.email!)
    ).post(`/coaching/beneficiaries/${mine.person.id}`, check());
    expect(stranger.status).toBe(404);
    for (const p of [early.person, revoked.person, mine.person]) expect(await countOf(p.id)).toBe(0);
  });

  it("refuse a status missing or unknown (or 'hired by the host': there is none) and a milestone other than 3 or 6", async () => {
    const { person, client } = await trained(200);
    const changes: Record<string, string>[] = [
      { employmentStatus: "" },
      { employmentStatus: "hired_by_host" },
      { employmentStatus: "millionaire" },
      { monthsAfter: "12" },
      { monthsAfter: "abc" },
    ];
    for (const change of changes) {
      const refused = await client.post(`/coaching/beneficiaries/${person.id}`, check(change));
      expect(refused.status, JSON.stringify(change)).toBe(400);
    }
    expect(await countOf(person.id)).toBe(0);
    // the database holds the same rules
    for (const [monthsAfter, employmentStatus] of [
      [12, "seeking"],
      [3, "hired_by_host"],
    ] as const)
      await expect(
        t.db.insert(trainingOutcomes).values({
          userId: person.id,
          monthsAfter,
          employmentStatus,
          recordedOn: moroccoToday(),
          recordedById: person.id,
        }),
      ).rejects.toThrow();
  });
});

describe("employment outcomes in the reports", () => {
  /** An internship of `year` (January to March), completed, with its checks. */
  async function intern(
    personId: string,
    coachId: string,
    year: number,
    outcomes: ["month_3" | "month_6", string, string][],
  ) {
    const [host] = await t.db
      .insert(organisations)
      .values({ name: `Hôtel Atlas ${uniqueSuffix()}`, kind: "host_company" })
      .returning();
    const [placement] = await t.db
      .insert(placements)
      .values({
        beneficiaryId: personId,
        hostId: host!.id,
        coachId,
        tutorName: "Tuteur",
        startsOn: `${year}-01-10`,
        endsOn: `${year}-03-10`,
        status: "completed",
      })
      .returning();
    await t.db.insert(placementOutcomes).values(
      outcomes.map(([checkpoint, employmentStatus, recordedOn]) => ({
        placementId: placement!.id,
        checkpoint,
        employmentStatus: employmentStatus as "seeking",
        recordedOn,
      })),
    );
  }
  const afterTraining = (userId: string, recordedById: string, monthsAfter: number, status: string, on: string) =>
    t.db.insert(trainingOutcomes).values({
      userId,
      monthsAfter,
      employmentStatus: status as "seeking",
      recordedOn: on,
      recordedById,
    });

  /**
   * Three people checked in `year`, which no other test of this file writes in (each test
   * takes its own year, so none depends on another's records): one trained, one trained
   * then interned, one interned; at 3 months 2 checked and 1 employed, at 6 months likewise.
   */
  async function threePeopleIn(year: number) {
    const coach = await makeUser(t.db, { role: "coach" });
    const [onlyTrained, both, onlyIntern] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
    // trained only: employed at 3 months (Q2), looking at 6 months (Q3)
    await afterTraining(onlyTrained.id, coach.id, 3, "self_employed", `${year}-04-15`);
    await afterTraining(onlyTrained.id, coach.id, 6, "seeking", `${year}-07-15`);
    // trained then interned: looking at 3 months after the training (Q2), hired at 3 months after the internship (Q3)
    await afterTraining(both.id, coach.id, 3, "seeking", `${year}-05-02`);
    await intern(both.id, coach.id, year, [["month_3", "hired_by_host", `${year}-07-01`]]);
    // interned only (the internship's end checkpoint is not a 3/6-month outcome)
    await intern(onlyIntern.id, coach.id, year, [["month_6", "hired_elsewhere", `${year}-09-10`]]);
  }

  it("count everyone trained or interned, each person once per milestone, at her first check", async () => {
    await threePeopleIn(2025);
    const at = async (from: string, to: string) =>
      (await countEmploymentOutcomes(t.db, { from, to })).map((o) => [o.months, o.checked, o.employed]);
    expect(await at("2025-01-01", "2025-12-31")).toEqual([
      [3, 2, 1],
      [6, 2, 1],
    ]);
    expect(await at("2025-04-01", "2025-06-30")).toEqual([
      [3, 2, 1],
      [6, 0, 0],
    ]);
    // the internship's check of a person already counted at 3 months does not count her again
    expect(await at("2025-07-01", "2025-09-30")).toEqual([
      [3, 0, 0],
      [6, 2, 1],
    ]);
  });

  it("are a table of the admin's report, exact; of the donor's, hidden when small; in the CSV", async () => {
    await threePeopleIn(2024);
    const filter = { from: "2024-01-01", to: "2024-12-31", organisationId: null };
    const rowsOf = (report: Report) =>
      report.tables.find((tb) => tb.id === "employment-outcomes")?.rows.map((r) => r.slice(1));
    expect(rowsOf(await cachedReport(t.db, { audience: "admin", filter }))).toEqual([
      [2, 1, 50],
      [2, 1, 50],
    ]);
    expect(rowsOf(await cachedReport(t.db, { audience: "donor", filter }))).toEqual([
      [SUPPRESSED, SUPPRESSED, SUPPRESSED],
      [SUPPRESSED, SUPPRESSED, SUPPRESSED],
    ]);
    const donor = await makeUser(t.db, { role: "donor_viewer" });
    const csv = await (
      await app.signedIn(donor.email!)
    ).get("/reports/export.csv?table=employment-outcomes&period=2024");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Taux d'emploi");
    expect(text).toMatch(/À 6 mois,x,x,x/);
  });
});
