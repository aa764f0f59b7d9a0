/**
 * Funded businesses after launch (issue 16): the coach visits 3, 6 and 12 months after the
 * last tranche; a due visit shows in the coach's caseload like an overdue follow-up; the
 * visit is recorded once (also under concurrency), by the person's coach only, with what
 * is typed checked and kept on refusal; reports read businesses still running and jobs.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, businessFollowUps } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { countBusinessOutcomes } from "../../../app/modules/businesses/report.server";
import { makeUser } from "../../factories";
import { makeCoachedBusiness, visitForm } from "../../factories/grants";
import { refusesEveryBadDay } from "../form-dates/bad-days";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** A beneficiary followed by a coach, whose grant's tranches were paid `daysAgo` (the last one). */
async function funded(daysAgo: number | null, name = "Khadija Entreprise") {
  const funded = await makeCoachedBusiness(t.db, daysAgo, name);
  return { ...funded, client: await app.signedIn(funded.coach.email!) };
}

const visit = visitForm;

describe("visits of a funded business", () => {
  it("are due 3 months after the last tranche, show in the caseload, and are recorded once", async () => {
    const { coach, person, award, client } = await funded(100);
    const home = await (await client.get("/home")).text();
    expect(home).toContain('data-business-visit="true"');
    const file = await (await client.get(`/coaching/beneficiaries/${person.id}`)).text();
    expect(file).toContain('data-state="due"');
    expect(file).toContain(`name="awardId" value="${award.id}"`);

    const saved = await client.post(`/coaching/beneficiaries/${person.id}`, visit(award.id));
    expect(saved.status).toBe(302);
    const [row] = await t.db.select().from(businessFollowUps).where(eq(businessFollowUps.awardId, award.id));
    expect(row).toMatchObject({
      monthsAfter: 3,
      stillRunning: true,
      revenueBand: "2000_5000",
      jobsCreated: 2,
      formalised: true,
    });
    expect(row!.recordedById).toBe(coach.id);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audits.map((a) => a.action)).toEqual(["businesses.follow_up.record"]);
    expect(await (await client.get("/home")).text()).not.toContain('data-business-visit="true"');

    const again = await client.post(`/coaching/beneficiaries/${person.id}`, visit(award.id));
    expect(again.status).toBe(409);
    expect(await t.db.$count(businessFollowUps, eq(businessFollowUps.awardId, award.id))).toBe(1);
  });

  it("are recorded once when the same visit is sent ten times at once", async () => {
    const { person, award, client } = await funded(100);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.post(`/coaching/beneficiaries/${person.id}`, visit(award.id))),
    );
    expect(answers.filter((r) => r.status === 302)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await t.db.$count(businessFollowUps, eq(businessFollowUps.awardId, award.id))).toBe(1);
  });

  it("refuse what does not hold together, name the field, keep what was typed, and write nothing", async () => {
    const { person, award, client } = await funded(100);
    const cases: [Record<string, string>, string][] = [
      [{ jobsWomen: "5" }, "Il ne peut pas y avoir plus d&#x27;emplois occupés par des femmes"],
      [{ stillRunning: "no" }, "Une entreprise fermée n&#x27;a pas de chiffre d&#x27;affaires"],
      [{ revenueBand: "" }, "Choisissez une tranche de chiffre d&#x27;affaires"],
      [{ stillRunning: "" }, "Choisissez une réponse."],
      [{ visitedOn: addDays(moroccoToday(), 1) }, "ne peut pas être dans le futur"],
      [{ jobsCreated: "-1" }, "Saisissez un nombre entier entre 0 et 1000."],
      [{ revenueBand: "millions" }, "Choisissez une réponse."],
    ];
    for (const [change, message] of cases) {
      const refused = await client.post(`/coaching/beneficiaries/${person.id}`, visit(award.id, change));
      expect(refused.status, JSON.stringify(change)).toBe(400);
      const html = await refused.text();
      expect(html, JSON.stringify(change)).toContain(message);
      // what was typed comes back
      expect(html).toMatch(new RegExp(`name="jobsCreated"[^>]*value="${change.jobsCreated ?? "2"}"`));
    }
    // every day that is not a day (the list of the app's date inputs points here)
    const { visitedOn: _typed, ...rest } = visit(award.id);
    await refusesEveryBadDay(client, `/coaching/beneficiaries/${person.id}`, rest, "visitedOn");
    expect(await t.db.$count(businessFollowUps, eq(businessFollowUps.awardId, award.id))).toBe(0);
  });

  it("are not due before their day, nor before the last tranche is paid", async () => {
    const early = await funded(30);
    const refusedEarly = await early.client.post(`/coaching/beneficiaries/${early.person.id}`, visit(early.award.id));
    expect(refusedEarly.status).toBe(409);
    const unpaid = await funded(null);
    expect(await (await unpaid.client.get(`/coaching/beneficiaries/${unpaid.person.id}`)).text()).toContain(
      "Les visites commencent quand la dernière tranche est payée.",
    );
    const refusedUnpaid = await unpaid.client.post(
      `/coaching/beneficiaries/${unpaid.person.id}`,
      visit(unpaid.award.id),
    );
    expect(refusedUnpaid.status).toBe(404);
    expect(await t.db.$count(businessFollowUps, eq(businessFollowUps.awardId, unpaid.award.id))).toBe(0);
  });

  it("are the person's own coach's: another coach gets 404 and writes nothing", async () => {
    const { person, award } = await funded(100);
    const other = await makeUser(t.db, { role: "coach" });
    const response = await (
      await app.signedIn(other.email!)
    ).post(`/coaching/beneficiaries/${person.id}`, visit(award.id));
    expect(response.status).toBe(404);
    // an award of someone else, posted on this person's file
    const second = await funded(100, "Autre Personne");
    const mismatched = await second.client.post(`/coaching/beneficiaries/${second.person.id}`, visit(award.id));
    expect(mismatched.status).toBe(404);
    expect(await t.db.$count(businessFollowUps, eq(businessFollowUps.awardId, award.id))).toBe(0);
  });

  it("feed the outcomes: businesses still running and jobs created at a milestone", async () => {
    const period = { from: addDays(moroccoToday(), -40), to: moroccoToday() };
    const atThree = async () => (await countBusinessOutcomes(t.db, period)).find((o) => o.months === 3)!;
    const before = await atThree();
    const a = await funded(100);
    const b = await funded(100);
    await a.client.post(
      `/coaching/beneficiaries/${a.person.id}`,
      visit(a.award.id, { jobsCreated: "3", jobsWomen: "2" }),
    );
    await b.client.post(
      `/coaching/beneficiaries/${b.person.id}`,
      visit(b.award.id, { stillRunning: "no", revenueBand: "", jobsCreated: "0", jobsWomen: "0" }),
    );
    const after = await atThree();
    expect(after.visited - before.visited).toBe(2);
    expect(after.running - before.running).toBe(1);
    expect(after.jobs - before.jobs).toBe(3);
    expect(after.jobsWomen - before.jobsWomen).toBe(2);
  });

  it("hold in the database: counts that do not add up are refused", async () => {
    const { coach, award } = await funded(100);
    await expect(
      t.db.insert(businessFollowUps).values({
        awardId: award.id,
        monthsAfter: 6,
        visitedOn: moroccoToday(),
        stillRunning: true,
        revenueBand: "none",
        jobsCreated: 1,
        jobsWomen: 2,
        recordedById: coach.id,
      }),
    ).rejects.toThrow();
    await expect(
      t.db.insert(businessFollowUps).values({
        awardId: award.id,
        monthsAfter: 5,
        visitedOn: moroccoToday(),
        stillRunning: false,
        recordedById: coach.id,
      }),
    ).rejects.toThrow();
  });
});
