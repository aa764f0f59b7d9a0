/**
 * The financial step's tables as the form holds them (strings, FinancialDraft), and
 * its row buttons without JavaScript: add a line, remove one, undo a removal. Parsing
 * and checking is FinancialSchema's, through parseRowsForm.
 */
import { parseRowsForm, rowAt, withoutRow, withRow, z } from "~/lib/forms.server";
import { moneyInputValue } from "~/lib/money";
import type { PlanFinancial } from "../../../db/schema/business-plans";
import { MAX_ROWS, MONTHS } from "./rules";
import type { FinancialDraft, FinancialList } from "./schemas.server";
import type { RemovedLine } from "./financial-form";

const typed = z.string().max(2000).catch("");
const COST_ROW = z
  .object({ item: typed, quantity: typed, unitPrice: typed })
  .catch({ item: "", quantity: "", unitPrice: "" });
const FUNDING_ROW = z.object({ kind: typed, label: typed, amount: typed }).catch({ kind: "", label: "", amount: "" });
const MONTH_ROW = z
  .object({ revenue: typed, costOfSales: typed, fixedCosts: typed })
  .catch({ revenue: "", costOfSales: "", fixedCosts: "" });
const YEAR_ROW = z.object({ revenue: typed, costs: typed }).catch({ revenue: "", costs: "" });
const TypedFinancial = z.object({
  costs: z.array(COST_ROW).catch([]),
  funding: z.array(FUNDING_ROW).catch([]),
  months: z.array(MONTH_ROW).catch([]),
  years: z.array(YEAR_ROW).catch([]),
});
const BLANK_MONTH = { revenue: "", costOfSales: "", fixedCosts: "" };
const BLANK_YEAR = { revenue: "", costs: "" };
const BLANK_ROW: { [L in FinancialList]: FinancialDraft[L][number] } = {
  costs: { item: "", quantity: "", unitPrice: "" },
  funding: { kind: "other", label: "", amount: "" },
};

/** The tables as typed (parseRowsForm's payload), to show them again. */
export function typedFinancial(payload: unknown): FinancialDraft {
  const d = TypedFinancial.parse(payload ?? {});
  return {
    costs: d.costs.slice(0, MAX_ROWS + 1),
    funding: d.funding.slice(0, MAX_ROWS + 1),
    months: Array.from({ length: MONTHS }, (_, i) => d.months[i] ?? BLANK_MONTH),
    years: [0, 1].map((i) => d.years[i] ?? BLANK_YEAR),
  };
}

/** The saved tables as the form shows them: one blank cost line and two funding lines to start with. */
export function financialToDraft(f: PlanFinancial): FinancialDraft {
  const money = (centimes: number | undefined) => (centimes === undefined ? "" : moneyInputValue(centimes));
  const costs = (f.startupCosts ?? []).map((c) => ({
    item: c.item,
    quantity: String(c.quantity),
    unitPrice: money(c.unitPriceCentimes),
  }));
  const funding = (f.funding ?? []).map((s) => ({ kind: s.kind, label: s.label, amount: money(s.amountCentimes) }));
  return {
    costs: costs.length ? costs : [BLANK_ROW.costs],
    funding: funding.length
      ? funding
      : [
          { ...BLANK_ROW.funding, kind: "own" },
          { ...BLANK_ROW.funding, kind: "grant" },
        ],
    months: Array.from({ length: MONTHS }, (_, i) => {
      const m = f.months?.[i];
      return {
        revenue: money(m?.revenueCentimes),
        costOfSales: money(m?.costOfSalesCentimes),
        fixedCosts: money(m?.fixedCostsCentimes),
      };
    }),
    years: [0, 1].map((i) => ({
      revenue: money(f.years?.[i]?.revenueCentimes),
      costs: money(f.years?.[i]?.costsCentimes),
    })),
  };
}

/** A line removed with content, which the page offers to put back. */
export type RemovedRow = RemovedLine;

const index = z.coerce.number().int().min(0).max(MAX_ROWS);
/** The removed line the undo button posts back (hidden fields undo.list, undo.index, undo.row.*). */
const UndoSchema = z.object({
  undo: z.discriminatedUnion("list", [
    z.object({ list: z.literal("costs"), index, row: COST_ROW }),
    z.object({ list: z.literal("funding"), index, row: FUNDING_ROW }),
  ]),
});

export type RowChange =
  | { op: "add"; list: FinancialList }
  | { op: "remove"; list: FinancialList; index: number }
  | { op: "undo"; removed: RemovedRow };

const LISTS: Record<string, FinancialList> = { cost: "costs", funding: "funding" };

/** What a row button asked: `add-cost`, `remove-funding:2`, `undo-remove`; null for a save. */
export function rowChange(intent: string, form: FormData): RowChange | null {
  if (intent === "undo-remove") {
    const undo = parseRowsForm(UndoSchema, form);
    return undo.ok ? { op: "undo", removed: undo.data.undo } : null;
  }
  const match = /^(add|remove)-(cost|funding)(?::(\d{1,3}))?$/.exec(intent);
  const list = match ? LISTS[match[2] ?? ""] : undefined;
  if (!match || !list) return null;
  if (match[1] === "add") return { op: "add", list };
  return match[3] === undefined ? null : { op: "remove", list, index: Number(match[3]) };
}

/**
 * The form as if the change had been made in the page: the rows renumbered before they
 * are parsed, so errors name the lines shown next. A removed line with something typed
 * in it comes back as `removed`, for the undo button.
 */
export function applyRowChange(form: FormData, change: RowChange | null): { form: FormData; removed?: RemovedRow } {
  if (change?.op === "remove") {
    const row = rowAt(form, change.list, change.index);
    const kept = Object.entries(row).some(([field, v]) => field !== "kind" && v.trim() !== "");
    const removed = kept ? { list: change.list, index: change.index, row } : undefined;
    return { form: withoutRow(form, change.list, change.index), removed };
  }
  if (change?.op === "undo") {
    const { list, index: at, row } = change.removed;
    return { form: withRow(form, list, at, row) };
  }
  return { form };
}

/** The draft the page shows after the change: a blank line at the end for "add". */
export function withBlankRow(draft: FinancialDraft, change: RowChange | null): FinancialDraft {
  if (change?.op !== "add" || draft[change.list].length >= MAX_ROWS) return draft;
  return { ...draft, [change.list]: [...draft[change.list], BLANK_ROW[change.list]] };
}
