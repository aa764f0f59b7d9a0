/**
 * What the reports read of group activities and households, for a period and an
 * association (or the whole programme), aggregated in SQL. How people are added up
 * without counting a registered person twice: rules.ts `PeopleReached` and
 * docs/decisions/0111-group-activities-and-households.md.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { headcountTotalSql } from "~db/schema";
import { eventsSql, maskSql, personMonthMasks, type ReportFilter } from "~/modules/reporting/indicator-sql.server";
import type { Sources } from "~/modules/reporting/sources.server";
import { GROUP_ACTIVITY_KINDS, type GroupActivityKind } from "./constants";

export type GroupKindFigures = {
  kind: GroupActivityKind;
  activities: number;
  participants: number;
  linked: number;
  unregistered: number;
};

export type GroupFigures = {
  kinds: GroupKindFigures[];
  /** registered people linked to a session and reached by nothing else the reports count */
  linkedOnly: number;
  /** headcounts minus linked case files, per session, summed */
  unregistered: number;
  /** members of households given aid, each once */
  householdMembers: number;
};

export async function countGroupFigures(db: Executor, sources: Sources, filter: ReportFilter): Promise<GroupFigures> {
  const org = filter.organisationId;
  const inScope = sql`group_activities.held_on >= ${filter.from}::date and group_activities.held_on <= ${filter.to}::date
    ${org ? sql`and group_activities.organisation_id = ${org}::uuid` : sql``}`;
  const kindRows = (await db.execute(sql`
    select kind::text as kind, count(*)::int as activities, coalesce(sum(total), 0)::int as participants,
      coalesce(sum(linked), 0)::int as linked, coalesce(sum(greatest(total - linked, 0)), 0)::int as unregistered
    from (
      select group_activities.kind, ${headcountTotalSql} as total,
        (select count(*) from group_activity_participants p where p.activity_id = group_activities.id) as linked
      from group_activities where ${inScope}
    ) a group by kind`)) as unknown as Record<string, unknown>[];
  const kinds = GROUP_ACTIVITY_KINDS.map((kind) => {
    const r = kindRows.find((x) => x.kind === kind);
    return {
      kind,
      activities: Number(r?.activities ?? 0),
      participants: Number(r?.participants ?? 0),
      linked: Number(r?.linked ?? 0),
      unregistered: Number(r?.unregistered ?? 0),
    };
  });

  // the people the registered reach already holds: the same fold as the headline's "all"
  // (someone is reached when one of their months has a bit of it). Asked per linked
  // person, not as the set of everyone reached: that set was a second pass over the
  // period's people (2.4 s of the year's 100,000 on a loaded machine) for a few names.
  const { bit, all } = maskSql();
  const months = personMonthMasks(sources, filter, bit);
  const reached = months
    ? sql`exists (select 1 from report_person_ids ri join (${months}) m on m.person_key = ri.person_id
        where ri.person_key = linked.person_key and m.mask & ${all} <> 0)`
    : sql`false`;
  // this and the households' count are a few index probes per person, which the report's
  // reads turn off (readForReport) for their large joins: on for these two statements
  // only, then as the caller had it
  const [nestloop] = (await db.execute(
    sql`select current_setting('enable_nestloop') as v, set_config('enable_nestloop', 'on', true)`,
  )) as unknown as { v: string }[];
  const [linked] = (await db.execute(sql`
    with linked as (
      select distinct coalesce(c.applicant_user_id, c.id) as person_key
      from group_activity_participants p
      join group_activities on group_activities.id = p.activity_id
      join beneficiary_cases c on c.id = p.case_id
      where ${inScope}
    )
    select count(*)::int as n from linked where not ${reached}`)) as unknown as { n: number }[];

  // a household is reached when its case's person was given aid in the period
  const aid = eventsSql(sources, ["aid_kit", "voucher"], filter);
  let householdMembers = 0;
  if (aid) {
    const [row] = (await db.execute(sql`
      select count(distinct hm.id)::int as n
      from household_members hm
      join beneficiary_cases c on c.id = hm.case_id
      join report_person_ids i on i.person_key = coalesce(c.applicant_user_id, c.id)
      where i.person_id in (select ev.person_key from (${aid}) ev)
      ${org ? sql`and c.organisation_id = ${org}::uuid` : sql``}`)) as unknown as { n: number }[];
    householdMembers = Number(row?.n ?? 0);
  }
  await db.execute(sql`select set_config('enable_nestloop', ${nestloop?.v ?? "on"}, true)`);
  return {
    kinds,
    linkedOnly: Number(linked?.n ?? 0),
    unregistered: kinds.reduce((sum, k) => sum + k.unregistered, 0),
    householdMembers,
  };
}
