import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, id, stamp, day, ref } from "./columns";
import { BUDGET_LINES } from "../../app/modules/reporting/constants";
import { INDICATOR_CODES, RESULTS } from "../../app/modules/reporting/frameworks";
import { users } from "./auth";

/**
 * The donor budget, its lines, the MAD/USD rates and the manual money entries.
 * Spending that the other modules record (service costs, aid value, grant tranches)
 * is read from their tables, never copied here.
 */
export const budgetLineKeyEnum = pgEnum("budget_line_key", BUDGET_LINES);
export const budgetEntryKindEnum = pgEnum("budget_entry_kind", ["commitment", "spending"]);

/** One row: the programme's donor budget, in US cents (the donor's currency). */
export const programmeBudget = pgTable(
  "programme_budget",
  {
    id: id(),
    singleton: boolean().notNull().default(true),
    totalUsdCents: bigint({ mode: "number" }).notNull().default(15_150_000),
    startsOn: day().notNull(),
    endsOn: day().notNull(),
    updatedById: ref(() => users.id),
    updatedAt: stamp(),
  },
  (t) => [
    uniqueIndex("programme_budget_singleton_key").on(t.singleton),
    check("programme_budget_singleton_check", sql`${t.singleton}`),
    check("programme_budget_total_check", sql`${t.totalUsdCents} > 0`),
    check("programme_budget_dates_check", sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const budgetLines = pgTable(
  "budget_lines",
  {
    id: id(),
    lineKey: budgetLineKeyEnum().notNull().unique(),
    plannedUsdCents: bigint({ mode: "number" }).notNull().default(0),
    updatedAt: stamp(),
  },
  (t) => [check("budget_lines_planned_check", sql`${t.plannedUsdCents} >= 0`)],
);

/** MAD per USD times 10,000, in force from a date until the next one. */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: id(),
    effectiveOn: day().notNull().unique(),
    madPerUsdE4: integer().notNull(),
    setById: ref(() => users.id),
    createdAt: stamp(),
  },
  (t) => [check("exchange_rates_positive_check", sql`${t.madPerUsdE4} > 0`)],
);

/** What the records do not hold: staff, rent, transport, commitments signed on paper. */
export const budgetEntries = pgTable(
  "budget_entries",
  {
    id: id(),
    lineKey: budgetLineKeyEnum().notNull(),
    kind: budgetEntryKindEnum().notNull(),
    amountMadCentimes: bigint({ mode: "number" }).notNull(),
    occurredOn: day().notNull(),
    /** staff-only label; never shown to donors */
    reference: text().notNull(),
    createdById: ref(() => users.id),
    createdAt: stamp(),
  },
  (t) => [
    check("budget_entries_amount_check", sql`${t.amountMadCentimes} > 0`),
    index("budget_entries_line_idx").on(t.lineKey, t.occurredOn),
  ],
);

/**
 * The reporting rollup: one row per event the indicators count (a service, a kit
 * handed out, a certificate...), in one shape, kept by the database itself. Triggers
 * on the modules' tables (migration 0007) rewrite the rows of a record in the same
 * transaction as the record, so the dashboard reads one narrow table instead of
 * joining every module at every view. `source`/`sourceId` name the record; a record
 * may give several rows (a distribution gives one per item of its round). Nothing
 * here is a constraint a write could fail on: the triggers must never refuse a
 * module's write.
 */
export const reportEvents = pgTable(
  "report_events",
  {
    source: text().notNull(),
    sourceId: uuid().notNull(),
    activity: text().notNull(),
    detail: text(),
    /** the person counted: an applicant account's id, else the case's id */
    personKey: uuid(),
    /** the same person as a small integer (`report_person_ids`), which hashes faster */
    personId: integer(),
    occurredOn: day(),
    organisationId: uuid(),
    quantity: bigint({ mode: "number" }).notNull(),
    valueCentimes: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    index("report_events_source_idx").on(t.source, t.sourceId),
    // the outputs' sums read a period's rows from these two alone (index-only scans)
    index("report_events_day_cover_idx").on(
      t.occurredOn,
      t.activity,
      t.detail,
      t.personId,
      t.organisationId,
      t.quantity,
      t.valueCentimes,
    ),
    index("report_events_org_day_cover_idx").on(
      t.organisationId,
      t.occurredOn,
      t.activity,
      t.detail,
      t.personId,
      t.quantity,
      t.valueCentimes,
    ),
    // a person's month is recomputed from their events when some are deleted
    index("report_events_person_day_idx").on(t.personId, t.occurredOn),
  ],
);

/** Who each person counted is, as the disaggregations need it (profile first, else case file). */
export const reportPeople = pgTable("report_people", {
  personKey: uuid().primaryKey(),
  personId: integer(),
  sex: text(),
  birthDate: day(),
  nationality: text(),
  isMigrant: boolean(),
  region: text(),
});

/**
 * Each person's activities per month and association as a bit mask (the bits of
 * `activityMasks`; events without an association under the zero uuid), kept from
 * report_events by a trigger. A period of whole months reads this instead of the
 * events: about 40% fewer rows, already folded. `linesLo`/`linesHi` fold the output
 * lines the same way: bit n of linesLo is line n of `report_lines`, bit n of linesHi
 * line 64 + n.
 */
export const reportPersonMonths = pgTable(
  "report_person_months",
  {
    personId: integer().notNull(),
    month: day().notNull(),
    organisationId: uuid().notNull(),
    mask: integer().notNull(),
    linesLo: bigint({ mode: "number" }).notNull().default(0),
    linesHi: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.month, t.organisationId] }),
    // a period's rows in (month, person) order from the index alone: the monthly series
    // folds each person's month without hashing
    index("report_person_months_month_person_idx").on(t.month, t.personId, t.organisationId, t.mask),
  ],
);

/**
 * Each person's activities and output lines per quarter and per year, every association
 * together: their months of `report_person_months` OR-ed (the same bits), kept by a
 * trigger on that table (migration 0058). A whole quarter or year of the whole programme
 * reads one row per person from here instead of folding the person's months, so its
 * figures are counts over these rows. `periodMonths` is 3 (a quarter beginning on
 * `periodStart`) or 12 (a calendar year). Each row also carries the person's description
 * (migration 0060), so that the disaggregations need no join.
 */
export const reportPersonPeriods = pgTable(
  "report_person_periods",
  {
    periodMonths: smallint().notNull(),
    periodStart: day().notNull(),
    personId: integer().notNull(),
    mask: integer().notNull(),
    linesLo: bigint({ mode: "number" }).notNull(),
    linesHi: bigint({ mode: "number" }).notNull(),
    /** the person as `report_people` describes them (null when it does not), kept by a trigger on it */
    sex: text(),
    /** their age in whole years on the period's last day (the reports' reference date) */
    ageYears: smallint(),
    nationality: text(),
    isMigrant: boolean(),
    region: text(),
  },
  (t) => [
    primaryKey({ columns: [t.periodMonths, t.periodStart, t.personId] }),
    check("report_person_periods_months_check", sql`${t.periodMonths} in (3, 12)`),
    // a person described again rewrites their rows
    index("report_person_periods_person_idx").on(t.personId),
  ],
);

/**
 * A version per quarter and per year of the period rollup (`periodMonths` 3 or 12 and
 * `periodStart`, as in report_person_periods), and per month of the month rollup
 * (`periodMonths` 1), bumped once per transaction, at commit, by deferred triggers on
 * every row of report_person_periods and report_person_months a transaction inserts,
 * updates or deletes (and every period they hold on their TRUNCATE): a donor's family
 * reads again only the people and the months of the periods whose version moved
 * (decision 0193-report-reach-kept-per-period). A period never written since migration
 * 0063 has no row (version 0).
 */
export const reportPeriodVersions = pgTable(
  "report_period_versions",
  {
    periodMonths: smallint().notNull(),
    periodStart: day().notNull(),
    version: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodMonths, t.periodStart] })],
);

/**
 * The outputs' events, quantities and amounts per month, association and line (an
 * activity and its detail, null for none, as in report_events), kept by a statement trigger
 * on report_events (migration 0062, decision 0188-report-output-sums-per-month): each
 * statement adds what it inserted and takes away what it deleted. A period of whole
 * months sums these rows (a few hundred a month) instead of its events (a year: over a
 * million at 100,000 beneficiaries). Events without an association are under the zero
 * uuid, as in report_person_months; a line left with no event loses its row.
 */
export const reportLineMonths = pgTable(
  "report_line_months",
  {
    month: day().notNull(),
    organisationId: uuid().notNull(),
    activity: text().notNull(),
    detail: text(),
    events: bigint({ mode: "number" }).notNull(),
    quantity: bigint({ mode: "number" }).notNull(),
    valueCentimes: bigint({ mode: "number" }).notNull(),
  },
  (t) => [unique("report_line_months_key").on(t.month, t.organisationId, t.activity, t.detail).nullsNotDistinct()],
);

/**
 * The output lines (an activity and its detail, "" for none), numbered on first sight
 * by the month rollup's trigger and never renumbered: a line's number is its bit in
 * report_person_months. Lines past 127 have no bit; the outputs count their people
 * from the events.
 */
export const reportLines = pgTable(
  "report_lines",
  {
    lineId: integer().generatedAlwaysAsIdentity({ startWith: 0, minValue: 0 }).primaryKey(),
    activity: text().notNull(),
    detail: text().notNull(),
  },
  (t) => [uniqueIndex("report_lines_activity_detail_idx").on(t.activity, t.detail)],
);

/** A small integer per person key, given on first sight and never reused. */
export const reportPersonIds = pgTable("report_person_ids", {
  personKey: uuid().primaryKey(),
  personId: integer().generatedAlwaysAsIdentity().notNull().unique(),
});

/**
 * Free-text countries, cities and region names folded to codes (`kind` country, city
 * or region), as `mappings.ts` defines them; a test holds the two together.
 */
export const reportPlaceCodes = pgTable(
  "report_place_codes",
  {
    kind: text().notNull(),
    key: text().notNull(),
    code: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

/**
 * One row: a number that grows by one with every committed transaction that changed what
 * the reports read (the rollup, the money sources, the budget, the assessments). Bumped
 * by deferred triggers at commit (migration 0015), read by the report cache
 * (app/modules/reporting/cache.server.ts): a cached report older than this is stale.
 */
export const reportVersion = pgTable(
  "report_version",
  {
    singleton: boolean().primaryKey().default(true),
    version: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
  },
  (t) => [check("report_version_singleton_check", sql`${t.singleton}`)],
);

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * A baseline and a target per indicator of the results framework (`INDICATORS`) and
 * period: the whole programme ("programme") or one quarter ("2026-Q2"). One row per
 * indicator and period; both figures are whole numbers of people, never negative.
 */
export const reportTargets = pgTable(
  "report_targets",
  {
    indicator: text().notNull(),
    period: text().notNull(),
    baseline: integer().notNull().default(0),
    target: integer().notNull(),
    updatedById: ref(() => users.id),
    updatedAt: stamp(),
  },
  (t) => [
    primaryKey({ columns: [t.indicator, t.period] }),
    check("report_targets_indicator_check", sql`${t.indicator} in (${inList(INDICATOR_CODES)})`),
    check("report_targets_period_check", sql`${t.period} ~ '^(programme|[0-9]{4}-Q[1-4])$'`),
    check("report_targets_baseline_check", sql`${t.baseline} >= 0`),
    check("report_targets_target_check", sql`${t.target} >= 0`),
  ],
);

/**
 * What the admin writes about a result of a quarter, in one language, before the
 * quarterly report is issued in that language.
 */
export const reportNarratives = pgTable(
  "report_narratives",
  {
    quarter: text().notNull(),
    locale: text().notNull(),
    result: text().notNull(),
    achievements: text().notNull().default(""),
    challenges: text().notNull().default(""),
    nextSteps: text().notNull().default(""),
    updatedById: ref(() => users.id),
    updatedAt: stamp(),
  },
  (t) => [
    primaryKey({ columns: [t.quarter, t.locale, t.result] }),
    check("report_narratives_quarter_check", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
    check("report_narratives_locale_check", sql`${t.locale} in ('fr', 'ar', 'en')`),
    check("report_narratives_result_check", sql`${t.result} in (${inList(RESULTS)})`),
    check(
      "report_narratives_length_check",
      sql`length(${t.achievements}) <= 4000 and length(${t.challenges}) <= 4000 and length(${t.nextSteps}) <= 4000`,
    ),
  ],
);

/**
 * An issued quarterly report: the PDF bytes as they were rendered, version n of its
 * quarter and language. Never updated: later data changes what the dashboard shows, not
 * what was issued (docs/decisions/0105-issued-reports-are-stored-bytes.md).
 */
export const reportIssues = pgTable(
  "report_issues",
  {
    id: id(),
    quarter: text().notNull(),
    locale: text().notNull(),
    version: integer().notNull(),
    pdf: bytea().notNull(),
    issuedById: ref(() => users.id).notNull(),
    issuedAt: stamp(),
  },
  (t) => [
    uniqueIndex("report_issues_quarter_locale_version_key").on(t.quarter, t.locale, t.version),
    check("report_issues_quarter_check", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
    check("report_issues_locale_check", sql`${t.locale} in ('fr', 'ar', 'en')`),
    check("report_issues_version_check", sql`${t.version} >= 1`),
  ],
);

export type ReportTarget = typeof reportTargets.$inferSelect;
export type ReportIssue = typeof reportIssues.$inferSelect;
export type ProgrammeBudget = typeof programmeBudget.$inferSelect;
export type BudgetLine = typeof budgetLines.$inferSelect;
export type ExchangeRate = typeof exchangeRates.$inferSelect;
export type BudgetEntry = typeof budgetEntries.$inferSelect;
