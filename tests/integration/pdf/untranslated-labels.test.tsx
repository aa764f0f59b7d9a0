/**
 * The quarterly report in Arabic and in English holds none of the portal's French and no
 * internal code: not in its tables, and not on its charts (the months under the monthly
 * chart, its scale, the legends), which are text boxes read back like the rest. Both the
 * donor's document (the route) and a report with figures (every line and legend drawn).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { formatMonth } from "../../../app/i18n/translate";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { QuarterlyReportPdf } from "../../../app/modules/reporting/quarterly-pdf.server";
import { renderPdf } from "../../../app/pdf/kit.server";
import { readPdfText } from "../../helpers/pdf";
import { frenchLeftIn } from "../../helpers/untranslated";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const Q4 = { from: "2026-10-01", to: "2026-12-31", organisationId: null };
const MONTHS = ["2026-10", "2026-11", "2026-12"];

beforeAll(async () => {
  await seedDemo(t.db);
});

/** The report with its figures, as the admin's pages see it: the chart has its lines. */
async function reportWithFigures(lng: "fr" | "ar" | "en"): Promise<string> {
  const report = await buildReport(t.db, { audience: "admin", filter: Q4, sources: wiredSources() });
  expect(report.monthly.series.some((s) => s.values.some((v) => typeof v === "number" && v > 0))).toBe(true);
  return readPdfText(await renderPdf(<QuarterlyReportPdf report={report} locale={lng} quarter="2026-Q4" />));
}

describe("the quarterly report in the reader's language", () => {
  for (const lng of ["ar", "en"] as const) {
    it(`has no French label, French month or code in ${lng}, on its charts too`, async () => {
      const tr = serverT(lng);
      const admin = await app.signedIn("admin@masar.test");
      const response = await admin.get(`/reports/quarterly.pdf?quarter=2026-Q4&lang=${lng}`);
      expect(response.status).toBe(200);
      const donor = readPdfText(Buffer.from(await response.arrayBuffer()));
      const figures = await reportWithFigures(lng);
      for (const text of [donor, figures]) {
        // the chart's words are read (the check cannot pass by reading none)
        for (const month of MONTHS) expect(text).toContain(formatMonth(lng, month));
        expect(text).toContain(tr("reporting.result.entrepreneurship"));
        expect(frenchLeftIn(text, lng)).toEqual([]);
      }
    });
  }

  it("finds the French of a French report (the check can fail)", async () => {
    const found = frenchLeftIn(await reportWithFigures("fr"), "en");
    expect(found).toContain(`French month "${formatMonth("fr", "2026-10")}"`);
    expect(found).toContain(`French label "${serverT("fr")("reporting.result.health")}"`);
  });
});
