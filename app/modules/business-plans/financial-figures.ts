/**
 * The figures the financial step shows as the applicant types: totals, the gap between
 * costs and funding, each month's net and running balance, break-even, gross margin and
 * the three years. Pure; the browser runs it on every keystroke.
 */
import { parseMoney } from "~/lib/money";
import { breakEvenMonth, grossMargin, threeYearTotals } from "./rules";
import type { FinancialDraft } from "./schemas.server";

/** An amount as typed, in centimes; blank or not (yet) an amount counts as zero. */
export function typedAmount(value: string): number {
  return value.trim() === "" ? 0 : (parseMoney(value) ?? 0);
}

export function typedQuantity(value: string): number {
  return Number.parseInt(value, 10) || 0;
}

export function draftFigures(draft: FinancialDraft) {
  const costTotal = draft.costs.reduce((s, r) => s + typedQuantity(r.quantity) * typedAmount(r.unitPrice), 0);
  const fundingTotal = draft.funding.reduce((s, r) => s + typedAmount(r.amount), 0);
  const months = draft.months.map((m) => ({
    revenueCentimes: typedAmount(m.revenue),
    costOfSalesCentimes: typedAmount(m.costOfSales),
    fixedCostsCentimes: typedAmount(m.fixedCosts),
  }));
  const years = draft.years.map((y) => ({
    revenueCentimes: typedAmount(y.revenue),
    costsCentimes: typedAmount(y.costs),
  }));
  const net = months.map((m) => m.revenueCentimes - m.costOfSalesCentimes - m.fixedCostsCentimes);
  // the running balance at the end of each month
  const cumulative = net.reduce<number[]>((sums, n) => [...sums, (sums[sums.length - 1] ?? 0) + n], []);
  return {
    costTotal,
    fundingTotal,
    gap: costTotal - fundingTotal,
    net,
    cumulative,
    breakEven: breakEvenMonth(months),
    margin: grossMargin(months),
    three: threeYearTotals(months, years),
  };
}
export type Figures = ReturnType<typeof draftFigures>;
