/**
 * The register (issue 13): it starts with nobody marked, so one "Save" issues no
 * certificate by itself; rows left unmarked stay unmarked; and it is not offered, nor
 * accepted, for a session still to come on Morocco's clock.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingAttendance, trainingCertificates } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { register } from "../../../app/modules/trainings/service.server";
import { makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function cohortOfTwo(firstDay: string) {
  const training = await makeTraining(t.db, { minAttendancePercent: 50 });
  const cohort = await makeCohort(t.db, training.id, { startsOn: firstDay, endsOn: addDays(firstDay, 10) });
  const [session] = await makeSessions(t.db, cohort.id, 1, firstDay);
  const awa = await makeUser(t.db, { displayName: "Awa Marquée" });
  const sekou = await makeUser(t.db, { displayName: "Sékou Oublié" });
  for (const u of [awa, sekou])
    await register(t.db, { id: u.id, role: "applicant", organisationId: null }, cohort.id, {});
  const coach = await makeUser(t.db, { role: "coach" });
  const client = await app.signedIn(coach.email!);
  return { cohort, session: session!, awa, sekou, client };
}

describe("the attendance register", () => {
  it("starts with nobody marked; a row left unmarked stays unmarked and earns nothing", async () => {
    const { session, awa, sekou, client } = await cohortOfTwo(addDays(moroccoToday(), -3));
    const sheet = await (await client.get(`/trainings/sessions/${session.id}`)).text();
    expect(sheet).toContain("Awa Marquée");
    expect(sheet).not.toMatch(/<input[^>]*checked/);

    const saved = await client.post(`/trainings/sessions/${session.id}`, { [`mark-${awa.id}`]: "present" });
    expect(saved.status).toBe(302);
    const marks = await t.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
    expect(marks.map((m) => [m.userId, m.status])).toEqual([[awa.id, "present"]]);
    expect(await t.db.$count(trainingCertificates, eq(trainingCertificates.userId, sekou.id))).toBe(0);
    expect(await t.db.$count(trainingCertificates, eq(trainingCertificates.userId, awa.id))).toBe(1);

    // back on the sheet: Awa's mark is shown, Sékou is still unmarked and said to be
    const after = await (await client.get(saved.headers.get("location")!)).text();
    expect(after).toMatch(new RegExp(`name="mark-${awa.id}" checked="" value="present"`));
    expect(after).not.toMatch(new RegExp(`name="mark-${sekou.id}"[^>]*checked`));
    expect(after).toContain("1 participant pas encore marqué\u00a0: il ne compte ni présent ni absent.");
  });

  it("is not offered, and refuses marks, for a session still to come", async () => {
    const { cohort, session, awa, client } = await cohortOfTwo(addDays(moroccoToday(), 2));
    const sheet = await (await client.get(`/trainings/sessions/${session.id}`)).text();
    expect(sheet).toContain('data-testid="attendance-not-yet"');
    expect(sheet).not.toContain(`name="mark-${awa.id}"`);
    const cohortPage = await (await client.get(`/trainings/cohorts/${cohort.id}`)).text();
    expect(cohortPage).not.toContain(`href="/trainings/sessions/${session.id}"`);

    const refused = await client.post(`/trainings/sessions/${session.id}`, { [`mark-${awa.id}`]: "present" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("pas encore eu lieu");
    expect(
      await t.db.$count(
        trainingAttendance,
        and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.userId, awa.id)),
      ),
    ).toBe(0);
  });

  it("opens on the session's day", async () => {
    const { session, awa, client } = await cohortOfTwo(moroccoToday());
    const sheet = await (await client.get(`/trainings/sessions/${session.id}`)).text();
    expect(sheet).toContain(`name="mark-${awa.id}"`);
    expect((await client.post(`/trainings/sessions/${session.id}`, { [`mark-${awa.id}`]: "absent" })).status).toBe(302);
  });
});
