import { describe, expect, it } from "vitest";
import { parseRowsForm, rowAt, rowList, withoutRow, withRow, z } from "~/lib/forms.server";
import { FinancialSchema, MarketSchema } from "~/modules/business-plans/schemas.server";
import { applyRowChange, rowChange, typedFinancial } from "~/modules/business-plans/financial-rows.server";
import { ProfileSchema } from "~/modules/profiles/schemas.server";

function form(fields: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
}

const Rows = z.object({
  rows: rowList(
    z.object({ a: z.string().trim().min(1, "errors.required"), b: z.string().optional() }),
    3,
    "errors.tooLong",
  ),
});

describe("repeated rows (parseRowsForm, rowList)", () => {
  it("leaves out blank rows where they are, so an error names the row the page shows", () => {
    const result = parseRowsForm(
      Rows,
      form([
        ["rows[0].a", ""],
        ["rows[0].b", "  "],
        ["rows[1].a", ""],
        ["rows[1].b", "x"],
      ]),
    );
    expect(result).toMatchObject({ ok: false, errors: { "rows[1].a": "errors.required" } });
    expect(result.payload).toEqual({
      rows: [
        { a: "", b: "  " },
        { a: "", b: "x" },
      ],
    });
  });

  it("refuses more rows than allowed, on the list", () => {
    const fields: [string, string][] = [0, 1, 2, 3].map((i) => [`rows[${i}].a`, "x"]);
    expect(parseRowsForm(Rows, form(fields))).toMatchObject({ ok: false, errors: { rows: "errors.tooLong" } });
  });

  it("removes a row and puts it back, renumbering the rows after it", () => {
    const posted = form([
      ["rows[0].a", "first"],
      ["rows[1].a", "second"],
      ["rows[2].a", "third"],
      ["other", "kept"],
    ]);
    const without = withoutRow(posted, "rows", 1);
    expect([...without.entries()]).toEqual([
      ["rows[0].a", "first"],
      ["rows[1].a", "third"],
      ["other", "kept"],
    ]);
    expect(rowAt(posted, "rows", 1)).toEqual({ a: "second" });
    const back = withRow(without, "rows", 1, { a: "second" });
    expect(parseRowsForm(Rows, back)).toMatchObject({
      ok: true,
      data: { rows: [{ a: "first" }, { a: "second" }, { a: "third" }] },
    });
  });
});

describe("plan forms", () => {
  it("reads the financial tables, blank forecast cells as zero and an untouched forecast as none", () => {
    const result = parseRowsForm(
      FinancialSchema,
      form([
        ["costs[0].item", "Four"],
        ["costs[0].quantity", "2"],
        ["costs[0].unitPrice", "12 500,50 MAD"],
        ["costs[1].item", ""],
        ["costs[1].quantity", ""],
        ["costs[1].unitPrice", ""],
        ["funding[0].kind", "own"],
        ["funding[0].label", ""],
        ["funding[0].amount", ""],
        ["funding[1].kind", "grant"],
        ["funding[1].label", "Masar"],
        ["funding[1].amount", "25000"],
        ["months[0].revenue", "1000"],
        ["years[0].revenue", ""],
      ]),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.startupCosts).toEqual([{ item: "Four", quantity: 2, unitPriceCentimes: 1_250_050 }]);
    expect(result.data.funding).toEqual([{ kind: "grant", label: "Masar", amountCentimes: 2_500_000 }]);
    expect(result.data.months).toHaveLength(12);
    expect(result.data.months?.[0]).toEqual({
      revenueCentimes: 100_000,
      costOfSalesCentimes: 0,
      fixedCostsCentimes: 0,
    });
    expect(result.data.years).toEqual([]);
  });

  it("names each bad cell of the financial tables with the message a person can act on", () => {
    const result = parseRowsForm(
      FinancialSchema,
      form([
        ["costs[0].item", ""],
        ["costs[0].quantity", "0"],
        ["costs[0].unitPrice", "trente"],
        ["funding[0].kind", "casino"],
        ["funding[0].amount", "10"],
        ["months[3].fixedCosts", "12,500"],
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        "costs[0].item": "errors.required",
        "costs[0].quantity": "plans.errors.quantity",
        "costs[0].unitPrice": "plans.errors.money",
        "funding[0].kind": "errors.invalid",
        "months[3].fixedCosts": "plans.errors.money",
      },
    });
    expect(typedFinancial(result.payload).costs[0]).toEqual({ item: "", quantity: "0", unitPrice: "trente" });
  });

  it("reads competitors: a price needs a name, a name alone is enough", () => {
    const result = parseRowsForm(
      MarketSchema,
      form([
        ["competitors[0].name", "Atelier voisin"],
        ["competitors[0].price", ""],
        ["competitors[1].name", ""],
        ["competitors[1].price", "50"],
        ["price", "1,40"],
      ]),
    );
    expect(result).toMatchObject({ ok: false, errors: { "competitors[1].name": "errors.required" } });
    const fixed = parseRowsForm(
      MarketSchema,
      form([
        ["competitors[2].name", "Souk"],
        ["price", ""],
      ]),
    );
    expect(fixed).toMatchObject({
      ok: true,
      data: { competitors: [{ name: "Souk", priceCentimes: null }], priceCentimes: null },
    });
  });

  it("turns a remove button into the form without that line, and keeps the line for undo only when it had content", () => {
    const posted = form([
      ["intent", "remove-cost:0"],
      ["costs[0].item", "Four"],
      ["costs[0].quantity", "1"],
      ["costs[0].unitPrice", "100"],
      ["costs[1].item", ""],
      ["costs[1].quantity", ""],
      ["costs[1].unitPrice", ""],
    ]);
    const change = rowChange("remove-cost:0", posted);
    expect(change).toEqual({ op: "remove", list: "costs", index: 0 });
    const { removed } = applyRowChange(posted, change);
    expect(removed).toEqual({ list: "costs", index: 0, row: { item: "Four", quantity: "1", unitPrice: "100" } });
    expect(applyRowChange(posted, rowChange("remove-cost:1", posted)).removed).toBeUndefined();
    expect(rowChange("remove-cost:x", posted)).toBeNull();
    expect(rowChange("remove-salary:1", posted)).toBeNull();
  });
});

describe("profile form", () => {
  it("reads experience rows and leaves blank ones out", () => {
    const result = parseRowsForm(
      ProfileSchema,
      form([
        ["experience[0].role", ""],
        ["experience[0].years", ""],
        ["experience[1].role", "Soudeur"],
        ["experience[1].sector", "Bâtiment"],
        ["experience[1].years", "4"],
        ["experience[1].country", "ML"],
        ["languagesSpoken", "fr"],
      ]),
    );
    expect(result).toMatchObject({
      ok: true,
      data: { experience: [{ role: "Soudeur", sector: "Bâtiment", years: 4, country: "ML" }], languagesSpoken: ["fr"] },
    });
  });

  it("refuses a row with years but no role, and years that are not a number of years", () => {
    const result = parseRowsForm(
      ProfileSchema,
      form([
        ["experience[0].years", "4"],
        ["experience[2].role", "Cuisinier"],
        ["experience[2].years", "quatre"],
        ["experience[2].country", "XX"],
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        "experience[0].role": "errors.required",
        "experience[2].years": "profiles.errors.years",
        "experience[2].country": "profiles.errors.country",
      },
    });
  });
});
