/**
 * The reporting rollup (migration 0007): the triggers keep report_events and
 * report_people equal to what the source views say, through every kind of write the
 * modules make (inserts by the demo seed's services, then updates, re-links and
 * deletes that move rows between people, activities and associations), and under
 * concurrent writes to one person. The views are the reference; `report_rebuild()`
 * recomputes from them.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { ACTIVITIES, activityMasks } from "../../../app/modules/reporting/frameworks";
import { cityRegionPairs, countryAliasPairs, foldKey, regionCodePairs } from "../../../app/modules/reporting/mappings";
import {
  monthlyTotals,
  outputTotals,
  reachByVulnerability,
  reachedThisQuarter,
  reachTotals,
} from "../../../app/modules/reporting/queries.server";
import { outputs } from "../../helpers/reporting-reference";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { makeUser } from "../../factories";
import { makeCase } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

type Row = Record<string, unknown>;
const rows = async (query: ReturnType<typeof sql>) => (await t.db.execute(query)) as unknown as Row[];
const one = async (query: ReturnType<typeof sql>) => (await rows(query))[0] ?? {};

/** Run a write and make sure it changed something (else the test would prove nothing). */
async function touch(query: ReturnType<typeof sql>) {
  const result = (await t.db.execute(query)) as unknown as { count: number };
  expect(result.count).toBeGreaterThan(0);
}

/** Rows in one relation and not the other, both ways (multisets). */
async function drift() {
  const events = await rows(sql`
    select 'missing' as side, * from (select * from report_event_source except all
      select source, source_id, activity, detail, person_key, occurred_on, organisation_id, quantity, value_centimes from report_events) a
    union all
    select 'extra', * from (select source, source_id, activity, detail, person_key, occurred_on, organisation_id, quantity, value_centimes from report_events
      except all select * from report_event_source) b`);
  const people = await rows(sql`
    select 'missing' as side, * from (select * from report_people_source
      except all select person_key, sex, birth_date, nationality, is_migrant, region from report_people) a
    union all
    select 'extra', * from (select person_key, sex, birth_date, nationality, is_migrant, region from report_people
      except all select * from report_people_source) b`);
  // every row carries its person's integer, and each person has one
  const ids = await rows(sql`
    select 'event' as kind, e.person_key from report_events e left join report_person_ids i on i.person_key = e.person_key
      where e.person_key is not null and (e.person_id is null or e.person_id is distinct from i.person_id)
    union all
    select 'person', p.person_key from report_people p left join report_person_ids i on i.person_key = p.person_key
      where p.person_id is null or p.person_id is distinct from i.person_id`);
  // the month rollup is the events folded per person, month and association: their
  // activities' bits and their output lines' bits
  const folded = sql`select e.person_id, date_trunc('month', e.occurred_on)::date,
      coalesce(e.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid),
      bit_or(report_activity_bit(e.activity)), coalesce(bit_or(report_line_lo(l.line_id)), 0), coalesce(bit_or(report_line_hi(l.line_id)), 0)
    from report_events e left join report_lines l on l.activity = e.activity and l.detail = coalesce(e.detail, '')
    where e.person_id is not null and e.occurred_on is not null group by 1, 2, 3`;
  const months = await rows(sql`
    (select person_id, month, organisation_id, mask, lines_lo, lines_hi from report_person_months except all ${folded})
    union all
    (${folded} except all select person_id, month, organisation_id, mask, lines_lo, lines_hi from report_person_months)`);
  // the period rollup is the month rollup folded per person, quarter and year, every
  // association together, each row describing its person
  const periods = await rows(sql`
    with spans(period_months, unit) as (values (3::smallint, 'quarter'), (12::smallint, 'year')),
    folded as (
      select s.period_months, date_trunc(s.unit, m.month)::date as period_start, m.person_id,
        bit_or(m.mask) as mask, bit_or(m.lines_lo) as lines_lo, bit_or(m.lines_hi) as lines_hi
      from report_person_months m cross join spans s group by 1, 2, 3
    ),
    -- each row describes its person as report_people does, with their age on the period's last day
    fromMonths as (
      select f.*, p.sex, extract(year from age((f.period_start + make_interval(months => f.period_months))::date - 1, p.birth_date))::int as age_years,
        p.nationality, p.is_migrant, p.region
      from folded f left join report_people p on p.person_id = f.person_id
    )
    (select period_months, period_start, person_id, mask, lines_lo, lines_hi, sex, age_years, nationality, is_migrant, region
      from report_person_periods except all select * from fromMonths)
    union all
    (select * from fromMonths except all select period_months, period_start, person_id, mask, lines_lo, lines_hi,
      sex, age_years, nationality, is_migrant, region from report_person_periods)`);
  // every output line is numbered
  const lines = await rows(
    sql`select activity, coalesce(detail, '') from report_events except select activity, detail from report_lines`,
  );
  // the outputs' sums per month, association and line are the events' counts and sums, no row left at zero
  const summed = sql`select date_trunc('month', occurred_on)::date,
      coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), activity, detail,
      count(*)::bigint, sum(quantity)::bigint, sum(value_centimes)::bigint
    from report_events where occurred_on is not null group by 1, 2, 3, 4`;
  const lineMonths = await rows(sql`
    (select month, organisation_id, activity, detail, events, quantity, value_centimes from report_line_months except all ${summed})
    union all
    (${summed} except all select month, organisation_id, activity, detail, events, quantity, value_centimes from report_line_months)`);
  return { events, people, ids, months, periods, lines, lineMonths };
}

/** The rollup equals what its views and events say, on every count. */
async function expectNoDrift() {
  expect(await drift()).toEqual({
    events: [],
    people: [],
    ids: [],
    months: [],
    periods: [],
    lines: [],
    lineMonths: [],
  });
}

beforeAll(async () => {
  await seedDemo(t.db);
});

describe("the reporting rollup", () => {
  it("holds every module's records after the demo seed, one row per record and item", async () => {
    const counts = await rows(
      sql`select source, count(*)::int as n from report_events group by source order by source`,
    );
    const sources = counts.map((c) => c.source);
    for (const s of [
      "case_services",
      "distributions",
      "vouchers",
      "training_certificates",
      "guidance_sessions",
      "placements",
      "grant_applications",
    ]) {
      expect(sources, s).toContain(s);
    }
    await expectNoDrift();
    const [people] = await rows(sql`select count(*)::int as n from report_people`);
    expect(Number(people?.n)).toBeGreaterThan(5);
  });

  it("follows updates, re-links and deletes across modules", async () => {
    // a case linked to an applicant account: its services, kits and vouchers move to the account's key
    const applicant = await makeUser(t.db, { role: "applicant" });
    const target = await one(sql`select c.id from beneficiary_cases c
      where c.applicant_user_id is null and exists (select 1 from case_services s where s.case_id = c.id)
        and exists (select 1 from distributions d where d.case_id = c.id) limit 1`);
    expect(target.id).toBeTruthy();
    await t.db.execute(sql`update beneficiary_cases set applicant_user_id = ${applicant.id} where id = ${target.id}`);
    const moved = await one(sql`select count(*)::int as n from report_events where person_key = ${applicant.id}`);
    expect(Number(moved.n)).toBeGreaterThan(1);
    // household size changes what a per-household round hands out
    await touch(
      sql`update beneficiary_cases set household_size = household_size + 2 where id in (select case_id from distributions limit 3)`,
    );
    // what a case file says of a person: nationality and town, codes of their lists
    await touch(
      sql`update beneficiary_cases set nationality = 'GN', city = 'fes' where id in (select id from beneficiary_cases order by reference limit 2)`,
    );
    // a service cancelled leaves the figures; a shelter stay with a malformed night count still saves
    await touch(
      sql`update case_services set status = 'cancelled' where id = (select id from case_services where kind = 'medical' limit 1)`,
    );
    const shelterCase = await one(sql`select id, organisation_id from beneficiary_cases limit 1`);
    const worker = await one(sql`select id from users where role = 'case_worker' limit 1`);
    await touch(sql`insert into case_services (case_id, kind, service_date, status, details, recorded_by_id)
      values (${shelterCase.id}, 'shelter', '2026-02-01', 'completed', ${JSON.stringify({ nights: "three" })}::jsonb, ${worker.id})`);
    // a round's items, the round, then an item's kind (last: the others rewrite the round's kits)
    const round = await one(sql`select ri.round_id, ri.item_id from round_items ri join aid_items i on i.id = ri.item_id
      where i.kind <> 'voucher' and exists (select 1 from distributions d where d.round_id = ri.round_id) limit 1`);
    await touch(
      sql`update round_items set quantity = quantity + 1 where round_id = ${round.round_id} and item_id = ${round.item_id}`,
    );
    await touch(sql`update distribution_rounds set per_household = not per_household where id = ${round.round_id}`);
    // (the app no longer changes the unit of an item whose stock moved, decision 0114: the
    // rollup must still follow such a change made by hand by the database's owner)
    await t.db.execute(sql`alter table aid_items disable trigger aid_items_unit_fixed`);
    await touch(
      sql`update aid_items set kind = case when kind = 'nfi_kit' then 'blanket' else 'nfi_kit' end::aid_item_kind where id = ${round.item_id}`,
    );
    await t.db.execute(sql`alter table aid_items enable trigger aid_items_unit_fixed`);
    // a voucher redeemed
    await touch(
      sql`update vouchers set redeemed_at = now(), redeemed_by_id = issued_by_id where id = (select id from vouchers where redeemed_at is null limit 1)`,
    );
    // a certificate revoked, a training moved to another category
    await touch(sql`update training_certificates set revoked_at = now(), revoked_reason = 'revoked_by_admin'
      where id = (select id from training_certificates limit 1)`);
    await touch(sql`update trainings set category = 'language_culture' where id = (
      select co.training_id from training_certificates tc join training_cohorts co on co.id = tc.cohort_id where tc.revoked_at is null limit 1)`);
    // a placement handed to another beneficiary carries its outcomes along
    await touch(
      sql`update placements set beneficiary_id = ${applicant.id} where id = (select placement_id from placement_outcomes limit 1)`,
    );
    // a grant application withdrawn; a tranche paid
    await touch(sql`update grant_applications set status = 'withdrawn', withdrawn_at = now() where id = (
      select id from grant_applications where status <> 'withdrawn' and id not in (select application_id from grant_awards) limit 1)`);
    // an award and its tranches: the coach confirms the business started, the tranche is paid,
    // then the application moves to another account (its award and tranches follow)
    const application = await one(sql`select id, call_id from grant_applications where status <> 'withdrawn' limit 1`);
    const [award] = await rows(sql`insert into grant_awards (reference, call_id, application_id, amount_centimes)
      values ('TEST-ROLLUP-1', ${application.call_id}, ${application.id}, 1000000) returning id`);
    await touch(sql`insert into grant_tranches (award_id, position, percent, amount_centimes, condition)
      values (${award?.id}, 1, 60, 600000, 'signature'), (${award?.id}, 2, 40, 400000, 'business_started')`);
    await touch(
      sql`update grant_tranches set condition_confirmed_at = now(), method = 'cash', paid_at = now() where award_id = ${award?.id}`,
    );
    await touch(sql`update grant_applications set applicant_id = ${applicant.id} where id = ${application.id}`);
    const followed = await one(
      sql`select count(*)::int as n from report_events where source in ('grant_awards', 'grant_tranches') and person_key = ${applicant.id}`,
    );
    expect(followed.n).toBe(4);
    // a profile's region; an outcome struck out; a person with no profile and no case any more
    await touch(
      sql`update profiles set region = 'rabat_sale_kenitra', city = null where user_id = (select user_id from profiles limit 1)`,
    );
    await touch(sql`delete from placement_outcomes where id = (select id from placement_outcomes limit 1)`);
    await touch(sql`delete from profiles where user_id = (select user_id from profiles p
      where not exists (select 1 from beneficiary_cases c where c.applicant_user_id = p.user_id) order by user_id limit 1)`);
    await expectNoDrift();
  });

  it("gives the same rows when rebuilt from the views", async () => {
    const before =
      await rows(sql`select source, source_id, activity, detail, person_key, occurred_on, organisation_id, quantity, value_centimes
      from report_events order by 1, 2, 3, 4`);
    await t.db.execute(sql`select report_rebuild()`);
    const after =
      await rows(sql`select source, source_id, activity, detail, person_key, occurred_on, organisation_id, quantity, value_centimes
      from report_events order by 1, 2, 3, 4`);
    expect(after).toEqual(before);
  });

  /**
   * Two interleavings where each transaction reads before the other commits. The
   * steps are forced in order: a step that must wait is started, the test waits until
   * PostgreSQL shows it waiting (or done), then lets the other side commit.
   */
  async function waitingOrDone(pid: number, step: Promise<unknown>) {
    let done = false;
    void step.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; i < 200 && !done; i++) {
      const [row] = (await t.sql`select wait_event_type from pg_stat_activity where pid = ${pid}`) as unknown as {
        wait_event_type: string | null;
      }[];
      if (row?.wait_event_type === "Lock") return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async function connection() {
    const c = await t.sql.reserve();
    const [row] = await c`select pg_backend_pid() as pid`;
    return { c, pid: Number(row?.pid) };
  }
  /** Back to the pool with no transaction left open: a test that failed midway leaves the next ones theirs. */
  async function release(...xs: Connection[]) {
    for (const x of xs) {
      await x.c`rollback`.catch(() => undefined);
      x.c.release();
    }
  }
  type Connection = Awaited<ReturnType<typeof connection>>;

  /**
   * `first` runs in a transaction left open; `second` starts in another and is let run
   * until it waits on a lock (or is done); then the first commits, then the second.
   */
  async function interleave(first: (x: Connection) => Promise<unknown>, second: (x: Connection) => Promise<unknown>) {
    const [a, b] = [await connection(), await connection()];
    try {
      await a.c`begin`;
      await first(a);
      await b.c`begin`;
      const step = second(b);
      await waitingOrDone(b.pid, step);
      await a.c`commit`;
      await step;
      await b.c`commit`;
    } finally {
      await release(a, b);
    }
  }

  it("describes a person from their profile when a profile and two case links race", async () => {
    const applicant = await makeUser(t.db, { role: "applicant" });
    const [case1, case2] = await rows(
      sql`select id from beneficiary_cases where applicant_user_id is null order by reference limit 2`,
    );
    const [a, b, c] = [await connection(), await connection(), await connection()];
    try {
      await a.c`begin`;
      await a.c`update beneficiary_cases set applicant_user_id = ${applicant.id} where id = ${String(case1?.id)}`;
      await b.c`begin`;
      const profile = b.c`insert into profiles (user_id, sex, nationality, city) values (${applicant.id}, 'female', 'ML', 'oujda')`;
      await waitingOrDone(b.pid, profile);
      await a.c`commit`;
      await profile;
      await c.c`begin`;
      // reads before the profile is committed: it must wait for it, then describe from it
      const link = c.c`update beneficiary_cases set applicant_user_id = ${applicant.id} where id = ${String(case2?.id)}`;
      await waitingOrDone(c.pid, link);
      await b.c`commit`;
      await link;
      await c.c`commit`;
    } finally {
      await release(a, b, c);
    }
    const person = await rows(sql`select * from report_people where person_key = ${applicant.id}`);
    expect(person).toHaveLength(1);
    expect(person[0]).toMatchObject({ sex: "f", nationality: "ML", region: "MA-02" });
    await expectNoDrift();
  });

  it("counts a service under the new key when it is recorded while its case is linked to an account", async () => {
    const applicant = await makeUser(t.db, { role: "applicant" });
    const [kase] = await rows(
      sql`select id from beneficiary_cases where applicant_user_id is null order by reference desc limit 1`,
    );
    const worker = await one(sql`select id from users where role = 'case_worker' limit 1`);
    await interleave(
      (a) => a.c`update beneficiary_cases set applicant_user_id = ${applicant.id} where id = ${String(kase?.id)}`,
      (b) => b.c`insert into case_services (case_id, kind, service_date, status, details, recorded_by_id)
        values (${String(kase?.id)}, 'legal', '2026-03-03', 'completed', '{}'::jsonb, ${String(worker.id)})`,
    );
    const [row] =
      await rows(sql`select count(*)::int as n from report_events e join case_services s on s.id = e.source_id
      where s.case_id = ${String(kase?.id)} and e.person_key <> ${applicant.id}`);
    expect(row?.n).toBe(0);
    await expectNoDrift();
  });

  /**
   * A round's items change while a distribution of that round is recorded by another
   * transaction: the two are about different people, so only the rollup's shared lock
   * (taken exclusively by the item change) makes one wait for the other. Both orders.
   */
  for (const first of ["distribution", "items"] as const) {
    it(`rewrites a distribution recorded while its round's items change (${first} first)`, async () => {
      const round =
        await one(sql`select ri.round_id, ri.item_id from round_items ri join aid_items i on i.id = ri.item_id
        where i.kind <> 'voucher' order by ri.round_id, ri.item_id limit 1`);
      const kase = await one(sql`select c.id from beneficiary_cases c
        where not exists (select 1 from distributions d where d.case_id = c.id and d.round_id = ${round.round_id}) order by c.reference limit 1`);
      const worker = await one(sql`select id from users where role = 'case_worker' limit 1`);
      expect(kase.id).toBeTruthy();
      const distribute = (x: Connection) =>
        x.c`insert into distributions (round_id, case_id, handed_out_by_id) values (${String(round.round_id)}, ${String(kase.id)}, ${String(worker.id)})`;
      const moreItems = (x: Connection) =>
        x.c`update round_items set quantity = quantity + 3 where round_id = ${String(round.round_id)} and item_id = ${String(round.item_id)}`;
      await (first === "distribution" ? interleave(distribute, moreItems) : interleave(moreItems, distribute));
      await expectNoDrift();
    });
  }

  it("numbers a new line once, and folds it for both people, when two transactions record it at once", async () => {
    const cases = await rows(sql`select id from beneficiary_cases order by reference limit 2`);
    const worker = await one(sql`select id from users where role = 'case_worker' limit 1`);
    const record = (x: Connection, caseId: unknown) =>
      x.c`insert into case_services (case_id, kind, service_date, status, details, recorded_by_id)
        values (${String(caseId)}, 'legal', '2026-04-07', 'done', ${JSON.stringify({ legalType: "asylum_appeal" })}::jsonb, ${String(worker.id)})`;
    // the second numbers the same line: it waits for the first's number, then folds it into its person's month
    await interleave(
      (a) => record(a, cases[0]?.id),
      (b) => record(b, cases[1]?.id),
    );
    const lines = await rows(
      sql`select line_id from report_lines where activity = 'legal_assistance' and detail = 'asylum_appeal'`,
    );
    expect(lines).toHaveLength(1);
    const folded = await one(sql`select count(*)::int as n from report_person_months
      where month = '2026-04-01' and ((lines_lo & report_line_lo(${lines[0]?.line_id}::int)) | (lines_hi & report_line_hi(${lines[0]?.line_id}::int))) <> 0`);
    expect(folded.n).toBe(2);
    await expectNoDrift();
  });

  /**
   * The period rollup (report_person_periods) under two writers about one person: each
   * recomputes the person's quarter and year from their months under the person's lock,
   * so the one that waited sees the other's months. A fresh case, so that its only
   * records are the test's.
   */
  async function freshCase() {
    const worker = await one(
      sql`select id, organisation_id from users where role = 'case_worker' order by email limit 1`,
    );
    const kase = await makeCase(t.db, {
      organisationId: String(worker.organisation_id),
      createdById: String(worker.id),
    });
    const record = (x: Connection, kind: string, day: string) =>
      x.c`insert into case_services (case_id, kind, service_date, status, details, recorded_by_id)
        values (${kase.id}, ${kind}, ${day}, 'completed', '{}'::jsonb, ${String(worker.id)}) returning id`;
    return { kase, record };
  }
  /** The case's person's rows of the period rollup, as "months:start:activities". */
  async function periodsOf(caseId: string) {
    const found = await rows(sql`select p.period_months, to_char(p.period_start, 'YYYY-MM-DD') as start, p.mask
      from report_person_periods p join report_person_ids i on i.person_id = p.person_id
      where i.person_key = ${caseId} order by 1, 2`);
    const bits = activityMasks().bit;
    const names = (mask: number) =>
      ACTIVITIES.filter((a) => (mask & bits[a]) !== 0)
        .sort()
        .join("+");
    return found.map((r) => `${String(r.period_months)}:${String(r.start)}:${names(Number(r.mask))}`);
  }

  it("folds two services recorded at once for one person, in two months of one quarter, into the quarter and the year", async () => {
    const { kase, record } = await freshCase();
    await interleave(
      (a) => record(a, "legal", "2026-07-03"),
      (b) => record(b, "medical", "2026-08-20"),
    );
    expect(await periodsOf(kase.id)).toEqual([
      "3:2026-07-01:legal_assistance+medical_consultation",
      "12:2026-01-01:legal_assistance+medical_consultation",
    ]);
    await expectNoDrift();
  });

  for (const first of ["correction", "record"] as const) {
    it(`moves a person out of a quarter when a correction races a new record (${first} first)`, async () => {
      const { kase, record } = await freshCase();
      const [inserted] = (await t.db.execute(
        sql`insert into case_services (case_id, kind, service_date, status, details, recorded_by_id)
          select ${kase.id}, 'legal', '2026-07-03', 'completed', '{}'::jsonb, created_by_id from beneficiary_cases where id = ${kase.id}
          returning id`,
      )) as unknown as { id: string }[];
      const id = inserted!.id;
      expect(await periodsOf(kase.id)).toEqual(["3:2026-07-01:legal_assistance", "12:2026-01-01:legal_assistance"]);
      // the service's date corrected into the next quarter, while a medical visit in October is recorded
      const correct = (x: Connection) => x.c`update case_services set service_date = '2026-10-05' where id = ${id}`;
      const visit = (x: Connection) => record(x, "medical", "2026-10-20");
      await (first === "correction" ? interleave(correct, visit) : interleave(visit, correct));
      expect(await periodsOf(kase.id)).toEqual([
        "3:2026-10-01:legal_assistance+medical_consultation",
        "12:2026-01-01:legal_assistance+medical_consultation",
      ]);
      await expectNoDrift();
    });
  }

  it("answers whole months from the month rollup with the same figures as from the events", async () => {
    const org = await one(
      sql`select organisation_id from report_events where organisation_id is not null group by 1 order by count(*) desc limit 1`,
    );
    const wired = wiredSources();
    const { personMonths: _unused, lines: _lines, personPeriods: _periods, ...eventsOnly } = wired;
    const order = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const filter of [
      // a quarter and a year: from the period rollup
      { from: "2026-01-01", to: "2026-03-31", organisationId: null },
      { from: "2026-01-01", to: "2026-12-31", organisationId: null },
      { from: "2025-01-01", to: "2027-12-31", organisationId: null },
      { from: "2025-01-01", to: "2027-12-31", organisationId: String(org.organisation_id) },
    ]) {
      const folded = await reachTotals(t.db, wired, filter);
      expect(order(folded.reach)).toEqual(order((await reachTotals(t.db, eventsOnly, filter)).reach));
      expect(order(folded.frameworks)).toEqual(order((await reachTotals(t.db, eventsOnly, filter)).frameworks));
      expect(order(await monthlyTotals(t.db, wired, filter))).toEqual(
        order(await monthlyTotals(t.db, eventsOnly, filter)),
      );
      // the outputs: from the line masks, from the events summed per person, and by the join-based reference
      const lines = await outputTotals(t.db, wired, filter);
      expect(lines.length).toBeGreaterThan(filter.from === "2025-01-01" ? 5 : 0);
      expect(order(lines)).toEqual(order(await outputTotals(t.db, eventsOnly, filter)));
      expect(order(lines)).toEqual(order(await outputs(t.db, wired, filter)));
      const vulnerable = await reachByVulnerability(t.db, wired, filter);
      if (filter.from === "2025-01-01") expect(vulnerable.length).toBeGreaterThan(0);
      expect(order(vulnerable)).toEqual(order(await reachByVulnerability(t.db, eventsOnly, filter)));
    }
    // the home panel's one figure is the dashboard's "all", whole months or not
    for (const filter of [
      { from: "2026-01-01", to: "2026-03-31", organisationId: null },
      { from: "2026-01-01", to: "2026-12-31", organisationId: null },
      { from: "2025-01-10", to: "2027-12-20", organisationId: null },
      { from: "2025-01-01", to: "2027-12-31", organisationId: String(org.organisation_id) },
    ]) {
      const all =
        (await reachTotals(t.db, eventsOnly, filter)).reach.find((r) => r.key === "all" && r.dimension === null)
          ?.persons ?? 0;
      expect(await reachedThisQuarter(t.db, wired, filter)).toBe(all);
    }
    const wide = await reachTotals(t.db, wired, { from: "2025-01-01", to: "2027-12-31", organisationId: null });
    expect(wide.reach.find((r) => r.key === "all" && r.dimension === null)?.persons).toBeGreaterThan(5);
  });

  it("counts the people of lines in the second mask and past the masks' 128 bits", async () => {
    // lines no record has, numbered so that the next new line falls in lines_hi, then past it
    const numberUpTo = (id: number) =>
      t.db.execute(sql`insert into report_lines (activity, detail)
        select 'medical_consultation', 'unused-' || n from generate_series((select max(line_id) + 1 from report_lines), ${id}) n`);
    const services =
      await rows(sql`select c.id as case_id, c.organisation_id, (select id from users where role = 'case_worker' limit 1) as recorded_by_id
      from beneficiary_cases c order by c.reference limit 2`);
    expect(services).toHaveLength(2);
    const record = (kase: Row, day: string, reasonCategory: string) =>
      touch(sql`insert into case_services (case_id, kind, service_date, status, details, recorded_by_id)
        values (${kase.case_id}, 'medical', ${day}, 'done', ${JSON.stringify({ reasonCategory })}::jsonb, ${kase.recorded_by_id})`);
    await numberUpTo(90);
    for (const kase of services) await record(kase, "2026-02-10", "eye");
    // a second line of the same mask in the same month, by another statement: the bits add up
    await record(services[1]!, "2026-02-15", "ear");
    await numberUpTo(140);
    await record(services[0]!, "2026-03-02", "dental");
    await record(services[0]!, "2026-03-20", "dental");
    const id = async (detail: string) =>
      Number((await one(sql`select line_id from report_lines where detail = ${detail}`)).line_id);
    for (const detail of ["eye", "ear"]) {
      expect(await id(detail)).toBeGreaterThanOrEqual(64);
      expect(await id(detail)).toBeLessThan(128);
    }
    expect(await id("dental")).toBeGreaterThanOrEqual(128);
    await expectNoDrift();
    const wired = wiredSources();
    const order = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const organisationId of [null, String(services[0]!.organisation_id)]) {
      const filter = { from: "2026-01-01", to: "2026-06-30", organisationId };
      const lines = await outputTotals(t.db, wired, filter);
      const line = (detail: string) => lines.find((l) => l.activity === "medical_consultation" && l.detail === detail);
      expect(line("dental")).toMatchObject({ events: 2, persons: 1 });
      expect(line("eye")?.persons).toBe(
        services.filter((s) => organisationId === null || s.organisation_id === organisationId).length,
      );
      expect(order(lines)).toEqual(order(await outputs(t.db, wired, filter)));
    }
  });

  it("gives each activity the same bit in the database as activityMasks", async () => {
    const masks = activityMasks();
    for (const a of ACTIVITIES) {
      const row = await one(sql`select report_activity_bit(${a}) as bit`);
      expect(row.bit, a).toBe(masks.bit[a]);
    }
  });

  it("folds free text in the database as mappings.ts does, with its codes", async () => {
    for (const text of ["Côte d'Ivoire", "GUINÉE", "Fès", "السودان", " Salé-Rabat ", "Nulle-part 12", ""]) {
      const row = await one(sql`select report_fold(${text}) as f`);
      expect(row.f, text).toBe(foldKey(text));
    }
    const stored = (await rows(sql`select kind, key, code from report_place_codes`))
      .map((r) => `${r.kind}|${r.key}|${r.code}`)
      .sort();
    const expected = [
      ...countryAliasPairs().map((p) => `country|${p.key}|${p.code}`),
      ...cityRegionPairs().map((p) => `city|${p.key}|${p.code}`),
      ...regionCodePairs().map((p) => `region|${p.key}|${p.code}`),
    ].sort();
    // a change to mappings.ts needs a migration that writes the same codes
    expect(stored).toEqual(expected);
  });
});
