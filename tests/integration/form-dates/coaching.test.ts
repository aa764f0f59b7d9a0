/**
 * Bad days posted to the coaching forms (issue 18; the list of every date input is in
 * ../form-dates.test.ts): an appointment set and moved, an orientation interview and its
 * next step, a job-search log and a placement, each by the person's coach over an
 * otherwise valid body. Each is a 400 naming the field, and nothing is written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachingAppointments, guidanceSessions, jobSearchLogs, placements, hostDetails } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { scheduleAppointment } from "../../../app/modules/coaching/appointments.server";
import { makeOrganisation, uniqueSuffix } from "../../factories";
import { useTestApp } from "../helpers/app";
import { coachAndPerson, dayAhead } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";
import { refusesEveryBadDay } from "./bad-days";

const t = useTestDb();
const app = useTestApp(t);

async function coachOfSomeone() {
  const { coach, person } = await coachAndPerson(t.db, "fr");
  const c = await app.signedIn(coach.email!);
  return { coach, person, c, path: `/coaching/beneficiaries/${person.id}` };
}

describe("a day that is not a day, on a coaching form, is a 400 naming the field and changes nothing", () => {
  it("an appointment set on the file, and the same appointment moved (its coach)", async () => {
    const { coach, person, c, path } = await coachOfSomeone();
    const count = () => t.db.$count(coachingAppointments, eq(coachingAppointments.beneficiaryId, person.id));
    await refusesEveryBadDay(c, path, { intent: "appointment", time: "10:30" }, "date");
    expect(await count()).toBe(0);
    expect((await c.post(path, { intent: "appointment", date: dayAhead(30).date, time: "10:30" })).status).toBe(302);
    expect(await count()).toBe(1);

    const set = await scheduleAppointment(
      t.db,
      coach,
      person.id,
      { date: dayAhead(40).date, time: "09:00" },
      {
        ip: "127.0.0.1",
      },
    );
    if (!set.ok) throw new Error("appointment not set");
    const [row] = await t.db
      .select()
      .from(coachingAppointments)
      .where(eq(coachingAppointments.beneficiaryId, person.id))
      .orderBy(coachingAppointments.startsAt)
      .offset(1);
    const stored = async () =>
      (await t.db.select().from(coachingAppointments).where(eq(coachingAppointments.id, row!.id)))[0];
    const before = await stored();
    const movePath = `/coaching/appointments/${row!.id}`;
    await refusesEveryBadDay(c, movePath, { intent: "move", time: "11:00" }, "date");
    expect(await stored()).toEqual(before);
    expect((await c.post(movePath, { intent: "move", date: dayAhead(41).date, time: "11:00" })).status).toBe(302);
    expect((await stored())?.startsAt).not.toEqual(before?.startsAt);
  });

  it("an orientation interview's day and its next step's due day (its coach)", async () => {
    const { person, c, path } = await coachOfSomeone();
    const count = () => t.db.$count(guidanceSessions, eq(guidanceSessions.beneficiaryId, person.id));
    const base = {
      intent: "guidance",
      heldOn: moroccoToday(),
      goals: "Trouver un stage en cuisine.",
      step1: "Préparer un CV",
      due1: addDays(moroccoToday(), 7),
    };
    await refusesEveryBadDay(c, path, base, "heldOn");
    await refusesEveryBadDay(c, path, base, "due1");
    expect(await count()).toBe(0);
    expect((await c.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });

  it("a job-search log's day (its coach)", async () => {
    const { person, c, path } = await coachOfSomeone();
    const count = () => t.db.$count(jobSearchLogs, eq(jobSearchLogs.beneficiaryId, person.id));
    const base = { intent: "jobsearch", loggedOn: moroccoToday(), cvsSent: "2", interviews: "1", contacts: "3" };
    await refusesEveryBadDay(c, path, base, "loggedOn");
    expect(await count()).toBe(0);
    expect((await c.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });

  it("a placement's first and last days (its coach)", async () => {
    const { person, c, path } = await coachOfSomeone();
    const host = await makeOrganisation(t.db, { kind: "host_company", name: `Atelier ${uniqueSuffix()}`, city: "fes" });
    await t.db.insert(hostDetails).values({ organisationId: host.id, sector: "food_processing", contactName: "H. A." });
    const count = () => t.db.$count(placements, eq(placements.beneficiaryId, person.id));
    const base = {
      intent: "placement",
      hostId: host.id,
      tutorName: "Hassan Alaoui",
      startsOn: addDays(moroccoToday(), 10),
      endsOn: addDays(moroccoToday(), 70),
      stipend: "800",
    };
    for (const field of ["startsOn", "endsOn"]) await refusesEveryBadDay(c, path, base, field);
    expect(await count()).toBe(0);
    expect((await c.post(path, base)).status).toBe(302);
    expect(await count()).toBe(1);
  });
});
