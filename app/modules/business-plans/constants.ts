/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const COMPETITOR_ROWS = 4;

export const PLAN_STEPS = [
  "summary",
  "promoters",
  "product",
  "market",
  "marketing",
  "operations",
  "legal",
  "financial",
  "risks",
] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];
export const SECTORS = [
  "agriculture",
  "food_processing",
  "trade",
  "crafts",
  "services",
  "digital",
  "textile",
  "construction",
  "other",
] as const;
