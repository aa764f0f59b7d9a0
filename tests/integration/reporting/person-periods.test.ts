/**
 * The period rollup (migration 0058, `report_person_periods`): a whole quarter or year of
 * the whole programme is read as one row per person from it, with no fold. Its figures
 * equal the join-based reference (tests/helpers/reporting-reference.ts) for every quarter
 * and the year, and they still do after a correction moves a person's only record of a
 * quarter to another, after a record is cancelled, after a case linked to an account
 * is anonymised (its records leave the account's person for the case's), and after people
 * are described again (the rows carry each person's description and age).
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { seedScale } from "../../../db/seed-scale";
import { outputTotals, reachedThisQuarter, reachTotals } from "../../../app/modules/reporting/queries.server";
import { maskSql, type ReportFilter } from "../../../app/modules/reporting/indicator-sql.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { anonymiseCase } from "../../../app/modules/protection/data-rights.server";
import { outputs, reachByFramework, reachByResult } from "../../helpers/reporting-reference";
import { makeUser } from "../../factories";
import { makeCase, makeService } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

const QUARTERS: ReportFilter[] = [
  { from: "2026-01-01", to: "2026-03-31", organisationId: null },
  { from: "2026-04-01", to: "2026-06-30", organisationId: null },
  { from: "2026-07-01", to: "2026-09-30", organisationId: null },
  { from: "2026-10-01", to: "2026-12-31", organisationId: null },
];
const YEAR: ReportFilter = { from: "2026-01-01", to: "2026-12-31", organisationId: null };

beforeAll(async () => {
  await seedDemo(t.db);
  await seedScale(t.sql, 300);
}, 120_000);

const order = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The period's people, frameworks, outputs and home figure, from the period rollup, against the reference. */
async function expectReference(filter: ReportFilter) {
  const sources = wiredSources();
  const people = await reachTotals(t.db, sources, filter);
  const reference = await reachByResult(t.db, sources, filter);
  expect(order(people.reach), filter.from).toEqual(order(reference));
  expect(order(people.frameworks), filter.from).toEqual(
    order((await reachByFramework(t.db, sources, filter)).filter((r) => r.key !== "all")),
  );
  expect(order(await outputTotals(t.db, sources, filter)), filter.from).toEqual(
    order(await outputs(t.db, sources, filter)),
  );
  const all = reference.find((r) => r.key === "all" && r.dimension === null)?.persons ?? 0;
  expect(await reachedThisQuarter(t.db, sources, filter), filter.from).toBe(all);
  return people;
}

/** The period rollup's rows of one person (by their key), as "months:start". */
async function periodsOf(personKey: string) {
  const rows = (await t.db.execute(sql`select p.period_months, to_char(p.period_start, 'YYYY-MM-DD') as start
    from report_person_periods p join report_person_ids i on i.person_id = p.person_id
    where i.person_key = ${personKey} order by 1, 2`)) as unknown as { period_months: number; start: string }[];
  return rows.map((r) => `${r.period_months}:${r.start}`);
}

describe("a quarter or a year from the period rollup", () => {
  it("equals the reference for every quarter and the year", async () => {
    for (const filter of [...QUARTERS, YEAR]) {
      const people = await expectReference(filter);
      expect(people.reach.find((r) => r.key === "all" && r.dimension === null)?.persons).toBeGreaterThan(50);
    }
  });

  it("is read from the period rollup, not folded from the months", async () => {
    // the same sources with an empty period rollup: a quarter and a year have no one, a month still has
    const wired = wiredSources();
    const sources = { ...wired, personPeriods: sql`select * from (${wired.personPeriods}) pp where false` };
    for (const filter of [QUARTERS[1]!, YEAR]) expect((await reachTotals(t.db, sources, filter)).reach).toEqual([]);
    const may = await reachTotals(t.db, sources, { from: "2026-05-01", to: "2026-05-31", organisationId: null });
    expect(may.reach.length).toBeGreaterThan(0);
  });

  it("follows a correction moving a person's only record of a quarter into another, and a cancellation", async () => {
    const worker = await t.db.execute(
      sql`select id, organisation_id from users where role = 'case_worker' order by email limit 1`,
    );
    const [w] = worker as unknown as { id: string; organisation_id: string }[];
    const kase = await makeCase(t.db, { organisationId: w!.organisation_id, createdById: w!.id });
    const service = await makeService(t.db, {
      caseId: kase.id,
      kind: "legal",
      serviceDate: "2026-05-12",
      status: "completed",
      recordedById: w!.id,
    });
    expect(await periodsOf(kase.id)).toEqual(["3:2026-04-01", "12:2026-01-01"]);
    const before = await expectReference(QUARTERS[1]!);
    // the date corrected, as the case worker's correction form writes it
    await t.db.execute(sql`update case_services set service_date = '2026-08-01' where id = ${service.id}`);
    expect(await periodsOf(kase.id)).toEqual(["3:2026-07-01", "12:2026-01-01"]);
    const after = await expectReference(QUARTERS[1]!);
    const all = (p: typeof before) => p.reach.find((r) => r.key === "all" && r.dimension === null)?.persons;
    expect(all(after)).toBe(all(before)! - 1);
    await expectReference(QUARTERS[2]!);
    // cancelled: out of the quarter and of the year
    await t.db.execute(sql`update case_services set status = 'cancelled' where id = ${service.id}`);
    expect(await periodsOf(kase.id)).toEqual([]);
    await expectReference(QUARTERS[2]!);
    await expectReference(YEAR);
  });

  it("follows an anonymised case: its records leave the account's person for the case's", async () => {
    const applicant = await makeUser(t.db, { role: "applicant" });
    const [w] = (await t.db.execute(
      sql`select id, organisation_id from users where role = 'case_worker' order by email limit 1`,
    )) as unknown as { id: string; organisation_id: string }[];
    const kase = await makeCase(t.db, {
      organisationId: w!.organisation_id,
      createdById: w!.id,
      applicantUserId: applicant.id,
    });
    await makeService(t.db, {
      caseId: kase.id,
      kind: "medical",
      serviceDate: "2026-11-03",
      status: "completed",
      recordedById: w!.id,
    });
    expect(await periodsOf(applicant.id)).toEqual(["3:2026-10-01", "12:2026-01-01"]);
    expect(await periodsOf(kase.id)).toEqual([]);
    await anonymiseCase(t.db, null, kase.id, {});
    expect(await periodsOf(applicant.id)).toEqual([]);
    expect(await periodsOf(kase.id)).toEqual(["3:2026-10-01", "12:2026-01-01"]);
    await expectReference(QUARTERS[3]!);
    await expectReference(YEAR);
  });

  it("follows people described again: a profile's sex and region, a case's birth date", async () => {
    // someone the quarter's reach counts (a row of the rollup whose activities count toward no
    // result is in no figure, and describing them again changes none: the ids are random, so
    // the first by id was such a person in some runs)
    const [profile] = (await t.db.execute(sql`select pr.user_id, pr.sex::text as sex from profiles pr
      join report_person_ids i on i.person_key = pr.user_id
      join report_person_periods p on p.person_id = i.person_id and p.period_months = 3 and p.period_start = '2026-04-01'
      where p.mask & ${maskSql().all} <> 0
      order by pr.user_id limit 1`)) as unknown as { user_id: string; sex: string }[];
    const [kase] = (await t.db.execute(sql`select c.id from beneficiary_cases c
      join report_person_ids i on i.person_key = c.id
      join report_person_periods p on p.person_id = i.person_id and p.period_months = 12 and p.period_start = '2026-01-01'
      where c.applicant_user_id is null and c.anonymised_at is null order by c.id limit 1`)) as unknown as {
      id: string;
    }[];
    expect(profile && kase).toBeTruthy();
    const region = (people: Awaited<ReturnType<typeof reachTotals>>, code: string) =>
      people.reach.find((r) => r.key === "all" && r.dimension === "region" && r.category === code)?.persons ?? 0;
    const before = await expectReference(QUARTERS[1]!);
    await t.db.execute(sql`update profiles set sex = ${profile!.sex === "female" ? "male" : "female"}::sex,
      region = 'oriental', city = null where user_id = ${profile!.user_id}`);
    const after = await expectReference(QUARTERS[1]!);
    expect(order(after.reach)).not.toEqual(order(before.reach));
    expect(region(after, "MA-02")).toBeGreaterThan(0);
    // a child now: the age band moves in every period of the year
    await t.db.execute(
      sql`update beneficiary_cases set date_of_birth = '2020-05-01', estimated_age = null where id = ${kase!.id}`,
    );
    for (const filter of [...QUARTERS, YEAR]) await expectReference(filter);
  });
});
