/**
 * Where the figures come from: one SQL select per activity over the table of the
 * module that records it, all in the same shape, so the indicator queries can union
 * them and aggregate in the database. A module that has not landed has no entry
 * here, and its activities are reported as "not yet wired" instead of zero.
 *
 * Shapes (column names matter, order does not):
 * - persons:         person_key text, sex text ('f'|'m'|'other'|null), birth_date date,
 *                    nationality text (ISO alpha-2 or 'other'), is_migrant boolean, region text (MA-xx)
 * - vulnerabilities: person_key text, category text
 * - an event:        person_key text, occurred_on date, organisation_id uuid,
 *                    detail text (an enum value, never free text), quantity bigint, value_centimes bigint
 * - money:           line_key text, day date, kind 'committed'|'spent', mad_centimes bigint
 *
 * One person, one key: a protection case linked to an applicant account counts under
 * the account's id, so someone both sheltered and trained is one person reached.
 */
import { sql, type SQL } from "drizzle-orm";
import { decryptJson } from "~/modules/protection/crypto.server";
import type { ActivityKey } from "./frameworks";
import { cityRegionPairs, countryAliasPairs, foldSql, regionNamePairs } from "./mappings";

export type Sources = {
  persons: SQL | null;
  vulnerabilities: SQL | null;
  /**
   * Vulnerability held encrypted by its module: person_key, sealed (the ciphertext of
   * the latest assessment) and how to open it into categories. The one figure that
   * cannot be grouped in SQL; only admins ask for it.
   */
  sealedVulnerabilities?: { sql: SQL; open: (sealed: string) => string[] };
  events: Partial<Record<ActivityKey, SQL>>;
  money: SQL[];
};

/** Manual commitments and spending entered by the admin (this module's own table). */
export const manualMoney = sql`
  select line_key::text as line_key, occurred_on as day,
         case kind when 'commitment' then 'committed' else 'spent' end as kind,
         amount_mad_centimes as mad_centimes
  from budget_entries`;

function valuesList(pairs: { key: string; code: string }[]): SQL {
  return sql.join(
    pairs.map((p) => sql`(${p.key}::text, ${p.code}::text)`),
    sql`, `,
  );
}

/** Country and region lookups from free text, as joinable derived tables. */
const countries = () => sql`(values ${valuesList(countryAliasPairs())}) as cn(key, code)`;
const cities = () => sql`(values ${valuesList(cityRegionPairs())}) as cr(key, code)`;
const regionNames = () => sql`(values ${valuesList(regionNamePairs())}) as rn(key, code)`;

/**
 * A lookup joined on the folded text of `table.column`, folded once per distinct
 * value instead of once per row (the folding is a regular expression; a table holds
 * a few dozen distinct cities for tens of thousands of rows). Joins on the raw text,
 * which gives the same rows as joining each row's folded text to the lookup.
 */
function foldedLookup(lookup: SQL, alias: string, table: string, column: string): SQL {
  return sql`(select x.raw, ${sql.raw(alias)}.code from (select distinct ${sql.raw(column)} as raw from ${sql.raw(table)}) x
    join ${lookup} on ${sql.raw(alias)}.key = ${sql.raw(foldSql("x.raw"))}) as ${sql.raw(alias)}`;
}

// ------------------------------------------------------------------ protection (issue 6)

const caseKey = sql.raw(`coalesce(c.applicant_user_id::text, c.id::text)`);
const casablancaDay = (column: string) => sql.raw(`(${column} at time zone 'Africa/Casablanca')::date`);

const protectionPersons = () => sql`
  select ${caseKey} as person_key,
    case c.sex when 'female' then 'f' when 'male' then 'm' when 'other' then 'other' end as sex,
    coalesce(c.date_of_birth, (c.created_at::date - make_interval(years => c.estimated_age))::date) as birth_date,
    case when c.nationality is null or btrim(c.nationality) = '' then null else coalesce(cn.code, 'other') end as nationality,
    case when c.nationality is null or btrim(c.nationality) = '' then null else coalesce(cn.code, 'other') <> 'MA' end as is_migrant,
    cr.code as region,
    2 as priority
  from beneficiary_cases c
  left join ${foldedLookup(countries(), "cn", "beneficiary_cases", "nationality")} on cn.raw = c.nationality
  left join ${foldedLookup(cities(), "cr", "beneficiary_cases", "city")} on cr.raw = c.city`;

function serviceEvents(kind: string, detail: string, quantity = "1"): SQL {
  return sql`
    select ${caseKey} as person_key, s.service_date as occurred_on,
      coalesce(u.organisation_id, c.organisation_id) as organisation_id,
      ${sql.raw(detail)} as detail, ${sql.raw(quantity)} as quantity, s.cost_centimes as value_centimes
    from case_services s
    join beneficiary_cases c on c.id = s.case_id
    left join users u on u.id = s.recorded_by_id
    where s.kind = ${kind} and s.status not in ('cancelled', 'planned', 'withdrawn', 'not_attended')`;
}

const protectionEvents = (): Partial<Record<ActivityKey, SQL>> => ({
  medical_consultation: serviceEvents("medical", "s.details->>'reasonCategory'"),
  // referrals are counted whatever their status: the outputs show them by status
  health_referral: sql`
    select ${caseKey} as person_key, s.service_date as occurred_on,
      coalesce(u.organisation_id, c.organisation_id) as organisation_id,
      s.status as detail, 1 as quantity, s.cost_centimes as value_centimes
    from case_services s join beneficiary_cases c on c.id = s.case_id left join users u on u.id = s.recorded_by_id
    where s.kind = 'hospital_referral'`,
  mental_health: serviceEvents("mental_health", "s.details->>'sessionType'"),
  shelter: serviceEvents("shelter", "null::text", "coalesce((s.details->>'nights')::int, 0)"),
  legal_assistance: serviceEvents("legal", "s.details->>'legalType'"),
  avrr: sql`
    select ${caseKey} as person_key, s.service_date as occurred_on,
      coalesce(u.organisation_id, c.organisation_id) as organisation_id,
      s.status as detail, 1 as quantity, s.cost_centimes as value_centimes
    from case_services s join beneficiary_cases c on c.id = s.case_id left join users u on u.id = s.recorded_by_id
    where s.kind = 'avrr'`,
});

const protectionMoney = () => sql`
  select case when kind in ('medical', 'hospital_referral', 'mental_health') then 'health' else 'humanitarian_aid' end as line_key,
    service_date as day, 'spent' as kind, cost_centimes as mad_centimes
  from case_services where cost_centimes > 0`;

// ------------------------------------------------------------------ aid (issue 6)

const aidEvents = (): Partial<Record<ActivityKey, SQL>> => ({
  aid_kit: sql`
    select ${caseKey} as person_key, ${casablancaDay("d.created_at")} as occurred_on, r.organisation_id,
      i.kind::text as detail,
      ri.quantity * (case when r.per_household then c.household_size else 1 end) as quantity,
      coalesce(i.face_value_centimes, 0) * ri.quantity * (case when r.per_household then c.household_size else 1 end) as value_centimes
    from distributions d
    join distribution_rounds r on r.id = d.round_id
    join round_items ri on ri.round_id = r.id
    join aid_items i on i.id = ri.item_id
    join beneficiary_cases c on c.id = d.case_id`,
  voucher: sql`
    select ${caseKey} as person_key, ${casablancaDay("v.issued_at")} as occurred_on, v.organisation_id,
      case when v.redeemed_at is null then 'issued' else 'redeemed' end as detail, 1 as quantity, v.value_centimes
    from vouchers v join beneficiary_cases c on c.id = v.case_id`,
});

/** Vouchers: outstanding ones are commitments, redeemed ones are spent (on their day). */
const aidMoney = () => sql`
  select 'humanitarian_aid' as line_key,
    ${casablancaDay("coalesce(redeemed_at, issued_at)")} as day,
    case when redeemed_at is null then 'committed' else 'spent' end as kind,
    value_centimes as mad_centimes
  from vouchers`;

// ------------------------------------------------------------------ profiles (issue 3)

/** An applicant's own profile wins over what a case file says about the same person. */
const profilePersons = () => sql`
  select p.user_id::text as person_key,
    case p.sex when 'female' then 'f' when 'male' then 'm' end as sex,
    p.birth_date,
    p.nationality,
    case when p.resident_status is not null then p.resident_status = 'migrant'
         when p.nationality is not null then p.nationality <> 'MA' end as is_migrant,
    coalesce(rn.code, cr.code) as region,
    1 as priority
  from profiles p
  left join ${foldedLookup(regionNames(), "rn", "profiles", "region")} on rn.raw = p.region
  left join ${foldedLookup(cities(), "cr", "profiles", "city")} on cr.raw = p.city`;

// ------------------------------------------------------------------ trainings, internships, coaching (issue 5)

/** A certificate is issued when the completion rule is met: one completed training. */
function certificates(categories: string[] | null, exclude: string[]): SQL {
  const only = categories ? sql`and t.category in (${sql.join(categories.map((c) => sql`${c}`), sql`, `)})` : sql``;
  const not = exclude.length ? sql`and t.category not in (${sql.join(exclude.map((c) => sql`${c}`), sql`, `)})` : sql``;
  return sql`
    select tc.user_id::text as person_key, ${casablancaDay("tc.issued_at")} as occurred_on, null::uuid as organisation_id,
      t.category::text as detail, 1 as quantity, 0 as value_centimes
    from training_certificates tc
    join training_cohorts co on co.id = tc.cohort_id
    join trainings t on t.id = co.training_id
    where tc.revoked_at is null ${only} ${not}`;
}

const ORIENTATION = ["entrepreneurship_orientation", "auto_entrepreneur"];
const LANGUAGE = ["language_culture"];

const employabilityEvents = (): Partial<Record<ActivityKey, SQL>> => ({
  training_completed: certificates(null, [...ORIENTATION, ...LANGUAGE]),
  entrepreneurship_orientation: certificates(ORIENTATION, []),
  language_training: certificates(LANGUAGE, []),
  career_guidance: sql`
    select beneficiary_id::text as person_key, held_on as occurred_on, null::uuid as organisation_id,
      'interview' as detail, 1 as quantity, 0 as value_centimes from guidance_sessions
    union all
    select beneficiary_id::text, logged_on, null::uuid, 'job_search', cvs_sent + interviews + contacts, 0 from job_search_logs`,
  internship: sql`
    select beneficiary_id::text as person_key, starts_on as occurred_on, null::uuid as organisation_id,
      status::text as detail, 1 as quantity, stipend_centimes as value_centimes
    from placements where status in ('accepted', 'ongoing', 'completed', 'ended_early')`,
  internship_outcome: sql`
    select p.beneficiary_id::text as person_key, o.recorded_on as occurred_on, null::uuid as organisation_id,
      o.checkpoint::text || ':' || o.employment_status::text as detail, 1 as quantity, 0 as value_centimes
    from placement_outcomes o join placements p on p.id = o.placement_id`,
});

// ------------------------------------------------------------------ grants (issue 4)

const grantEvents = (): Partial<Record<ActivityKey, SQL>> => ({
  // a plan is submitted by applying with it to a call (the plan is frozen then)
  business_plan_submitted: sql`
    select applicant_id::text as person_key, ${casablancaDay("submitted_at")} as occurred_on, null::uuid as organisation_id,
      null::text as detail, 1 as quantity, requested_centimes as value_centimes
    from grant_applications where status <> 'withdrawn'`,
  grant_application: sql`
    select applicant_id::text as person_key, ${casablancaDay("submitted_at")} as occurred_on, null::uuid as organisation_id,
      status::text as detail, 1 as quantity, requested_centimes as value_centimes
    from grant_applications`,
  grant_awarded: sql`
    select a.applicant_id::text as person_key, ${casablancaDay("w.approved_at")} as occurred_on, null::uuid as organisation_id,
      null::text as detail, 1 as quantity, w.amount_centimes as value_centimes
    from grant_awards w join grant_applications a on a.id = w.application_id`,
  grant_disbursed: sql`
    select a.applicant_id::text as person_key, ${casablancaDay("t.paid_at")} as occurred_on, null::uuid as organisation_id,
      t.condition::text as detail, 1 as quantity, t.amount_centimes as value_centimes
    from grant_tranches t join grant_awards w on w.id = t.award_id join grant_applications a on a.id = w.application_id
    where t.paid_at is not null`,
  // the coach confirms the business has started to release the second tranche
  business_started: sql`
    select a.applicant_id::text as person_key, ${casablancaDay("t.condition_confirmed_at")} as occurred_on, null::uuid as organisation_id,
      null::text as detail, 1 as quantity, 0 as value_centimes
    from grant_tranches t join grant_awards w on w.id = t.award_id join grant_applications a on a.id = w.application_id
    where t.condition = 'business_started' and t.condition_confirmed_at is not null`,
});

/**
 * An award commits its amount on approval; each tranche paid moves its amount from
 * committed to spent on the day it is paid.
 */
const grantMoney = () => sql`
  select 'entrepreneurship_grants' as line_key, ${casablancaDay("approved_at")} as day, 'committed' as kind, amount_centimes as mad_centimes
  from grant_awards
  union all
  select 'entrepreneurship_grants', ${casablancaDay("paid_at")}, 'committed', -amount_centimes from grant_tranches where paid_at is not null
  union all
  select 'entrepreneurship_grants', ${casablancaDay("paid_at")}, 'spent', amount_centimes from grant_tranches where paid_at is not null`;

function combinePersons(parts: SQL[]): SQL | null {
  if (parts.length === 0) return null;
  // one row per person: the source with the lowest priority number wins
  return sql`select distinct on (person_key) person_key, sex, birth_date, nationality, is_migrant, region
    from (${sql.join(parts, sql` union all `)}) ps order by person_key, priority`;
}

/** The sources wired on this branch. Modules are added here as they are merged. */
export function wiredSources(): Sources {
  return {
    persons: combinePersons([profilePersons(), protectionPersons()]),
    // the protection module encrypts assessments in the application: SQL cannot group them
    vulnerabilities: null,
    sealedVulnerabilities: {
      sql: sql`select distinct on (va.case_id) ${caseKey} as person_key, va.data_enc as sealed
        from vulnerability_assessments va join beneficiary_cases c on c.id = va.case_id
        order by va.case_id, va.assessed_on desc, va.created_at desc`,
      open: (sealed) => {
        const data = decryptJson<{ flags?: unknown }>(sealed);
        return Array.isArray(data.flags) ? data.flags.filter((f): f is string => typeof f === "string") : [];
      },
    },
    events: { ...protectionEvents(), ...aidEvents(), ...employabilityEvents(), ...grantEvents() },
    money: [manualMoney, protectionMoney(), aidMoney(), grantMoney()],
  };
}
