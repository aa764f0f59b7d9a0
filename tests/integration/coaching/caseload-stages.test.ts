/**
 * The caseload's stages from the person's trainings and job search, read with the
 * people in one statement (issue 19): a cancelled registration does not count, another
 * coach's beneficiaries are not listed, and the statements do not grow with the people.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import * as schema from "../../../db/schema";
import { coachAssignments, jobSearchLogs, trainingRegistrations } from "../../../db/schema";
import { moroccoToday } from "../../../app/lib/morocco-time";
import { caseload } from "../../../app/modules/coaching/queries.server";
import { makeUser } from "../../factories";
import { makeCohort, makeTraining } from "../../factories/trainings";
import { useTestDb } from "../helpers/test-db";

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
    const statements: string[] = [];
    const counted = drizzle(t.sql, {
      schema,
      casing: "snake_case",
      logger: { logQuery: (query) => void statements.push(query) },
    }) as Database;
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
});
