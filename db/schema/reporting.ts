import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * The donor budget, its lines, the MAD/USD rates and the manual money entries.
 * Spending that the other modules record (service costs, aid value, grant tranches)
 * is read from their tables, never copied here.
 */
export const budgetLineKeyEnum = pgEnum("budget_line_key", [
  "health",
  "humanitarian_aid",
  "employability",
  "entrepreneurship_grants",
  "staff_operations",
]);
export const budgetEntryKindEnum = pgEnum("budget_entry_kind", ["commitment", "spending"]);

/** One row: the programme's donor budget, in US cents (the donor's currency). */
export const programmeBudget = pgTable(
  "programme_budget",
  {
    id: uuid().primaryKey().defaultRandom(),
    singleton: boolean().notNull().default(true),
    totalUsdCents: bigint({ mode: "number" }).notNull().default(15_150_000),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    updatedById: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
    id: uuid().primaryKey().defaultRandom(),
    lineKey: budgetLineKeyEnum().notNull().unique(),
    plannedUsdCents: bigint({ mode: "number" }).notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("budget_lines_planned_check", sql`${t.plannedUsdCents} >= 0`)],
);

/** MAD per USD times 10,000, in force from a date until the next one. */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: uuid().primaryKey().defaultRandom(),
    effectiveOn: date({ mode: "string" }).notNull().unique(),
    madPerUsdE4: integer().notNull(),
    setById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("exchange_rates_positive_check", sql`${t.madPerUsdE4} > 0`)],
);

/** What the records do not hold: staff, rent, transport, commitments signed on paper. */
export const budgetEntries = pgTable(
  "budget_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    lineKey: budgetLineKeyEnum().notNull(),
    kind: budgetEntryKindEnum().notNull(),
    amountMadCentimes: bigint({ mode: "number" }).notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    /** staff-only label; never shown to donors */
    reference: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("budget_entries_amount_check", sql`${t.amountMadCentimes} > 0`),
    index("budget_entries_line_idx").on(t.lineKey, t.occurredOn),
  ],
);

export type ProgrammeBudget = typeof programmeBudget.$inferSelect;
export type BudgetLine = typeof budgetLines.$inferSelect;
export type ExchangeRate = typeof exchangeRates.$inferSelect;
export type BudgetEntry = typeof budgetEntries.$inferSelect;
