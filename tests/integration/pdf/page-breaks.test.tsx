/**
 * Documents whose content may be taller than a page break it across pages instead of
 * letting react-pdf push it off the page (its "Node of type VIEW can't wrap between pages"
 * warning, seen once per e2e run on the Arabic quarterly report with targets set), and the
 * quarterly report's progress table gives its indicator names the room they need (they
 * were squeezed to a word a line beside a wide code column).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemo } from "../../../db/seed";
import { serverT } from "../../../app/i18n/dictionaries.server";
import type { Locale } from "../../../app/i18n/config";
import { toPlanDocument } from "../../../app/modules/business-plans/document";
import { renderPlanPdf } from "../../../app/modules/business-plans/plan-pdf.server";
import { INDICATOR_CODES } from "../../../app/modules/reporting/frameworks";
import { completePlanContent } from "../../factories/business-plans";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
let warnings: string[] = [];

beforeAll(async () => {
  await seedDemo(t.db);
  for (const code of INDICATOR_CODES) {
    for (const period of ["programme", "2026-Q4"])
      await t.sql`insert into report_targets (indicator, period, baseline, target) values (${code}, ${period}, 3, 120)`;
  }
});

beforeEach(() => {
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
});
afterEach(() => vi.restoreAllMocks());

const unbreakable = () => warnings.filter((w) => w.includes("can't wrap between pages"));

describe("blocks taller than a page", () => {
  it.each(["ar", "fr", "en"] as const)(
    "the quarterly report with targets, in %s: no block left unbreakable, indicator names on a line each",
    async (lng: Locale) => {
      const client = await app.signedIn("admin@masar.test");
      const response = await client.get(`/reports/quarterly.pdf?quarter=2026-Q4&lang=${lng}`);
      expect(response.status).toBe(200);
      const text = readPdfText(Buffer.from(await response.arrayBuffer()));
      expect(unbreakable()).toEqual([]);
      // the shortest indicator name holds on one line of its cell (it took three or four)
      const name = serverT(lng)("reporting.indicator.all");
      const lines = text.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
      expect(lines.filter((l) => l.includes(name)).length, name).toBeGreaterThanOrEqual(2);
    },
  );

  it("a business plan with a field longer than a page", async () => {
    const content = completePlanContent();
    const long = Array.from({ length: 120 }, (_, i) => `Phrase ${i + 1} de la description du produit.`).join(" ");
    content.product = { ...content.product, description: long };
    const doc = toPlanDocument({ id: "long", updatedAt: new Date(), ...content });
    for (const locale of ["ar", "fr"] as const) {
      const text = readPdfText(await renderPlanPdf({ doc, locale, ownerName: "Aminata Diallo" }));
      // the whole text is there, over pages
      expect(text.replace(/\s+/g, " ")).toContain("Phrase 120 de la description du produit.");
    }
    expect(unbreakable()).toEqual([]);
  });
});
