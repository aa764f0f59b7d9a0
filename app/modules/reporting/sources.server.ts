/**
 * Where the figures come from: one SQL select per activity over the table of the
 * module that records it, all in the same shape, so the indicator queries can union
 * them and aggregate in the database. A module that has not landed has no entry
 * here, and its activities are reported as "not yet wired" instead of zero.
 *
 * Shapes (column names matter, order does not):
 * - persons:         person_key text, sex text ('f'|'m'|null), birth_date date,
 *                    nationality text (ISO alpha-2), is_migrant boolean, region text (MA-xx)
 * - vulnerabilities: person_key text, category text
 * - an event:        person_key text, occurred_on date, organisation_id uuid,
 *                    detail text (a sub-category or null), quantity bigint, value_centimes bigint
 * - money:           line_key text, day date, kind 'committed'|'spent', mad_centimes bigint
 */
import { sql, type SQL } from "drizzle-orm";
import type { ActivityKey } from "./frameworks";

export type Sources = {
  persons: SQL | null;
  vulnerabilities: SQL | null;
  events: Partial<Record<ActivityKey, SQL>>;
  money: SQL[];
};

/** Manual commitments and spending entered by the admin (this module's own table). */
export const manualMoney = sql`
  select line_key::text as line_key, occurred_on as day,
         case kind when 'commitment' then 'committed' else 'spent' end as kind,
         amount_mad_centimes as mad_centimes
  from budget_entries`;

/** The sources wired on this branch. Modules are added here as they are merged. */
export function wiredSources(): Sources {
  return {
    persons: null,
    vulnerabilities: null,
    events: {},
    money: [manualMoney],
  };
}
