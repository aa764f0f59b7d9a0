/**
 * Days and times typed in forms become instants on Morocco's clock, which is UTC+0 during
 * Ramadan (2027: from 7 February 03:00 back to 02:00, to 14 March 02:00 on to 03:00) and
 * UTC+1 otherwise: a call's opening and closing days, a training session's time.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grantCalls, trainingSessions } from "../../db/schema";
import { createCall } from "../../app/modules/grants/service.server";
import { CallSchema } from "../../app/modules/grants/schemas.server";
import { addSession } from "../../app/modules/trainings/service.server";
import { AddSessionSchema } from "../../app/modules/trainings/schemas.server";
import { moroccoDateTime } from "../../app/lib/morocco-time";
import { makeUser } from "../factories";
import { makeCall } from "../factories/grants";
import { makeCohort, makeTraining } from "../factories/trainings";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();

async function admin() {
  const user = await makeUser(t.db, { role: "admin", password: null });
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

function call(days: { opensOn: string; closesOn: string; reviewDeadlineOn: string }) {
  return CallSchema.parse({
    titleFr: "Appel",
    titleAr: "طلب",
    titleEn: "Call",
    audience: "both",
    ...days,
    budget: "100 000",
    maxGrant: "20 000",
    criteria: [{ labelFr: "Marché", weight: "100" }],
  });
}

describe("a call's days on Morocco's clock", () => {
  it("opens at 00:00 and closes at the end of 23:59 in Morocco, before, during and after Ramadan", async () => {
    const actor = await admin();
    // opens before Ramadan (UTC+1), closes during it (UTC+0), review ends after it (UTC+1)
    const across = await createCall(
      t.db,
      actor,
      call({ opensOn: "2027-01-20", closesOn: "2027-02-20", reviewDeadlineOn: "2027-03-20" }),
    );
    // closes on the last day of the year, at 23:59 on 31 December in Morocco (22:59Z)
    const yearEnd = await createCall(
      t.db,
      actor,
      call({ opensOn: "2026-12-01", closesOn: "2026-12-31", reviewDeadlineOn: "2027-02-10" }),
    );
    // opens on a Ramadan day
    const ramadan = await createCall(
      t.db,
      actor,
      call({ opensOn: "2027-02-10", closesOn: "2027-03-10", reviewDeadlineOn: "2027-03-14" }),
    );
    const read = async (result: typeof across) => {
      if (!result.ok) throw new Error("call not created");
      const [row] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, result.call.id));
      return [row!.opensAt, row!.closesAt, row!.reviewDeadline].map((d) => d.toISOString());
    };
    expect(await read(across)).toEqual([
      "2027-01-19T23:00:00.000Z",
      "2027-02-20T23:59:59.999Z",
      "2027-03-20T22:59:59.999Z",
    ]);
    expect(await read(yearEnd)).toEqual([
      "2026-11-30T23:00:00.000Z",
      "2026-12-31T22:59:59.999Z",
      "2027-02-10T23:59:59.999Z",
    ]);
    // the review deadline's day is the day of the switch back: it ends at 23:59 UTC+1
    expect(await read(ramadan)).toEqual([
      "2027-02-10T00:00:00.000Z",
      "2027-03-10T23:59:59.999Z",
      "2027-03-14T22:59:59.999Z",
    ]);
  });
});

describe("a training session's time on Morocco's clock", () => {
  it("stores 10:00 typed on a Ramadan day as 10:00Z, on other days as 09:00Z, and reads it back as 10:00", async () => {
    const actor = await admin();
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { startsOn: "2027-01-01", endsOn: "2027-04-01" });
    const days = ["2027-02-06", "2027-02-07", "2027-02-20", "2027-03-13", "2027-03-14", "2027-03-20"];
    for (const date of days) {
      const input = AddSessionSchema.parse({ date, time: "10:00", placeFr: "Rabat" });
      await addSession(t.db, actor, cohort.id, input, {});
    }
    const rows = await t.db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, cohort.id));
    const stored = rows.map((r) => r.startsAt.toISOString()).sort();
    expect(stored).toEqual([
      "2027-02-06T09:00:00.000Z",
      "2027-02-07T10:00:00.000Z",
      "2027-02-20T10:00:00.000Z",
      "2027-03-13T10:00:00.000Z",
      "2027-03-14T09:00:00.000Z",
      "2027-03-20T09:00:00.000Z",
    ]);
    expect(rows.map((r) => moroccoDateTime(r.startsAt).time)).toEqual(rows.map(() => "10:00"));
  });
  it("refuses a time of day that no clock reads, as a field error", () => {
    const parsed = AddSessionSchema.safeParse({ date: "2027-02-20", time: "25:00", placeFr: "Rabat" });
    expect(parsed.success).toBe(false);
  });
});

describe("the migration that corrects rows written with +01:00 (0013)", () => {
  const file = path.resolve(import.meta.dirname, "../../db/migrations/0013_morocco_clock_offsets.sql");
  const rerun = async () => {
    for (const statement of fs.readFileSync(file, "utf8").split("--> statement-breakpoint"))
      await t.db.execute(sql.raw(statement));
  };
  const at = (iso: string) => new Date(iso);

  it("moves the sessions typed on Ramadan days by an hour, and nothing else", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id);
    // as the old code stored them: 10:00 typed, written as 10:00+01:00 = 09:00Z
    const typed = ["2027-02-20T09:00:00Z", "2027-03-20T09:00:00Z", "2027-02-06T09:00:00Z", "2027-03-13T09:00:00Z"];
    const rows = await t.db
      .insert(trainingSessions)
      .values([...typed, "2027-02-20T09:00:30.500Z"].map((iso) => ({ cohortId: cohort.id, startsAt: at(iso) })))
      .returning({ id: trainingSessions.id });
    await rerun();
    const after = await t.db
      .select()
      .from(trainingSessions)
      .where(
        inArray(
          trainingSessions.id,
          rows.map((r) => r.id),
        ),
      );
    expect(after.map((r) => r.startsAt.toISOString()).sort()).toEqual([
      "2027-02-06T09:00:00.000Z", // UTC+1 still: unchanged
      "2027-02-20T09:00:30.500Z", // not a typed time: unchanged
      "2027-02-20T10:00:00.000Z", // Ramadan: 10:00 on Morocco's clock
      "2027-03-13T10:00:00.000Z", // the last Ramadan day
      "2027-03-20T09:00:00.000Z", // UTC+1 again: unchanged
    ]);
  });

  it("moves a call's Ramadan opening and closing days to Morocco's midnights, and leaves other instants", async () => {
    // opens 2027-02-10 and closes and ends review 2027-03-10, all Ramadan days, as the old code wrote them
    const ramadan = await makeCall(t.db, {
      opensAt: at("2027-02-09T23:00:00Z"),
      closesAt: at("2027-03-10T22:59:59Z"),
      reviewDeadline: at("2027-03-10T22:59:59Z"),
    });
    // closes on a Ramadan day, review ends on the switch back (UTC+1 by 23:59)
    const across = await makeCall(t.db, {
      opensAt: at("2027-01-19T23:00:00Z"),
      closesAt: at("2027-02-20T22:59:59Z"),
      reviewDeadline: at("2027-03-14T22:59:59Z"),
    });
    // the instants a seed or a factory writes: not typed days, left alone
    const other = await makeCall(t.db, {
      opensAt: at("2027-02-09T10:17:00Z"),
      closesAt: at("2027-02-20T10:17:00Z"),
      reviewDeadline: at("2027-03-01T10:17:00Z"),
    });
    await rerun();
    const read = async (id: string) => {
      const [row] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, id));
      return [row!.opensAt, row!.closesAt, row!.reviewDeadline].map((d) => d.toISOString());
    };
    expect(await read(ramadan.id)).toEqual([
      "2027-02-10T00:00:00.000Z",
      "2027-03-10T23:59:59.999Z",
      "2027-03-10T23:59:59.999Z",
    ]);
    expect(await read(across.id)).toEqual([
      "2027-01-19T23:00:00.000Z",
      "2027-02-20T23:59:59.999Z",
      "2027-03-14T22:59:59.000Z",
    ]);
    expect(await read(other.id)).toEqual([
      "2027-02-09T10:17:00.000Z",
      "2027-02-20T10:17:00.000Z",
      "2027-03-01T10:17:00.000Z",
    ]);
  });
});
