/**
 * Every document type, printed in Arabic from the demo records as a person gets it:
 * its title and a sentence read back in logical order, its amounts and dates are the
 * record's, and the first line of page 1 is as wide as the font shapes it (a lost first
 * letter, the defect these documents had, makes it narrower by a whole letter).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { formatMonth, type MessageKey } from "../../../app/i18n/translate";
import { toPlanDocument } from "../../../app/modules/business-plans/document";
import { renderPlanPdf } from "../../../app/modules/business-plans/plan-pdf.server";
import { LetterPdf } from "../../../app/modules/grants/letters-pdf.server";
import { renderPdf } from "../../../app/pdf/kit.server";
import type { Fixture } from "../../access/types";
import { completePlanContent } from "../../factories/business-plans";
import { inkBands, inkWidth, rasterisePage, readPdfText } from "../../helpers/pdf";
import { frenchLeftIn } from "../../helpers/untranslated";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const ar = serverT("ar");

let fixture: Fixture;
const clients = new Map<string, TestClient>();

beforeAll(async () => {
  fixture = await seedDemo(t.db);
  // every demo person reads Arabic: documents in the owner's language come out in Arabic too
  await t.sql`update users set locale = 'ar'`;
});

async function arabicPdf(email: string, path: string): Promise<Buffer> {
  let client = clients.get(email);
  if (!client) {
    client = await app.signedIn(email);
    client.cookies.set("lng", "ar");
    clients.set(email, client);
  }
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
}

/**
 * The lines of a PDF's text, bidi controls gone, spaces folded; first, the whole text holds
 * none of the portal's French (a catalogue label, a month) and no internal code.
 */
function lines(buffer: Buffer): string[] {
  const text = readPdfText(buffer);
  expect(frenchLeftIn(text, "ar")).toEqual([]);
  return text
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** "300,00" for 30000 centimes, as Moroccan Arabic writes the figure. */
const figure = (centimes: number) =>
  new Intl.NumberFormat("ar-MA", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(centimes / 100);

/** The words of a date as Moroccan Arabic writes it: day, month name, year. */
function dateWords(value: string | Date): string[] {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  const parts = new Intl.DateTimeFormat("ar-MA", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Africa/Casablanca",
  }).formatToParts(date);
  return ["day", "month", "year"].map((type) => parts.find((p) => p.type === type)?.value ?? "?");
}

/**
 * The text as one line, for sentences that wrap. Spaces around punctuation are dropped:
 * a full stop comes from the Latin font, and poppler then puts the space on its other side.
 */
const tight = (text: string) => text.replace(/\s*([.،,:؛])\s*/g, "$1");
const flat = (all: string[]) => tight(all.join(" "));

/** A line holding all of `words` (in any order: poppler rebuilds mixed lines its own way). */
function lineWith(all: string[], words: string[]): string | undefined {
  return all.find((line) => words.every((w) => line.split(" ").some((token) => token.includes(w))));
}

/**
 * The first line of page 1 (or line `band`) is whole: as wide as fontkit alone shapes its
 * text, and ending at the right edge of the text block (A4 less the 40 pt margin).
 */
function expectWholeLine(buffer: Buffer, text: string, fontSize: number, weight: 400 | 700, band = 0) {
  const found = inkBands(rasterisePage(buffer))[band];
  expect(found, `line ${band} of page 1`).toBeDefined();
  if (!found) return;
  const expected = inkWidth(text, fontSize, weight);
  expect(
    Math.abs(found.right - found.left - expected),
    `ink of "${text}": ${found.right - found.left} pt`,
  ).toBeLessThan(0.12 * fontSize);
  expect(Math.abs(found.right - (595.28 - 40)), "right edge of the text block").toBeLessThan(2);
}

const title = (key: MessageKey) => ar(key);

describe("documents in Arabic", () => {
  it("business plan", async () => {
    const content = completePlanContent("مخبزة الأمل", "rabat");
    const doc = toPlanDocument({ id: "p1", updatedAt: new Date("2026-11-29T10:00:00Z"), ...content });
    const buffer = await renderPlanPdf({
      doc,
      locale: "ar",
      ownerName: "أمينة ديالو",
      generatedAt: new Date("2026-11-29T10:00:00Z"),
    });
    const text = lines(buffer);
    expect(text).toContain(title("plans.pdf.title"));
    expect(text).toContain("مخبزة الأمل");
    // the sector and the town, codes, printed as their Arabic names on one line
    expect(
      lineWith(text, [...title("plans.sector.food_processing").split(" "), title("codes.city.rabat")]),
    ).toBeDefined();
    expect(text.join("\n")).not.toMatch(/rabat|food_processing/);
    expect(text).toContain(title("plans.fin.balanced"));
    const total = doc.financial.totals.totalStartupCostCentimes;
    expect(lineWith(text, [figure(total), "مجموع", "الانطلاق"]), figure(total)).toBeDefined();
    expect(lineWith(text, dateWords(new Date("2026-11-29T10:00:00Z")))).toBeDefined();
    expectWholeLine(buffer, title("plans.pdf.title"), 10.5, 400);
  });

  it("CV, with labels instead of codes", async () => {
    const buffer = await arabicPdf("applicant@masar.test", `/cv/${fixture.employability.beneficiaryId}.pdf`);
    const text = lines(buffer);
    expect(text).toContain(title("coaching.cv.title"));
    expect(text).toContain(title("coaching.cv.experience"));
    const [profile] =
      await t.sql`select region, city, seeks from profiles where user_id = ${fixture.employability.beneficiaryId}`;
    expect(profile?.region).toBeTruthy();
    // the town, a code of the towns list, printed as its Arabic name
    expect(profile?.city).toBeTruthy();
    expect(text.join("\n")).toContain(ar(`codes.city.${profile?.city}` as MessageKey));
    expect(text.join("\n")).toContain(ar(`profiles.region.${profile?.region}` as MessageKey));
    for (const code of profile?.seeks ?? [])
      expect(text.join("\n")).toContain(ar(`profiles.seeks.${code}` as MessageKey));
    expect(text.join("\n")).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expectWholeLine(buffer, title("coaching.cv.title"), 10.5, 400);
  });

  it("certificate", async () => {
    const buffer = await arabicPdf(
      "applicant@masar.test",
      `/trainings/certificates/${fixture.employability.certificateId}.pdf`,
    );
    const text = lines(buffer);
    expect(text[0]).toBe(title("trainings.pdf.title"));
    expect(text).toContain(title("trainings.pdf.certifies"));
    const [cert] = await t.sql`
      select c.code, k.starts_on::text as starts_on, k.ends_on::text as ends_on, tr.title_ar
      from training_certificates c join training_cohorts k on k.id = c.cohort_id join trainings tr on tr.id = k.training_id
      where c.id = ${fixture.employability.certificateId}`;
    expect(text).toContain(cert?.title_ar);
    expect(text).toContain(cert?.code);
    expect(lineWith(text, [...dateWords(cert?.starts_on), ...dateWords(cert?.ends_on)])).toBeDefined();
    expectWholeLine(buffer, title("trainings.pdf.title"), 20, 700);
  });

  it("voucher", async () => {
    const voucher = fixture.protection.vouchers.open;
    const buffer = await arabicPdf("caseworker@masar.test", `/aid/vouchers/${voucher.id}.pdf`);
    const text = lines(buffer);
    expect(text[0]).toBe(title("aid.voucher.title"));
    expect(flat(text)).toContain(tight(title("aid.voucher.once")));
    expect(text).toContain(voucher.code);
    expect(lineWith(text, [figure(voucher.valueCentimes), "د.م."])).toBeDefined();
    expectWholeLine(buffer, title("aid.voucher.title"), 20, 700);
  });

  it("internship agreement", async () => {
    const buffer = await arabicPdf(
      "coach@masar.test",
      `/placements/${fixture.employability.placementId}/agreement.pdf`,
    );
    const text = lines(buffer);
    expect(text[0]).toBe(title("internships.pdf.title"));
    expect(flat(text)).toContain(tight(title("internships.pdf.commitIntern")));
    const [p] = await t.sql`
      select starts_on::text as starts_on, ends_on::text as ends_on, stipend_centimes from placements
      where id = ${fixture.employability.placementId}`;
    expect(lineWith(text, [...dateWords(p?.starts_on), ...dateWords(p?.ends_on)])).toBeDefined();
    expect(lineWith(text, [figure(p?.stipend_centimes), "د.م."])).toBeDefined();
    // the host's town is a code of the towns list, printed in Arabic (it was the French text as typed)
    expect(text.join("\n")).toContain(title("codes.city.agadir"));
    expect(text.join("\n")).not.toMatch(/Agadir|agadir/);
    expectWholeLine(buffer, title("internships.pdf.title"), 20, 700);
  });

  it("award letter", async () => {
    const decidedAt = new Date("2026-11-29T10:00:00Z");
    const buffer = await renderPdf(
      <LetterPdf
        locale="ar"
        applicantName="آية كواسي"
        callTitle="دعوة 2026 التجريبية"
        number={3}
        decidedAt={decidedAt}
        award={{ reference: "MASAR-2026-00003", amountCentimes: 2_500_000 }}
        tranches={[
          { condition: "signature", percent: 50, amountCentimes: 1_250_000 },
          { condition: "business_started", percent: 30, amountCentimes: 750_000 },
          { condition: "six_months", percent: 20, amountCentimes: 500_000 },
        ]}
        comment="مشروع واضح ودراسة سوق جيدة."
      />,
    );
    const text = lines(buffer);
    expect(text[0]).toBe(title("grants.pdf.awardTitle"));
    expect(flat(text)).toContain(tight(title("grants.pdf.conditionsBody")));
    expect(text).toContain("مشروع واضح ودراسة سوق جيدة.");
    expect(text.join("\n")).toContain("MASAR-2026-00003");
    for (const amount of [2_500_000, 1_250_000, 750_000, 500_000])
      expect(lineWith(text, [figure(amount)]), figure(amount)).toBeDefined();
    expect(lineWith(text, dateWords(decidedAt))).toBeDefined();
    expectWholeLine(buffer, title("grants.pdf.awardTitle"), 20, 700);
  });

  it("quarterly report", async () => {
    const buffer = await arabicPdf("admin@masar.test", "/reports/quarterly.pdf?quarter=2026-Q4&lang=ar");
    const text = lines(buffer);
    const heading = ar("reporting.pdf.title", { quarter: ar("reporting.quarterName", { n: "4", year: "2026" }) });
    expect(text.map((l) => l.replace(/\s/g, ""))).toContain(heading.replace(/\s/g, ""));
    expect(text).toContain(title("reporting.pdf.subtitle"));
    expect(lineWith(text, [...dateWords("2026-10-01"), ...dateWords("2026-12-31")])).toBeDefined();
    expect(text.join("\n")).not.toMatch(/Rabat-Salé|Tanger-Tétouan|Casablanca-Settat/);
    // the budget's headings name the currency on a line of their own, never "(دولار)" broken in a narrow cell
    expect(text.join("\n")).not.toMatch(/\(\s*(دولار|درهم)|(دولار|درهم)\s*\)/);
    expect(text).toContain(ar("reporting.column.remaining"));
    // the monthly table names its months in Arabic, never "2026-10"
    for (const month of ["أكتوبر", "نونبر", "دجنبر"]) expect(lineWith(text, [month, "2026"]), month).toBeDefined();
    expect(text.join("\n")).not.toMatch(/2026-1[0-2]/);
    // the monthly chart, from its heading to the next table: its months are written as the
    // table writes them and read back word then year (SVG text came out as "10/26", or as
    // isolated letters in reverse for an Arabic name)
    const from = text.indexOf(ar("reporting.chart.monthly"));
    const to = text.indexOf(ar("reporting.table.progress"));
    expect(from, "the chart's heading").toBeGreaterThan(-1);
    expect(to, "the chart comes before the progress table").toBeGreaterThan(from);
    const chart = text.slice(from, to);
    for (const month of ["2026-10", "2026-11", "2026-12"]) expect(chart).toContain(formatMonth("ar", month));
    expect(chart.join("\n")).not.toMatch(/\d{1,2}\/\d{2}/);
    // the subtitle, second line of page 1
    expectWholeLine(buffer, title("reporting.pdf.subtitle"), 10.5, 400, 1);
  });

  it("case export", async () => {
    const kase = fixture.protection.cases.a2;
    const buffer = await arabicPdf("caseworker@masar.test", `/protection/cases/${kase.id}/export.pdf`);
    const text = lines(buffer);
    expect(text[0]).toBe(title("protection.export.title"));
    expect(text).toContain(title("protection.consent.title"));
    expect(text.join("\n")).toContain(kase.reference);
    expectWholeLine(buffer, title("protection.export.title"), 20, 700);
  });

  it("call report with the decisions", async () => {
    const call = fixture.grants.reviewCall;
    const buffer = await arabicPdf("admin@masar.test", `/grants/calls/${call.id}/report.pdf`);
    const text = lines(buffer);
    const heading = ar("grants.pdf.reportTitle", { call: call.titleAr });
    // a title mixing figures and words: poppler puts the figures back its own way, the words stay in order
    expect(lineWith(text, heading.replace(/[:\d]/g, " ").split(/\s+/).filter(Boolean))).toBe(text[0]);
    expect(text).toContain(title("grants.call.ranking"));
    expect(lineWith(text, [figure(call.budgetCentimes)])).toBeDefined();
    // the summary ends on the dirham's own period: "د.م." and not "د.م.."
    expect(flat(text)).toContain("د.م.");
    expect(flat(text)).not.toMatch(/\.\./);
    expectWholeLine(buffer, ar("grants.pdf.reportTitle", { call: call.titleAr }), 20, 700);
  });
});
