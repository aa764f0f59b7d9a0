/** The budget as planned (lines in USD, dated rates) and the money the records move. */
import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { budgetEntries, budgetLines, exchangeRates, programmeBudget } from "~db/schema";
import { DEFAULT_BUDGET_USD_CENTS, type DatedRate, type MoneyByDay } from "./rules";
import { BUDGET_LINES, type BudgetLineKey } from "./constants";
import { versionOf } from "~/lib/changes";
import type { Sources } from "./sources.server";

/** Money per line, day and kind, summed in SQL over the records and the manual entries. */
export async function moneyByDay(db: Executor, sources: Sources, until: string): Promise<MoneyByDay[]> {
  if (sources.money.length === 0) return [];
  const union = sql.join(
    sources.money.map(
      (m) =>
        sql`select line_key::text as line_key, day::date as day, kind::text as kind, mad_centimes::bigint as mad_centimes from (${m}) m`,
    ),
    sql` union all `,
  );
  // the day is written as text after the sums, once per line, day and kind, not once per record
  const rows = await db.execute(sql`
    select line_key, to_char(day, 'YYYY-MM-DD') as day, kind, mad from (
      select line_key, day, kind, sum(mad_centimes)::bigint as mad
      from (${union}) u where day <= ${until}::date
      group by 1, 2, 3
    ) g order by g.day`);
  return (rows as unknown as Record<string, unknown>[])
    .filter((r) => (BUDGET_LINES as readonly string[]).includes(String(r.line_key)))
    .map((r) => ({
      line: r.line_key as BudgetLineKey,
      day: String(r.day),
      kind: r.kind === "committed" ? "committed" : "spent",
      madCentimes: Number(r.mad),
    }));
}

export async function getBudget(db: Executor) {
  const [budget] = await db.select().from(programmeBudget).limit(1);
  const lines = await db.select().from(budgetLines);
  const rates = await db.select().from(exchangeRates).orderBy(exchangeRates.effectiveOn);
  return {
    totalUsdCents: budget?.totalUsdCents ?? DEFAULT_BUDGET_USD_CENTS,
    startsOn: budget?.startsOn ?? null,
    endsOn: budget?.endsOn ?? null,
    planned: BUDGET_LINES.map((line) => ({
      line,
      plannedUsdCents: lines.find((l) => l.lineKey === line)?.plannedUsdCents ?? 0,
    })),
    rates: rates.map((r): DatedRate & { id: string } => ({
      id: r.id,
      effectiveOn: r.effectiveOn,
      madPerUsdE4: r.madPerUsdE4,
    })),
  };
}

/** The latest manual commitments and spending, newest first. */
export async function listBudgetEntries(db: Executor, limit = 100) {
  return db
    .select({
      id: budgetEntries.id,
      lineKey: budgetEntries.lineKey,
      kind: budgetEntries.kind,
      amount: budgetEntries.amountMadCentimes,
      occurredOn: budgetEntries.occurredOn,
      reference: budgetEntries.reference,
    })
    .from(budgetEntries)
    .orderBy(desc(budgetEntries.occurredOn), desc(budgetEntries.createdAt))
    .limit(limit);
}

/** The fields of an entry a correction may change, in the order its version reads them. */
export const ENTRY_FIELDS = ["lineKey", "kind", "amountMadCentimes", "occurredOn", "reference"] as const;

/** One entry, for its correction form, with its version; null when there is none. */
export async function getBudgetEntry(db: Executor, entryId: string) {
  const [row] = await db.select().from(budgetEntries).where(eq(budgetEntries.id, entryId));
  if (!row) return null;
  return {
    id: row.id,
    lineKey: row.lineKey,
    kind: row.kind,
    amount: row.amountMadCentimes,
    occurredOn: row.occurredOn,
    reference: row.reference,
    version: versionOf(row, ENTRY_FIELDS),
  };
}
