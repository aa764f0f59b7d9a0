import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations, users } from "./auth";
import { cityEnum } from "./codes";
import { sexEnum } from "./common";
import { id, stamp, day, ref } from "./columns";
import { beneficiaryCases } from "./protection";
import {
  GROUP_ACTIVITY_KINDS,
  GROUP_TOPICS,
  HEADCOUNT_KEYS,
  HOUSEHOLD_RELATIONSHIPS,
  MAX_HEADCOUNT,
} from "../../app/modules/groups/constants";

/**
 * Group activities of partner associations (awareness, information, group psychosocial
 * support) and the households of case files: people reached without an account or a
 * case file each (docs/decisions/0111-group-activities-and-households.md).
 */
export const groupActivityKindEnum = pgEnum("group_activity_kind", GROUP_ACTIVITY_KINDS);
export const groupTopicEnum = pgEnum("group_topic", GROUP_TOPICS);
export const householdRelationshipEnum = pgEnum("household_relationship", HOUSEHOLD_RELATIONSHIPS);

const count = () => integer().notNull().default(0);
type Counted = Record<(typeof HEADCOUNT_KEYS)[number], AnyPgColumn>;
/** The sum of the headcount columns of a row, as SQL. */
const totalOf = (t: Counted) =>
  sql`(${sql.join(
    HEADCOUNT_KEYS.map((k) => sql`${t[k]}`),
    sql` + `,
  )})`;

/**
 * One session: when (a Moroccan day), where, who led it, what about, and the people who
 * came counted by sex and age band, and by nationality group when the facilitator knows
 * it. Every count is a whole number between 0 and MAX_HEADCOUNT, at least one person came,
 * and the nationality groups never add up to more than the people counted.
 */
export const groupActivities = pgTable(
  "group_activities",
  {
    id: id(),
    organisationId: ref(() => organisations.id).notNull(),
    kind: groupActivityKindEnum().notNull(),
    topic: groupTopicEnum().notNull(),
    heldOn: day().notNull(),
    city: cityEnum().notNull(),
    /** the room, the centre, the neighbourhood: staff-only text */
    venue: text(),
    facilitator: text().notNull(),
    female0to4: count(),
    female5to11: count(),
    female12to17: count(),
    female18to24: count(),
    female25to59: count(),
    female60plus: count(),
    male0to4: count(),
    male5to11: count(),
    male12to17: count(),
    male18to24: count(),
    male25to59: count(),
    male60plus: count(),
    /** null: not known */
    moroccans: integer(),
    migrants: integer(),
    recordedById: ref(() => users.id).notNull(),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
  (t) => [
    index("group_activities_org_day_idx").on(t.organisationId, t.heldOn),
    index("group_activities_day_idx").on(t.heldOn),
    check(
      "group_activities_counts_check",
      sql.join(
        HEADCOUNT_KEYS.map((k) => sql`${t[k]} between 0 and ${sql.raw(String(MAX_HEADCOUNT))}`),
        sql` and `,
      ),
    ),
    check("group_activities_someone_check", sql`${totalOf(t)} >= 1`),
    check(
      "group_activities_nationality_check",
      sql`(${t.moroccans} is null or ${t.moroccans} >= 0) and (${t.migrants} is null or ${t.migrants} >= 0)
        and coalesce(${t.moroccans}, 0) + coalesce(${t.migrants}, 0) <= ${totalOf(t)}`,
    ),
    check("group_activities_facilitator_check", sql`length(${t.facilitator}) between 1 and 120`),
    check("group_activities_venue_check", sql`${t.venue} is null or length(${t.venue}) <= 120`),
  ],
);

/** A registered case file of the same association whose person attended (counted in the headcount too). */
export const groupActivityParticipants = pgTable(
  "group_activity_participants",
  {
    activityId: ref(() => groupActivities.id, { onDelete: "cascade" }).notNull(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    createdAt: stamp(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.caseId] }),
    index("group_activity_participants_case_idx").on(t.caseId),
  ],
);

/**
 * The people living with the person of a case file: how they are related, their sex and
 * the year they were born (the age typed, turned into a year: ages are computed, not
 * stored). No names: they are counted, not served one by one.
 */
export const householdMembers = pgTable(
  "household_members",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    relationship: householdRelationshipEnum().notNull(),
    sex: sexEnum().notNull(),
    /** null: age not known */
    birthYear: integer(),
    createdById: ref(() => users.id).notNull(),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
  (t) => [
    index("household_members_case_idx").on(t.caseId),
    check("household_members_birth_year_check", sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
  ],
);

/** The people a session counted, as SQL over group_activities. */
export const headcountTotalSql = totalOf(groupActivities);

export type GroupActivity = typeof groupActivities.$inferSelect;
export type NewGroupActivity = typeof groupActivities.$inferInsert;
export type HouseholdMember = typeof householdMembers.$inferSelect;
