/**
 * The volume data (db/seed-scale.ts) is the same on every run with one seed: two fresh
 * databases seeded alike hold the same rows, read by what makes them (phones, case
 * references, titles, dates: the database's random ids left out); another seed gives
 * other rows. The differencing test and the reports benchmark read these rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { SCALE_SEED, seedScale } from "../../../db/seed-scale";
import { useTestDb, type TestDb } from "../helpers/test-db";

const first = useTestDb();
const second = useTestDb();
const other = useTestDb();

/** One md5 per table of the volume data, over its rows as their stable keys and values. */
async function fingerprint(t: TestDb): Promise<Record<string, string>> {
  const [row] = await t.sql<Record<string, string>[]>`
    select
      (select md5(string_agg(concat_ws('|', u.phone, p.sex, p.birth_date, p.nationality, p.city, p.resident_status), ',' order by u.phone))
         from profiles p join users u on u.id = p.user_id where u.phone like '+2127%') as profiles,
      (select md5(string_agg(concat_ws('|', c.reference, o.name, c.sex, c.date_of_birth, c.nationality, c.city, c.household_size,
                 c.created_at, a.phone), ',' order by c.reference))
         from beneficiary_cases c join organisations o on o.id = c.organisation_id left join users a on a.id = c.applicant_user_id
         where c.reference like 'SCALE-%') as cases,
      (select md5(string_agg(x, ',' order by x)) from (
         select concat_ws('|', c.reference, s.kind, s.service_date, s.status, s.cost_centimes, s.details) as x
         from case_services s join beneficiary_cases c on c.id = s.case_id where c.reference like 'SCALE-%') s) as services,
      (select md5(string_agg(concat_ws('|', r.name, c.reference), ',' order by r.name, c.reference))
         from distributions d join distribution_rounds r on r.id = d.round_id join beneficiary_cases c on c.id = d.case_id
         where c.reference like 'SCALE-%') as distributions,
      (select md5(string_agg(concat_ws('|', c.reference, v.code, v.issued_at, v.redeemed_at), ',' order by v.code))
         from vouchers v join beneficiary_cases c on c.id = v.case_id where c.reference like 'SCALE-%') as vouchers,
      (select md5(string_agg(concat_ws('|', tr.title_en, u.phone, ce.issued_at), ',' order by tr.title_en, u.phone))
         from training_certificates ce join training_cohorts co on co.id = ce.cohort_id join trainings tr on tr.id = co.training_id
         join users u on u.id = ce.user_id where u.phone like '+2127%') as certificates,
      (select md5(string_agg(concat_ws('|', u.phone, g.held_on), ',' order by u.phone))
         from guidance_sessions g join users u on u.id = g.beneficiary_id where u.phone like '+2127%') as guidance,
      (select md5(string_agg(concat_ws('|', u.phone, p.starts_on, p.status, o.employment_status), ',' order by u.phone))
         from placements p join users u on u.id = p.beneficiary_id left join placement_outcomes o on o.placement_id = p.id
         where u.phone like '+2127%') as placements,
      (select md5(string_agg(concat_ws('|', c.title_en, u.phone, a.requested_centimes, a.status, w.approved_at,
                 (select string_agg(concat_ws('/', t.position, t.paid_at), ';' order by t.position) from grant_tranches t where t.award_id = w.id)),
                 ',' order by c.title_en, u.phone))
         from grant_applications a join grant_calls c on c.id = a.call_id join users u on u.id = a.applicant_id
         left join grant_awards w on w.application_id = a.id where u.phone like '+2127%') as grants`;
  return row!;
}

beforeAll(async () => {
  for (const [t, seed] of [
    [first, SCALE_SEED],
    [second, SCALE_SEED],
    [other, SCALE_SEED + 1],
  ] as const) {
    await seedDemo(t.db);
    await seedScale(t.sql, 200, { seed });
  }
}, 300_000);

describe("the volume data", () => {
  it("is the same on two runs with one seed, table by table, and other with another seed", async () => {
    const once = await fingerprint(first);
    // not an empty victory: every table holds rows
    for (const [table, hash] of Object.entries(once)) expect(hash, table).toMatch(/^[0-9a-f]{32}$/);
    expect(await fingerprint(second)).toEqual(once);
    const otherwise = await fingerprint(other);
    for (const table of [
      "profiles",
      "cases",
      "services",
      "distributions",
      "certificates",
      "guidance",
      "placements",
      "grants",
    ])
      expect(otherwise[table], table).not.toBe(once[table]);
  });
});
