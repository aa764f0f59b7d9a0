/**
 * Issue 15, correct and close: a business visit's report is corrected by the
 * beneficiary's coach from a form filled with what is stored; the audit row names the
 * fields changed, never the values; a form older than the visit is refused; the reports
 * follow the correction.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, businessFollowUps } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { countBusinessOutcomes } from "../../../app/modules/businesses/report.server";
import { reportVersion } from "../../../app/modules/reporting/cache.server";
import { makeUser } from "../../factories";
import { makeCoachedBusiness, visitForm } from "../../factories/grants";
import { refusesEveryBadDay } from "../form-dates/bad-days";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** A beneficiary whose 3-month visit their coach recorded today: running, 2 jobs (1 woman), formalised. */
async function visited() {
  const { coach, person, award } = await makeCoachedBusiness(t.db, 100);
  const client = await app.signedIn(coach.email!);
  const path = `/coaching/beneficiaries/${person.id}`;
  const saved = await client.post(path, visitForm(award.id));
  expect(saved.status).toBe(302);
  const [row] = await t.db.select().from(businessFollowUps).where(eq(businessFollowUps.awardId, award.id));
  return { coach, person, award, client, path, row: row! };
}

const report = (awardId: string, changes: Record<string, string> = {}) =>
  visitForm(awardId, { intent: "followupCorrect", ...changes });

/** The correction form as the coach opens it: the visit's version, and the page. */
async function opened(client: Awaited<ReturnType<typeof app.signedIn>>, path: string, awardId: string) {
  const page = await (await client.get(`${path}?correct=${encodeURIComponent(`${awardId}:3`)}`)).text();
  const version = /name="version" value="([0-9a-f]{8})"/.exec(page)?.[1];
  expect(version).toBeDefined();
  return { page, version: version! };
}

const stored = async (id: string) =>
  (await t.db.select().from(businessFollowUps).where(eq(businessFollowUps.id, id)))[0]!;
const corrections = (id: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, id))
    .then((rows) => rows.filter((r) => r.action === "businesses.follow_up.correct"));

describe("correcting a business visit's report", () => {
  it("opens filled with what is stored, writes what changed, names the fields, and the reports follow", async () => {
    const { coach, client, path, award, row } = await visited();
    const file = await (await client.get(path)).text();
    expect(file).toContain("Corriger ce compte rendu");
    const { page, version } = await opened(client, path, award.id);
    expect(page).toContain("Corriger la visite");
    expect(page).toMatch(/name="jobsCreated"[^>]*value="2"/);
    expect(page).toMatch(/<option value="2000_5000" selected=""/);
    expect(page.match(/<input[^>]*name="formalised"[^>]*>/)?.[0]).toContain(`checked=""`);

    const period = { from: addDays(moroccoToday(), -40), to: moroccoToday() };
    const atThree = async () => (await countBusinessOutcomes(t.db, period)).find((o) => o.months === 3)!;
    const before = await atThree();
    const versionBefore = await reportVersion(t.db);
    const res = await client.post(
      `${path}?correct=${award.id}:3`,
      report(award.id, { version, stillRunning: "no", revenueBand: "", jobsCreated: "0", jobsWomen: "0" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${path}?visit=corrected#business-follow-up`);
    expect(await stored(row.id)).toMatchObject({
      stillRunning: false,
      revenueBand: null,
      jobsCreated: 0,
      jobsWomen: 0,
      formalised: true,
      visitedOn: moroccoToday(),
      recordedById: coach.id,
    });
    const [audit, ...more] = await corrections(row.id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({
      actorId: coach.id,
      actorRole: "coach",
      entityType: "business_follow_up",
      fields: ["stillRunning", "revenueBand", "jobsCreated", "jobsWomen"],
    });
    expect(await reportVersion(t.db)).not.toBe(versionBefore);
    const after = await atThree();
    expect(after.running - before.running).toBe(-1);
    expect(after.jobs - before.jobs).toBe(-2);
    expect(after.visited).toBe(before.visited);
  });

  it("refuses what does not hold together, keeps what was typed, and writes nothing; the same values write nothing", async () => {
    const { client, path, award, row } = await visited();
    const { version } = await opened(client, path, award.id);
    const refused = await client.post(path, report(award.id, { version, jobsCreated: "1", jobsWomen: "3" }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Il ne peut pas y avoir plus d&#x27;emplois occupés par des femmes");
    expect(html).toMatch(/name="jobsWomen"[^>]*value="3"/);
    const { visitedOn: _day, ...rest } = report(award.id, { version });
    await refusesEveryBadDay(client, path, rest, "visitedOn");
    const same = await client.post(path, report(award.id, { version }));
    expect(same.headers.get("location")).toBe(`${path}?visit=unchanged#business-follow-up`);
    expect(await stored(row.id)).toEqual(row);
    expect(await corrections(row.id)).toHaveLength(0);
  });

  it("refuses a form older than the visit: of ten corrections from one page, one is written", async () => {
    const { client, path, award, row } = await visited();
    const { version } = await opened(client, path, award.id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.post(path, report(award.id, { version, jobsCreated: String(i + 3) })),
      ),
    );
    expect(answers.filter((r) => r.status === 302)).toHaveLength(1);
    const stale = answers.filter((r) => r.status === 409);
    expect(stale).toHaveLength(9);
    expect(await stale[0]!.text()).toContain("Cette visite a été corrigée entre-temps");
    expect(await corrections(row.id)).toHaveLength(1);
  });

  it("is the person's own coach's: another coach gets 404, a visit not recorded is 404, nothing written", async () => {
    const { client, path, award, row } = await visited();
    const { version } = await opened(client, path, award.id);
    const stranger = await app.signedIn((await makeUser(t.db, { role: "coach" })).email!);
    expect((await stranger.post(path, report(award.id, { version, jobsCreated: "9" }))).status).toBe(404);
    const second = await visited();
    expect((await second.client.post(path, report(award.id, { version, jobsCreated: "9" }))).status).toBe(404);
    // the 6-month visit is not recorded (nor due): nothing to correct
    expect((await client.post(path, report(award.id, { version, monthsAfter: "6" }))).status).toBe(404);
    expect(await stored(row.id)).toEqual(row);
    expect(await corrections(row.id)).toHaveLength(0);
  });
});
