/**
 * Demo budget: the donor's 151,500 USD split into its five lines, two dated MAD/USD
 * rates and a few manual entries (staff, rent). Idempotent: rates are unique by
 * date, entries are found by their reference before being added.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { budgetEntries, exchangeRates } from "../schema";
import { addEntry, addRate, ensureBudget, updateBudget } from "../../app/modules/reporting/service.server";
import type { FoundationSeed } from "./foundation";

export const DEMO_BUDGET_LINES = {
  health: 35_000_00,
  humanitarian_aid: 40_000_00,
  employability: 25_000_00,
  entrepreneurship_grants: 36_500_00,
  staff_operations: 15_000_00,
} as const;

const DEMO_ENTRIES = [
  {
    lineKey: "staff_operations",
    kind: "spending",
    amount: 18_000_00,
    occurredOn: "2026-01-31",
    reference: "Salaires janvier (coordination)",
  },
  {
    lineKey: "staff_operations",
    kind: "spending",
    amount: 18_000_00,
    occurredOn: "2026-02-28",
    reference: "Salaires février (coordination)",
  },
  {
    lineKey: "staff_operations",
    kind: "spending",
    amount: 18_000_00,
    occurredOn: "2026-03-31",
    reference: "Salaires mars (coordination)",
  },
  {
    lineKey: "staff_operations",
    kind: "spending",
    amount: 6_500_00,
    occurredOn: "2026-04-05",
    reference: "Loyer bureau Rabat T2",
  },
  {
    lineKey: "employability",
    kind: "commitment",
    amount: 45_000_00,
    occurredOn: "2026-05-01",
    reference: "Convention centre de formation Casablanca",
  },
  {
    lineKey: "health",
    kind: "commitment",
    amount: 30_000_00,
    occurredOn: "2026-02-01",
    reference: "Convention laboratoire d'analyses Oujda",
  },
] as const;

export async function seedReporting(db: Database, foundation: FoundationSeed) {
  const admin = foundation.accounts.admin;
  await ensureBudget(db);
  await updateBudget(
    db,
    admin,
    {
      totalUsdCents: 151_500_00,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      lines: Object.entries(DEMO_BUDGET_LINES).map(([line, plannedUsdCents]) => ({
        line: line as keyof typeof DEMO_BUDGET_LINES,
        plannedUsdCents,
      })),
    },
    {},
  );
  for (const rate of [
    { effectiveOn: "2026-01-01", rate: 99_500 },
    { effectiveOn: "2026-07-01", rate: 92_500 },
  ]) {
    const [found] = await db.select().from(exchangeRates).where(eq(exchangeRates.effectiveOn, rate.effectiveOn));
    if (!found) await addRate(db, admin, rate, {});
  }
  for (const entry of DEMO_ENTRIES) {
    const [found] = await db.select().from(budgetEntries).where(eq(budgetEntries.reference, entry.reference));
    if (!found) await addEntry(db, admin, entry, {});
  }
  return { budgetLines: DEMO_BUDGET_LINES };
}
