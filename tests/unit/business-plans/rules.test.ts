import { describe, expect, it } from "vitest";
import {
  breakEvenMonth,
  cashFlow,
  fundingGap,
  grantRequestedCentimes,
  grossMargin,
  incompleteSteps,
  isPlanComplete,
  stepIssues,
  stepStatus,
  threeYearTotals,
  totalStartupCost,
} from "../../../app/modules/business-plans/rules";
import { toPlanDocument } from "../../../app/modules/business-plans/document";
import { completePlanContent } from "../../factories/business-plans";

const m = (revenue: number, cost: number, fixed: number) => ({
  revenueCentimes: revenue,
  costOfSalesCentimes: cost,
  fixedCostsCentimes: fixed,
});
const emptyPlan = {
  summary: {},
  promoters: {},
  product: {},
  market: {},
  marketing: {},
  operations: {},
  legal: {},
  financial: {},
  risks: {},
};

describe("start-up costs and funding", () => {
  const costs = [
    { item: "Four", quantity: 2, unitPriceCentimes: 1_000_050 },
    { item: "Plateaux", quantity: 3, unitPriceCentimes: 333 },
  ];
  it("totals quantity times unit price, to the centime", () => {
    expect(totalStartupCost(costs)).toBe(2_000_100 + 999);
    expect(totalStartupCost([])).toBe(0);
  });
  it("balances when the funding equals the costs exactly", () => {
    const funding = [
      { kind: "own", label: "", amountCentimes: 1_000_000 },
      { kind: "grant", label: "", amountCentimes: 1_001_099 },
    ];
    expect(fundingGap(costs, funding)).toBe(0);
  });
  it("is off by one centime when the funding is one centime short or over", () => {
    expect(fundingGap(costs, [{ kind: "grant", label: "", amountCentimes: 2_001_098 }])).toBe(1);
    expect(fundingGap(costs, [{ kind: "grant", label: "", amountCentimes: 2_001_100 }])).toBe(-1);
  });
  it("takes the grant requested from the grant rows only", () => {
    const funding = [
      { kind: "own", label: "", amountCentimes: 500 },
      { kind: "grant", label: "a", amountCentimes: 700 },
      { kind: "grant", label: "b", amountCentimes: 300 },
      { kind: "loan", label: "", amountCentimes: 900 },
    ];
    expect(grantRequestedCentimes({ funding })).toBe(1000);
    expect(grantRequestedCentimes({ financial: { funding } })).toBe(1000);
    expect(grantRequestedCentimes({})).toBe(0);
  });
});

describe("cash flow and break-even", () => {
  it("runs the monthly result and its cumulative total", () => {
    expect(cashFlow([m(100, 30, 50), m(100, 30, 100)])).toEqual([
      { month: 1, netCentimes: 20, cumulativeCentimes: 20 },
      { month: 2, netCentimes: -30, cumulativeCentimes: -10 },
    ]);
  });
  it("breaks even in the month the cumulative result stops being negative", () => {
    const months = [m(100, 50, 100), m(100, 50, 100), m(300, 50, 100), m(300, 50, 100)];
    // cumulative: -50, -100, +50, +200
    expect(breakEvenMonth(months)).toBe(3);
    expect(breakEvenMonth([m(100, 0, 100)])).toBe(1);
  });
  it("never breaks even when losses go on for 12 months", () => {
    expect(breakEvenMonth(Array.from({ length: 12 }, () => m(100, 60, 50)))).toBeNull();
  });
  it("never breaks even with zero revenue, even with zero costs", () => {
    expect(breakEvenMonth(Array.from({ length: 12 }, () => m(0, 0, 0)))).toBeNull();
    expect(breakEvenMonth([])).toBeNull();
  });
});

describe("gross margin and three years", () => {
  it("gives the margin and its rate, and no rate without revenue", () => {
    expect(grossMargin([m(1000, 250, 999), m(1000, 250, 0)])).toEqual({ amountCentimes: 1500, ratePercent: 75 });
    expect(grossMargin([m(0, 100, 0)])).toEqual({ amountCentimes: -100, ratePercent: null });
  });
  it("sums year 1 from the months and adds years 2 and 3", () => {
    const result = threeYearTotals(
      [m(1000, 200, 300), m(1000, 200, 300)],
      [
        { revenueCentimes: 5000, costsCentimes: 4000 },
        { revenueCentimes: 6000, costsCentimes: 4500 },
      ],
    );
    expect(result.years.map((y) => y.resultCentimes)).toEqual([1000, 1000, 1500]);
    expect(result.total).toEqual({ revenueCentimes: 13000, costsCentimes: 9500, resultCentimes: 3500 });
  });
});

describe("completeness", () => {
  it("a full plan with balanced funding is complete", () => {
    expect(isPlanComplete(completePlanContent())).toBe(true);
  });
  it("an empty plan lists every step, and each step as empty", () => {
    expect(incompleteSteps(emptyPlan)).toHaveLength(9);
    expect(stepStatus(emptyPlan, "summary")).toBe("empty");
  });
  it("a plan one centime off balance is not complete, on the financial step only", () => {
    const plan = completePlanContent();
    plan.financial.funding = [...(plan.financial.funding ?? []), { kind: "other", label: "", amountCentimes: 1 }];
    expect(isPlanComplete(plan)).toBe(false);
    expect(incompleteSteps(plan)).toEqual(["financial"]);
    expect(stepIssues(plan, "financial")).toEqual(["fundingGap"]);
  });
  it("names the fields missing in a half-written step", () => {
    const plan = { ...emptyPlan, summary: { projectName: "Couture", sector: "nonsense", pitch: "short" } };
    expect(stepIssues(plan, "summary")).toEqual(["sector", "city", "pitch"]);
    expect(stepStatus(plan, "summary")).toBe("incomplete");
  });
});

describe("PlanDocument", () => {
  it("is plain JSON that survives a round trip, with computed totals", () => {
    const doc = toPlanDocument({ id: "p1", updatedAt: new Date("2026-01-01T00:00:00Z"), ...completePlanContent() });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.financial.totals.totalStartupCostCentimes).toBe(4_250_000);
    expect(doc.financial.totals.grantRequestedCentimes).toBe(3_000_000);
    expect(doc.financial.months).toHaveLength(12);
    expect(JSON.stringify(doc)).not.toMatch(/ownerId|phone|email/);
  });
});
