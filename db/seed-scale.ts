/**
 * `npm run seed:scale -- --beneficiaries 100000`: realistic volume for the reports.
 * For N beneficiaries: 0.6 N applicant accounts with profiles and 0.6 N protection
 * cases (a third of them linked to an account, so N distinct people), 7 N services,
 * 2.5 N distributions and 0.5 N vouchers (10 N service and distribution records),
 * 0.3 N certificates, 0.2 N guidance sessions, 0.05 N internships with outcomes,
 * 0.1 N grant applications in 10 calls, awards and tranches. All generated inside
 * PostgreSQL (generate_series), dates spread over 2026. Runs on top of the demo
 * seed, into DATABASE_URL or the embedded database; refuses to run twice.
 *
 * Every draw is a hash of the seed (`--seed`, 42 by default), the draw's name and its
 * row's own key (a series number, a phone, a case reference): the same seed gives the
 * same data on every run, whichever pooled connection runs a statement, in whatever
 * order PostgreSQL reads the rows (the database's own random ids are never a key).
 */
import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import { seedCommand } from "./seed";

function argument(name: string, fallback: number, least: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < least) throw new Error(`--${name} must be an integer of at least ${least}`);
  return value;
}

/** The seed of every draw unless the caller gives one. */
export const SCALE_SEED = 42;

/**
 * A seeded draw in [0, 1), as SQL: the first 32 bits of md5(seed, name, key). `key` is an
 * expression of the row's own stable key; `name` tells two draws of one row apart.
 */
export function seededRandom(
  sql: postgres.Sql,
  seed: number,
  name: string,
  key: postgres.PendingQuery<postgres.Row[]>,
) {
  return sql`(('x' || substr(md5(${`${seed}:${name}:`}::text || (${key})::text), 1, 8))::bit(32)::bigint / 4294967296::float8)`;
}

async function timed(label: string, run: () => Promise<unknown>) {
  const start = performance.now();
  await run();
  console.log(`${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

export async function seedScale(sql: postgres.Sql, n: number, options: { seed?: number } = {}) {
  const seed = options.seed ?? SCALE_SEED;
  const random = (name: string, key: postgres.PendingQuery<postgres.Row[]>) => seededRandom(sql, seed, name, key);
  // The statistics brought up to date after each step, before the next step's rollup triggers
  // plan over what it wrote: with autovacuum off (this machine's PostgreSQL 15, CI's), the
  // plans kept the statistics of before the seed, and 30,000 beneficiaries took 345 s
  // (vouchers alone 156 s) against 145 s (8 s) with them, same load.
  const step = (label: string, run: () => Promise<unknown>) =>
    timed(label, async () => {
      await run();
      await sql`analyze`;
    });
  const accounts = Math.round(n * 0.6);
  const cases = Math.round(n * 0.6);
  const linked = n - accounts >= 0 ? cases - (n - accounts) : 0; // cases of people who also have an account
  const [already] = await sql`select count(*)::int as n from beneficiary_cases where reference like 'SCALE-%'`;
  if ((already?.n ?? 0) > 0) throw new Error("this database already holds the scale data; use a fresh one");

  const orgs = await sql`select id from organisations where kind = 'partner_association' order by name`;
  const [worker] = await sql`select id from users where role = 'case_worker' order by email limit 1`;
  const [coach] = await sql`select id from users where role = 'coach' order by email limit 1`;
  const [host] = await sql`select id from organisations where kind = 'host_company' order by name limit 1`;
  if (!orgs.length || !worker || !coach || !host) throw new Error("run the demo seed first");
  const orgIds = orgs.map((o) => o.id as string);

  await step(`users + profiles (${accounts})`, async () => {
    await sql`
      insert into users (display_name, phone, role, locale)
      select 'Scale ' || i, '+2127' || lpad(i::text, 8, '0'), 'applicant', 'fr'
      from generate_series(1, ${accounts}) i`;
    await sql`
      insert into profiles (user_id, sex, birth_date, nationality, resident_status, city)
      select u.id,
        (array['female','male'])[1 + (${random("sex", sql`u.phone`)} < 0.52)::int]::sex,
        date '2026-06-30' - ((${random("age", sql`u.phone`)} * 62 + 3) * 365.25)::int,
        (array['GN','NG','ML','CI','CM','YE','SD','SN','MA','MA','MA'])[1 + floor(${random("nationality", sql`u.phone`)} * 11)::int],
        null,
        (array['rabat','oujda','casablanca','tanger','fes','agadir','marrakech','nador'])[1 + floor(${random("city", sql`u.phone`)} * 8)::int]::city
      from users u where u.phone like '+2127%'`;
    await sql`update profiles set resident_status = case when nationality = 'MA' then 'moroccan' else 'migrant' end::resident_status where resident_status is null`;
  });

  await step(`beneficiary cases (${cases})`, async () => {
    // one sealed name for every generated case (encrypted once: the reports never read it)
    const { sealIdentity } = await import("../app/modules/protection/identity.server");
    const name = sealIdentity({
      firstName: "Prénom",
      lastName: "Nom",
      nameArabic: null,
      phone: null,
      documentNumber: null,
      householdNotes: null,
    });
    await sql`
      insert into beneficiary_cases (organisation_id, reference, first_name_enc, last_name_enc, name_keys, sex, date_of_birth, nationality, city, household_size, applicant_user_id, created_by_id, created_at)
      select (${orgIds}::uuid[])[1 + (i % ${orgIds.length})], 'SCALE-' || i, ${name.firstNameEnc}, ${name.lastNameEnc}, ${sql.array(name.nameKeys)}::text[],
        (array['female','male','female','male','other'])[1 + floor(${random("case sex", sql`i`)} * 4.05)::int]::sex,
        date '2026-06-30' - ((${random("case age", sql`i`)} * 70 + 1) * 365.25)::int,
        (array['GN','NG','ML','CI','CM','YE','SD','SN','MA'])[1 + floor(${random("case nationality", sql`i`)} * 9)::int],
        (array['rabat','oujda','casablanca','tanger','fes','nador','sale'])[1 + floor(${random("case city", sql`i`)} * 7)::int]::city,
        1 + floor(${random("household", sql`i`)} * 5)::int,
        case when i <= ${linked} then (select id from users where phone = '+2127' || lpad(i::text, 8, '0')) end,
        ${worker.id}, timestamptz '2026-01-01' + ${random("opened", sql`i`)} * interval '300 days'
      from generate_series(1, ${cases}) i`;
  });

  await step(`services (${n * 7})`, async () => {
    await sql`
      with c as (select id, row_number() over (order by reference) as rn from beneficiary_cases where reference like 'SCALE-%'),
      s as (select i, 1 + floor(${random("service case", sql`i`)} * ${cases})::int as rn, ${random("service kind", sql`i`)} as r,
              ${random("service day", sql`i`)} as r2 from generate_series(1, ${n * 7}) i)
      insert into case_services (case_id, kind, service_date, status, cost_centimes, details, recorded_by_id)
      select c.id,
        k.kind::service_kind,
        date '2026-01-01' + floor(s.r2 * 364)::int,
        case k.kind when 'hospital_referral' then (array['requested','appointment_set','attended','not_attended','closed'])[1 + floor(${random("status", sql`s.i`)} * 5)::int]
                    when 'avrr' then (array['request','counselling','departure','arrival','withdrawn'])[1 + floor(${random("status", sql`s.i`)} * 5)::int]
                    when 'legal' then (array['open','in_progress','closed'])[1 + floor(${random("status", sql`s.i`)} * 3)::int]
                    else 'done' end,
        case when ${random("costed", sql`s.i`)} < 0.4 then (floor(${random("cost", sql`s.i`)} * 50) * 1000)::int else 0 end,
        case k.kind when 'medical' then jsonb_build_object('reasonCategory', (array['general','maternal','child','chronic','injury','infectious'])[1 + floor(${random("detail", sql`s.i`)} * 6)::int], 'outcome', 'treated')
                    when 'mental_health' then jsonb_build_object('sessionType', (array['individual','group','family'])[1 + floor(${random("detail", sql`s.i`)} * 3)::int])
                    when 'shelter' then jsonb_build_object('nights', 1 + floor(${random("detail", sql`s.i`)} * 14)::int)
                    when 'legal' then jsonb_build_object('legalType', (array['counselling','documents','regularisation','court'])[1 + floor(${random("detail", sql`s.i`)} * 4)::int])
                    else '{}'::jsonb end,
        ${worker.id}
      from s join c on c.rn = s.rn
      cross join lateral (select case when s.r < 0.45 then 'medical' when s.r < 0.6 then 'hospital_referral' when s.r < 0.75 then 'mental_health'
                                      when s.r < 0.85 then 'shelter' when s.r < 0.97 then 'legal' else 'avrr' end as kind) k`;
  });

  await step(`distributions (${Math.round(n * 2.5)})`, async () => {
    const [warehouse] =
      await sql`insert into warehouses (organisation_id, name) values (${orgIds[0]!}, 'Entrepôt volume') returning id`;
    const items = await sql`
      insert into aid_items (kind, name_fr) values ('food_kit', 'Kit alimentaire (volume)'), ('hygiene_kit', 'Kit hygiène (volume)'), ('nfi_kit', 'Kit NFI (volume)')
      returning id`;
    const perRound = Math.round((n * 2.5) / 50);
    for (let round = 0; round < 50; round++) {
      const day = `2026-${String(1 + (round % 12)).padStart(2, "0")}-10`;
      const [r] = await sql`
        insert into distribution_rounds (organisation_id, warehouse_id, name, starts_on, ends_on, per_household, created_by_id)
        values (${orgIds[0]!}, ${warehouse!.id}, ${`Tournée volume ${round + 1}`}, ${day}, ${day}, ${round % 3 === 0}, ${worker.id}) returning id`;
      await sql`insert into round_items (round_id, item_id, quantity) values (${r!.id}, ${items[round % 3]!.id}, ${1 + (round % 2)})`;
      await sql`
        insert into distributions (round_id, case_id, handed_out_by_id, created_at)
        select ${r!.id}, id, ${worker.id}, ${day}::timestamptz + interval '10 hours'
        from beneficiary_cases where reference like 'SCALE-%' order by ${random(`round ${round}`, sql`reference`)}, reference limit ${perRound}`;
    }
  });

  await step(`vouchers (${n / 2})`, async () => {
    await sql`
      with c as (select id, organisation_id, row_number() over (order by reference) as rn from beneficiary_cases where reference like 'SCALE-%')
      insert into vouchers (case_id, organisation_id, code, value_centimes, issued_by_id, issued_at, expires_on, redeemed_at, redeemed_by_id)
      select c.id, c.organisation_id, upper(substr(md5('scale-voucher-' || i), 1, 20)), 20000 + (i % 4) * 10000, ${worker.id},
        t, (t at time zone 'Africa/Casablanca')::date + 89,
        case when i % 3 <> 0 then t + interval '3 days' end, case when i % 3 <> 0 then ${worker.id}::uuid end
      from generate_series(1, ${n / 2}) i
      join c on c.rn = 1 + (i::bigint * 7919) % ${cases}
      cross join lateral (select timestamptz '2026-01-01' + ((i::bigint * 104729) % 360) * interval '1 day' as t) x`;
  });

  await step(`trainings and certificates (${Math.round(n * 0.3)})`, async () => {
    const categories = [
      "soft_skills",
      "life_skills",
      "entrepreneurship_orientation",
      "language_culture",
      "digital_skills",
      "vocational_orientation",
    ];
    const perCohort = Math.round((n * 0.3) / 24);
    for (let i = 0; i < 24; i++) {
      const category = categories[i % categories.length]!;
      const [tr] =
        await sql`insert into trainings (category, title_fr, title_ar, title_en, delivery_languages) values (${category}, ${`Formation volume ${i}`}, ${`تكوين ${i}`}, ${`Training ${i}`}, '{fr,ar}') returning id`;
      const month = String(1 + (i % 11)).padStart(2, "0");
      const [co] = await sql`
        insert into training_cohorts (training_id, name_fr, capacity, starts_on, ends_on)
        values (${tr!.id}, 'Volume', ${perCohort + 10}, ${`2026-${month}-01`}, ${`2026-${month}-20`}) returning id`;
      await sql`
        with picked as (
          select id from users where phone like '+2127%' order by ${random(`cohort ${i}`, sql`phone`)}, phone limit ${perCohort}
        ), reg as (
          insert into training_registrations (cohort_id, user_id, status, confirmed_at)
          select ${co!.id}, id, 'confirmed', now() from picked returning id, user_id
        )
        insert into training_certificates (registration_id, user_id, cohort_id, code, issued_at)
        select reg.id, reg.user_id, ${co!.id}, upper(substr(md5('scale-cert-' || reg.id), 1, 16)), ${`2026-${month}-21`}::timestamptz
        from reg`;
    }
  });

  await step("guidance, internships, outcomes", async () => {
    await sql`
      insert into guidance_sessions (beneficiary_id, coach_id, held_on, goals)
      select id, ${coach.id}, date '2026-01-01' + floor(${random("guidance day", sql`phone`)} * 360)::int, 'Volume'
      from users where phone like '+2127%' order by ${random("guidance", sql`phone`)}, phone limit ${Math.round(n * 0.2)}`;
    await sql`
      with p as (
        insert into placements (beneficiary_id, host_id, coach_id, tutor_name, starts_on, ends_on, status, ended_reason)
        select id, ${host.id}, ${coach.id}, 'Tuteur', date '2026-01-01' + x.start, date '2026-01-01' + x.start + 60,
          (array['accepted','ongoing','completed','completed','ended_early'])[1 + x.status]::placement_status,
          case when x.status = 4 then 'Volume' end
        from users cross join lateral (select floor(${random("placement day", sql`phone`)} * 200)::int as start,
          floor(${random("placement status", sql`phone`)} * 5)::int as status) x
        where phone like '+2127%' order by ${random("placement", sql`phone`)}, phone limit ${Math.round(n * 0.05)}
        returning id, beneficiary_id, ends_on, status
      )
      insert into placement_outcomes (placement_id, checkpoint, employment_status, recorded_on)
      select p.id, 'end', (array['hired_by_host','hired_elsewhere','self_employed','studying','seeking'])[1 + floor(${random("placement outcome", sql`u.phone`)} * 5)::int]::employment_status, p.ends_on
      from p join users u on u.id = p.beneficiary_id where p.status = 'completed'`;
  });

  await step(`grant applications (${n / 10})`, async () => {
    const perCall = Math.round(n / 100);
    for (let call = 0; call < 10; call++) {
      const month = String(1 + call).padStart(2, "0");
      const [c] = await sql`
        insert into grant_calls (title_fr, title_ar, title_en, opens_at, closes_at, review_deadline, budget_centimes, max_grant_centimes, status)
        values (${`Appel volume ${call}`}, ${`طلب ${call}`}, ${`Call ${call}`}, ${`2026-${month}-01`}, ${`2026-${month}-20`}, ${`2026-${month}-28`}, 100000000000, 3000000, 'decided')
        returning id`;
      await sql`
        insert into grant_applications (call_id, applicant_id, plan_snapshot, requested_centimes, facts, status, submitted_at)
        select ${c!.id}, id, '{}'::jsonb, 2000000 + floor(${random("requested", sql`phone`)} * 10)::int * 100000, '{}'::jsonb,
          (array['eligible','ineligible','rejected','awarded','awarded'])[1 + floor(${random(`call ${call} status`, sql`phone`)} * 5)::int]::grant_application_status,
          ${`2026-${month}-10`}::timestamptz
        from users where phone like '+2127%' order by ${random(`call ${call}`, sql`phone`)}, phone limit ${perCall}`;
    }
    await sql`
      with w as (
        insert into grant_awards (reference, call_id, application_id, amount_centimes, approved_at)
        select 'SCALE-AW-' || a.id, a.call_id, a.id, 2500000, a.submitted_at + interval '20 days'
        from grant_applications a join grant_calls c on c.id = a.call_id join users u on u.id = a.applicant_id
        where a.status = 'awarded' and u.phone like '+2127%'
        order by ${random("award", sql`c.title_en || u.phone`)}, c.title_en, u.phone limit ${Math.round(n * 0.01)}
        returning id, application_id, approved_at
      )
      insert into grant_tranches (award_id, position, percent, amount_centimes, condition, condition_confirmed_at, paid_at, method)
      select w.id, t.position, t.percent, t.amount, t.condition::grant_tranche_condition,
        case when t.position = 1 or x.paid and t.position = 2 then w.approved_at + t.position * interval '10 days' end,
        case when t.position = 1 or x.paid and t.position = 2 then w.approved_at + t.position * interval '10 days' end,
        case when t.position = 1 or x.paid and t.position = 2 then 'bank_transfer'::grant_payment_method end
      from w join grant_applications a on a.id = w.application_id join grant_calls c on c.id = a.call_id
        join users u on u.id = a.applicant_id
        cross join lateral (select ${random("tranche paid", sql`c.title_en || u.phone`)} < 0.5 as paid) x
        cross join (values (1, 50, 1250000, 'signature'), (2, 30, 750000, 'business_started'), (3, 20, 500000, 'six_months')) t(position, percent, amount, condition)`;
    await sql`update grant_awards w set paid_centimes = coalesce((select sum(amount_centimes) from grant_tranches t where t.award_id = w.id and t.paid_at is not null), 0)`;
  });
  // the visibility map too: the reports' index-only scans (the rollup, the money's services)
  // read the tables for every page it does not mark all-visible, and without autovacuum
  // (this machine's PostgreSQL 15) nothing marks them: a donor's first dashboard request at
  // 100,000 beneficiaries took 3.0 to 3.3 s before a vacuum, 1.4 to 1.8 s after it and migration 0061 (load average 10)
  await timed("vacuum", () => sql`vacuum (analyze)`);
}

const isMain = process.argv[1]?.endsWith("seed-scale.ts");
if (isMain) {
  const n = argument("beneficiaries", 100_000, 100);
  const seed = argument("seed", SCALE_SEED, 0);
  await seedCommand(async (handle) => {
    const start = performance.now();
    await seedScale(handle.sql, n, { seed });
    console.log(`scale data for ${n} beneficiaries ready in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  });
}
