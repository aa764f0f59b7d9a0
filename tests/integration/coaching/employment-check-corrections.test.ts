/**
 * A recorded employment check is corrected by the coach who recorded it (or an admin):
 * from a link on the person's file, the status changed and audited with the field named,
 * nothing written when nothing changed, a form older than the check refused (409) with
 * nothing changed, also when sent five times at once; another coach, bad input and a
 * check not recorded are refused; the reports follow. Decision:
 * docs/decisions/0147-correct-employment-checks.md.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, coachAssignments, trainingOutcomes } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { countEmploymentOutcomes } from "../../../app/modules/coaching/report.server";
import { checkVersion } from "../../../app/modules/coaching/service.server";
import { makeUser } from "../../factories";
import { makeCertificate } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** A person trained 100 days ago, followed by a coach who recorded her 3-month check: in work. */
async function checked() {
  const coach = await makeUser(t.db, { role: "coach" });
  const person = await makeUser(t.db, { displayName: "Mariam Corrigée" });
  await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
  await makeCertificate(t.db, person.id, addDays(moroccoToday(), -100));
  const client = await app.signedIn(coach.email!);
  const saved = await client.post(`/coaching/beneficiaries/${person.id}`, {
    intent: "employmentCheck",
    monthsAfter: "3",
    employmentStatus: "hired_elsewhere",
  });
  expect(saved.status).toBe(302);
  return { coach, person, client };
}

const stored = async (userId: string) => {
  const [row] = await t.db
    .select()
    .from(trainingOutcomes)
    .where(and(eq(trainingOutcomes.userId, userId), eq(trainingOutcomes.monthsAfter, 3)));
  return row!;
};

const correction = (version: string, changes: Record<string, string> = {}) => ({
  intent: "employmentCheckCorrect",
  monthsAfter: "3",
  employmentStatus: "seeking",
  version,
  ...changes,
});

const today = { from: moroccoToday(), to: moroccoToday() };
const employedAt3 = async () => (await countEmploymentOutcomes(t.db, today)).find((o) => o.months === 3)!.employed;

describe("correcting an employment check", () => {
  it("is offered on the file, changes the status with an audit row naming it, and the reports follow", async () => {
    const { person, client } = await checked();
    const before = await stored(person.id);
    const employedBefore = await employedAt3();
    const file = await (await client.get(`/coaching/beneficiaries/${person.id}`)).text();
    expect(file).toContain("?correctCheck=3#employment-check-form");
    const form = await (await client.get(`/coaching/beneficiaries/${person.id}?correctCheck=3`)).text();
    expect(form).toContain('value="employmentCheckCorrect"');
    expect(form).toContain(`name="version" value="${checkVersion(before)}"`);

    const response = await client.post(`/coaching/beneficiaries/${person.id}`, correction(checkVersion(before)));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `/coaching/beneficiaries/${person.id}?visit=employmentCorrected#employment-checks`,
    );
    const after = await stored(person.id);
    expect(after.employmentStatus).toBe("seeking");
    // the day it was recorded and who recorded it stay
    expect([after.recordedOn, after.recordedById]).toEqual([before.recordedOn, before.recordedById]);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, before.id), eq(auditLog.action, "coaching.employment_check.correct")));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).toContain("employmentStatus");
    expect(await employedAt3()).toBe(employedBefore - 1);
    const page = await (await client.get(`/coaching/beneficiaries/${person.id}?visit=employmentCorrected`)).text();
    // said just above the employment section, not by the business visits further down
    const said = page.indexOf("Point sur l&#x27;emploi corrigé.");
    const section = page.indexOf('<section aria-labelledby="employment-checks"');
    expect(said).toBeGreaterThan(-1);
    expect(section - said).toBeGreaterThan(0);
    expect(page.slice(said, section)).not.toContain("<section");
  });

  it("writes nothing when nothing changed", async () => {
    const { person, client } = await checked();
    const row = await stored(person.id);
    const response = await client.post(
      `/coaching/beneficiaries/${person.id}`,
      correction(checkVersion(row), { employmentStatus: "hired_elsewhere" }),
    );
    expect(response.headers.get("location")).toContain("visit=employmentUnchanged");
    const audits = and(eq(auditLog.entityId, row.id), eq(auditLog.action, "coaching.employment_check.correct"));
    expect(await t.db.$count(auditLog, audits)).toBe(0);
    expect(await stored(person.id)).toEqual(row);
  });

  it("refuses a form older than the check, and writes one of five corrections sent at once", async () => {
    const { person, client } = await checked();
    const version = checkVersion(await stored(person.id));
    const answers = await Promise.all(
      ["seeking", "studying", "self_employed", "unknown", "seeking"].map((employmentStatus) =>
        client.post(`/coaching/beneficiaries/${person.id}`, correction(version, { employmentStatus })),
      ),
    );
    expect(answers.filter((r) => r.status === 302)).toHaveLength(1);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(4);
    expect(await refused[0]!.text()).toContain("Ce point a été corrigé entre-temps");
    const row = await stored(person.id);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, "coaching.employment_check.correct")));
    expect(audits).toHaveLength(1);
    // the stale form again: refused, the check as the winner left it
    const stale = await client.post(`/coaching/beneficiaries/${person.id}`, correction(version));
    expect(stale.status).toBe(409);
    expect((await stored(person.id)).employmentStatus).toBe(row.employmentStatus);
  });

  it("is refused to a coach who did not record it, offered to an admin, and refused on bad input or no check", async () => {
    const { coach, person } = await checked();
    const row = await stored(person.id);
    // the person changes coach: the new one follows her but did not record the check
    const next = await makeUser(t.db, { role: "coach" });
    await t.db.delete(coachAssignments).where(eq(coachAssignments.coachId, coach.id));
    await t.db.insert(coachAssignments).values({ coachId: next.id, beneficiaryId: person.id });
    const other = await app.signedIn(next.email!);
    expect(await (await other.get(`/coaching/beneficiaries/${person.id}`)).text()).not.toContain("correctCheck=3");
    const refused = await other.post(`/coaching/beneficiaries/${person.id}`, correction(checkVersion(row)));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Seul le coach qui a enregistré ce point");
    // the one who recorded it no longer follows her: not her file any more
    const former = await app.signedIn(coach.email!);
    expect((await former.post(`/coaching/beneficiaries/${person.id}`, correction(checkVersion(row)))).status).toBe(404);

    const admin = await app.asNewUser({ role: "admin" });
    expect(await (await admin.client.get(`/coaching/beneficiaries/${person.id}`)).text()).toContain("correctCheck=3");
    const bad = await admin.client.post(
      `/coaching/beneficiaries/${person.id}`,
      correction(checkVersion(row), { employmentStatus: "hired_by_host" }),
    );
    expect(bad.status).toBe(400);
    const none = await admin.client.post(
      `/coaching/beneficiaries/${person.id}`,
      correction(checkVersion(row), { monthsAfter: "6" }),
    );
    expect(none.status).toBe(404);
    expect(await stored(person.id)).toEqual(row);
    const ok = await admin.client.post(`/coaching/beneficiaries/${person.id}`, correction(checkVersion(row)));
    expect(ok.status).toBe(302);
    expect((await stored(person.id)).employmentStatus).toBe("seeking");
  });
});
