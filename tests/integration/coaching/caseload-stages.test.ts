/**
 * The caseload's stages from the person's trainings and job search, read with the
 * people in one statement (issue 19): a cancelled registration does not count, another
 * coach's beneficiaries are not listed, and the statements do not grow with the people.
 * An internship's outcome whose day has come puts the person first, as an overdue follow-up.
 */
import { describe, expect, it } from "vitest";
import {
  coachAssignments,
  jobSearchLogs,
  placementOutcomes,
  placements,
  trainingRegistrations,
} from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { caseload } from "../../../app/modules/coaching/queries.server";
import { makeOrganisation, makeUser } from "../../factories";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { countingDb, useTestDb } from "../helpers/test-db";

const t = useTestDb();

describe("the caseload", () => {
  it("shows training, job search and guidance as the person's rows say, in as many statements for 4 people as for 1", async () => {
    const coach = await makeUser(t.db, { role: "coach" });
    const other = await makeUser(t.db, { role: "coach" });
    const cohort = await makeCohort(t.db, (await makeTraining(t.db)).id);
    const follow = async (name: string, coachId = coach.id) => {
      const person = await makeUser(t.db, { displayName: name });
      await t.db.insert(coachAssignments).values({ coachId, beneficiaryId: person.id });
      return person;
    };
    const { db: counted, statements } = countingDb(t.sql);
    const today = moroccoToday();

    const trains = await follow("A En-Formation");
    await t.db.insert(trainingRegistrations).values({ cohortId: cohort.id, userId: trains.id, status: "confirmed" });
    await caseload(counted, coach.id, today);
    const forOne = statements.length;

    const searches = await follow("B Cherche");
    await t.db
      .insert(jobSearchLogs)
      .values({ beneficiaryId: searches.id, coachId: coach.id, loggedOn: today, cvsSent: 2 });
    const cancelled = await follow("C Annule");
    await t.db.insert(trainingRegistrations).values({ cohortId: cohort.id, userId: cancelled.id, status: "cancelled" });
    await follow("D Ailleurs", other.id);
    await follow("E Rien");

    statements.length = 0;
    const rows = await caseload(counted, coach.id, today);
    expect(statements.length).toBe(forOne);
    expect(rows.map((r) => [r.displayName, r.stage]).sort()).toEqual([
      ["A En-Formation", "training"],
      ["B Cherche", "job_search"],
      ["C Annule", "guidance"],
      ["E Rien", "guidance"],
    ]);
  });

  it("puts first a person whose internship outcome is due and not recorded, until it is", async () => {
    const coach = await makeUser(t.db, { role: "coach" });
    const host = await makeOrganisation(t.db, { kind: "host_company" });
    const today = moroccoToday();
    const follow = async (name: string, endsOn: string, status: "completed" | "ongoing") => {
      const person = await makeUser(t.db, { displayName: name });
      await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
      const [placement] = await t.db
        .insert(placements)
        .values({
          beneficiaryId: person.id,
          hostId: host.id,
          coachId: coach.id,
          tutorName: "Tuteur",
          startsOn: addDays(endsOn, -35),
          endsOn,
          status,
        })
        .returning();
      return { person, placement: placement! };
    };
    // ended 100 days ago: the outcome at its end is due; 3 months after is due too (more than 90 days)
    const ended = await follow("Z Stage-Fini", addDays(today, -100), "completed");
    // began 5 days ago, ends in a month: nothing to record yet, no contact overdue
    const running = await follow("A Stage-En-Cours", addDays(today, 30), "ongoing");

    const rows = await caseload(t.db, coach.id, today);
    expect(rows.map((r) => [r.displayName, r.internshipOutcomesDue])).toEqual([
      ["Z Stage-Fini", 2],
      ["A Stage-En-Cours", 0],
    ]);
    expect(rows[0]!.placementId).toBe(ended.placement.id);
    expect(rows[1]!.placementId).toBe(running.placement.id);

    await t.db.insert(placementOutcomes).values([
      { placementId: ended.placement.id, checkpoint: "end", employmentStatus: "hired_by_host", recordedOn: today },
      { placementId: ended.placement.id, checkpoint: "month_3", employmentStatus: "hired_by_host", recordedOn: today },
    ]);
    const after = await caseload(t.db, coach.id, today);
    expect(after.map((r) => [r.displayName, r.internshipOutcomesDue])).toEqual([
      ["A Stage-En-Cours", 0],
      ["Z Stage-Fini", 0],
    ]);
  });
});
