/** Values both the forms (browser) and the schemas (server and database) need; no zod here. */

export const BUDGET_LINES = [
  "health",
  "humanitarian_aid",
  "employability",
  "entrepreneurship_grants",
  "staff_operations",
] as const;
export type BudgetLineKey = (typeof BUDGET_LINES)[number];
