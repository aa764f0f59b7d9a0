/**
 * Where the figures come from. The modules' records are turned into events by the
 * database itself: one view per source (migration 0007, `report_src_*`) gives each
 * record's rows in one shape, and triggers keep them in `report_events` (and the
 * people in `report_people`) in the same transaction as the record. The indicator
 * queries read those two narrow tables; nothing joins the modules at view time.
 *
 * Shapes (column names matter, order does not):
 * - persons:         person_key, sex text ('f'|'m'|'other'|null), birth_date date,
 *                    nationality text (ISO alpha-2 or 'other'), is_migrant boolean, region text (MA-xx)
 * - vulnerabilities: person_key, category text
 * - events:          activity text, person_key, occurred_on date, organisation_id uuid,
 *                    detail text (an enum value, never free text), quantity bigint, value_centimes bigint
 * - money:           line_key text, day date, kind 'committed'|'spent', mad_centimes bigint
 *
 * One person, one key: a protection case linked to an applicant account counts under
 * the account's id, so someone both sheltered and trained is one person reached. The
 * queries count by the key's small integer (`report_person_ids`), which hashes faster.
 */
import { sql, type SQL } from "drizzle-orm";
import { decryptJson } from "~/modules/protection/crypto.server";
import { ACTIVITIES, type ActivityKey } from "./frameworks";

export type Sources = {
  persons: SQL | null;
  vulnerabilities: SQL | null;
  /**
   * Vulnerability held encrypted by its module: person_key, sealed (the ciphertext of
   * the latest assessment) and how to open it into categories. The one figure that
   * cannot be grouped in SQL; only admins ask for it.
   */
  sealedVulnerabilities?: { sql: SQL; open: (sealed: string) => string[] };
  /** every event, one relation of the events shape */
  events: SQL | null;
  /**
   * Optional: the events folded per person, month and association into activity bit
   * masks (person_key, month date, organisation_id uuid, mask integer), for periods of
   * whole months. Events without an association are under the zero uuid.
   */
  personMonths?: SQL;
  /**
   * Optional, with personMonths: the output lines folded the same way. personMonths
   * then also has lines_lo and lines_hi (bigint), and `lines` numbers the lines
   * (line_id integer, activity text, detail text, "" for none): line n is bit n of
   * lines_lo below 64, bit n - 64 of lines_hi below 128, and has no bit above.
   */
  lines?: SQL;
  /**
   * Optional, with personMonths: each person's months folded per quarter and per year,
   * every association together (person_key, period_months 3 or 12, period_start date,
   * mask, lines_lo, lines_hi: the months' bits OR-ed), each describing its person as
   * `persons` does (sex, nationality, is_migrant, region, and age_years: their age on the
   * period's last day). A whole quarter or year of the whole programme reads one row per
   * person from it instead of folding the months and joining the people.
   */
  personPeriods?: SQL;
  /**
   * Optional: the events' counts, quantities and amounts per month, association and line
   * (month date, organisation_id uuid, activity text, detail text, events, quantity and
   * value_centimes bigint: the sums of every event of that month, association, activity
   * and detail; events without an association under the zero uuid). The outputs of a
   * period of whole months are summed from it instead of from the events.
   */
  lineMonths?: SQL;
  /**
   * Optional: people reached by group activities and households are read from this
   * database's tables, their person keys being `report_person_ids`' (the app's own sources;
   * app/modules/groups/report.server.ts). Sources of another shape leave them out.
   */
  groups?: boolean;
  /** the activities some module records; the others are reported as "not yet wired" */
  wired: readonly ActivityKey[];
  money: SQL[];
};

/** Manual commitments and spending entered by the admin (this module's own table). */
export const manualMoney = sql`
  select line_key::text as line_key, occurred_on as day,
         case kind when 'commitment' then 'committed' else 'spent' end as kind,
         amount_mad_centimes as mad_centimes
  from budget_entries`;

const casablancaDay = (column: string) => sql.raw(`(${column} at time zone 'Africa/Casablanca')::date`);

const protectionMoney = () => sql`
  select case when kind in ('medical', 'hospital_referral', 'mental_health') then 'health' else 'humanitarian_aid' end as line_key,
    service_date as day, 'spent' as kind, cost_centimes as mad_centimes
  from case_services where cost_centimes > 0`;

/** Vouchers: outstanding ones are commitments, redeemed ones are spent (on their day). */
const aidMoney = () => sql`
  select 'humanitarian_aid' as line_key,
    ${casablancaDay("coalesce(redeemed_at, issued_at)")} as day,
    case when redeemed_at is null then 'committed' else 'spent' end as kind,
    value_centimes as mad_centimes
  from vouchers`;

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

/** The sources of this build: the rollup tables, the modules' money, the sealed assessments. */
export function wiredSources(): Sources {
  return {
    persons: sql`select person_id as person_key, sex, birth_date, nationality, is_migrant, region from report_people`,
    // the protection module encrypts assessments in the application: SQL cannot group them
    vulnerabilities: null,
    sealedVulnerabilities: {
      sql: sql`select distinct on (va.case_id) i.person_id as person_key, va.data_enc as sealed
        from vulnerability_assessments va join beneficiary_cases c on c.id = va.case_id
        join report_person_ids i on i.person_key = coalesce(c.applicant_user_id, c.id)
        order by va.case_id, va.assessed_on desc, va.created_at desc`,
      open: (sealed) => {
        const data = decryptJson<{ flags?: unknown }>(sealed);
        return Array.isArray(data.flags) ? data.flags.filter((f): f is string => typeof f === "string") : [];
      },
    },
    events: sql`select activity, person_id as person_key, occurred_on, organisation_id, detail, quantity, value_centimes from report_events`,
    personMonths: sql`select person_id as person_key, month, organisation_id, mask, lines_lo, lines_hi from report_person_months`,
    lines: sql`select line_id, activity, detail from report_lines`,
    personPeriods: sql`select person_id as person_key, period_months, period_start, mask, lines_lo, lines_hi,
      sex, age_years, nationality, is_migrant, region from report_person_periods`,
    lineMonths: sql`select month, organisation_id, activity, detail, events, quantity, value_centimes from report_line_months`,
    groups: true,
    wired: ACTIVITIES,
    money: [manualMoney, protectionMoney(), aidMoney(), grantMoney()],
  };
}
