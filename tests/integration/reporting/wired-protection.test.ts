/**
 * The indicators wired to the protection and aid tables (issue 6), on a fixture of
 * six cases with known counts: people, disaggregations from their nationality and town
 * codes, outputs, and the money the records spend.
 */
import { donorFamily, donorReport } from "../../../app/modules/reporting/donor.server";
import { donorPeriod } from "../../../app/modules/reporting/rules";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { distributions, vouchers } from "../../../db/schema";
import { foldKey, foldSql } from "../../../app/modules/reporting/mappings";
import { reachByResult } from "../../helpers/reporting-reference";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { makeOrganisation, makeUser } from "../../factories";
import { findOrMakeItem, makeAssessment, makeCase, makeRound, makeService } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };
let orgA = "";
let applicantId = "";

beforeAll(async () => {
  const a = await makeOrganisation(t.db);
  const b = await makeOrganisation(t.db);
  orgA = a.id;
  const cwA = await makeUser(t.db, { role: "case_worker", organisationId: a.id });
  const cwB = await makeUser(t.db, { role: "case_worker", organisationId: b.id });
  const applicant = await makeUser(t.db, { role: "applicant" });
  applicantId = applicant.id;
  const base = { createdById: cwA.id, organisationId: a.id, estimatedAge: null };
  const c1 = await makeCase(t.db, {
    ...base,
    sex: "female",
    dateOfBirth: "1990-05-01",
    nationality: "GN",
    city: "rabat",
  });
  const c2 = await makeCase(t.db, {
    ...base,
    organisationId: b.id,
    createdById: cwB.id,
    sex: "male",
    dateOfBirth: "2010-01-01",
    nationality: "ML",
    city: "oujda",
    householdSize: 3,
  });
  const c3 = await makeCase(t.db, {
    ...base,
    sex: "female",
    dateOfBirth: "1996-01-01",
    nationality: "MA",
    city: "casablanca",
    applicantUserId: applicant.id,
  });
  const c4 = await makeCase(t.db, {
    ...base,
    organisationId: b.id,
    createdById: cwB.id,
    sex: "other",
    nationality: "SN",
    city: "other",
  });
  const c5 = await makeCase(t.db, {
    ...base,
    organisationId: b.id,
    createdById: cwB.id,
    sex: "female",
    dateOfBirth: "1985-03-03",
    nationality: "SD",
    city: "fes",
  });
  const c6 = await makeCase(t.db, {
    ...base,
    organisationId: b.id,
    createdById: cwB.id,
    sex: "male",
    dateOfBirth: "1980-03-03",
    nationality: "CI",
    city: "tanger",
  });
  const service = (
    caseId: string,
    by: string,
    kind: "medical" | "hospital_referral" | "mental_health" | "shelter" | "legal" | "avrr",
    status: string,
    details: Record<string, string | number | null>,
    cost = 0,
  ) =>
    makeService(t.db, {
      caseId,
      kind,
      serviceDate: "2026-02-01",
      status,
      details,
      costCentimes: cost,
      recordedById: by,
    });
  await service(c1.id, cwA.id, "medical", "done", { reasonCategory: "general", outcome: "treated" }, 300_00);
  await service(c2.id, cwB.id, "medical", "done", { reasonCategory: "child", outcome: "treated" });
  await service(c3.id, cwA.id, "medical", "done", { reasonCategory: "general", outcome: "treated" });
  await service(c5.id, cwB.id, "medical", "cancelled", { reasonCategory: "general", outcome: "treated" });
  await service(c1.id, cwA.id, "hospital_referral", "requested", {
    facility: "CHU",
    specialty: "cardio",
    urgency: "routine",
  });
  await service(
    c2.id,
    cwB.id,
    "hospital_referral",
    "attended",
    { facility: "CHU", specialty: "pédiatrie", urgency: "urgent" },
    1_000_00,
  );
  await service(
    c5.id,
    cwB.id,
    "shelter",
    "done",
    { place: "Foyer", checkIn: "2026-02-01", checkOut: "2026-02-04", nights: 3 },
    450_00,
  );
  await service(c6.id, cwB.id, "legal", "open", { legalType: "documents" });
  await service(c6.id, cwB.id, "avrr", "departure", { countryOfReturn: "Côte d'Ivoire" });
  await makeAssessment(t.db, c2.id, cwB.id, ["unaccompanied_child", "irregular_situation"]);
  await makeAssessment(t.db, c5.id, cwB.id, ["gbv_survivor"]);
  await makeAssessment(t.db, c5.id, cwB.id, ["gbv_survivor", "serious_medical"]); // the latest counts
  await makeAssessment(t.db, c3.id, cwA.id, ["pregnant_lactating"]);
  const kit = await findOrMakeItem(t.db, "hygiene_kit", "Kit hygiène test");
  const round = await makeRound(t.db, {
    organisationId: b.id,
    itemId: kit.id,
    quantity: 2,
    perHousehold: true,
    createdById: cwB.id,
  });
  const at = new Date("2026-02-15T10:00:00Z");
  await t.db.insert(distributions).values([
    { roundId: round.id, caseId: c2.id, handedOutById: cwB.id, createdAt: at },
    { roundId: round.id, caseId: c4.id, handedOutById: cwB.id, createdAt: at },
  ]);
  await t.db.insert(vouchers).values([
    {
      caseId: c5.id,
      organisationId: b.id,
      code: "TESTVOUCHER000000001",
      valueCentimes: 500_00,
      issuedById: cwB.id,
      issuedAt: new Date("2026-02-10T10:00:00Z"),
      expiresOn: "2026-05-10",
      redeemedAt: new Date("2026-02-12T10:00:00Z"),
      redeemedById: cwB.id,
    },
    {
      caseId: c6.id,
      organisationId: b.id,
      code: "TESTVOUCHER000000002",
      valueCentimes: 300_00,
      issuedById: cwB.id,
      issuedAt: new Date("2026-02-10T10:00:00Z"),
      expiresOn: "2026-05-10",
    },
  ]);
});

describe("indicators over protection and aid records", () => {
  it("folds free text the same way in SQL and in TypeScript", async () => {
    for (const text of ["Côte d'Ivoire", "GUINÉE", "Fès", "السودان", " Salé-Rabat ", "Nulle-part 12"]) {
      const [row] = (await t.db.execute(
        sql`select ${sql.raw(foldSql("x"))} as f from (select ${text}::text as x) s`,
      )) as unknown as { f: string }[];
      expect(row?.f, text).toBe(foldKey(text));
    }
  });

  it("counts people per result, once across results, with a case linked to an account under the account", async () => {
    const rows = await reachByResult(t.db, wiredSources(), Q1);
    const total = (k: string) => rows.find((r) => r.key === k && r.dimension === null)?.persons;
    expect(total("health")).toBe(3);
    expect(total("humanitarian")).toBe(4);
    expect(total("all")).toBe(6);
    const n = (d: string, c: string) =>
      rows.find((r) => r.key === "all" && r.dimension === d && r.category === c)?.persons ?? 0;
    expect([n("sex", "f"), n("sex", "m"), n("sex", "other")]).toEqual([3, 2, 1]);
    expect([
      n("nationality", "GN"),
      n("nationality", "ML"),
      n("nationality", "MA"),
      n("nationality", "SD"),
      n("nationality", "CI"),
      n("nationality", "SN"),
    ]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([
      n("region", "MA-04"),
      n("region", "MA-02"),
      n("region", "MA-06"),
      n("region", "MA-03"),
      n("region", "MA-01"),
      n("region", "unknown"),
    ]).toEqual([1, 1, 1, 1, 1, 1]);
    // every nationality but Morocco's counts as a migrant
    expect([n("migrant", "migrant"), n("migrant", "national"), n("migrant", "unknown")]).toEqual([5, 1, 0]);
    expect(n("age_band", "12-17")).toBe(1);
    expect(n("age_band", "unknown")).toBe(1);
    const [linked] = (await t.db.execute(
      sql`select count(*)::int as n from report_events e where e.activity = 'medical_consultation' and e.person_key = ${applicantId}`,
    )) as unknown as { n: number }[];
    expect(linked?.n).toBe(1);
  });

  it("holds an association to the services its own staff delivered", async () => {
    const rows = await reachByResult(t.db, wiredSources(), { ...Q1, organisationId: orgA });
    expect(rows.find((r) => r.key === "health" && r.dimension === null)?.persons).toBe(2);
  });

  it("lists outputs (referrals by status, nights, kits, vouchers) and the money they cost", async () => {
    const report = await buildReport(t.db, { audience: "admin", filter: Q1, sources: wiredSources() });
    const outputs = report.tables.find((x) => x.id === "outputs")?.rows ?? [];
    const row = (activity: string, detail: string | null) =>
      outputs.find(
        (r) =>
          JSON.stringify(r[0]) === JSON.stringify({ key: `reporting.activity.${activity}` }) &&
          JSON.stringify(r[1]) === JSON.stringify(detail ? { detail } : null),
      );
    expect(row("health_referral", "requested")?.slice(2, 4)).toEqual([1, 1]);
    expect(row("health_referral", "attended")?.slice(2, 4)).toEqual([1, 1]);
    expect(row("shelter", null)?.[4]).toBe(3);
    expect(row("aid_kit", "hygiene_kit")?.slice(2, 5)).toEqual([2, 2, 8]);
    expect(row("voucher", "redeemed")?.[5]).toBe(500_00);
    expect(row("voucher", "issued")?.[5]).toBe(300_00);
    expect(row("medical_consultation", "general")?.slice(2, 4)).toEqual([2, 2]);
    expect(row("avrr", "departure")?.[2]).toBe(1);
    const budget = report.tables.find((x) => x.id === "budget")?.rows ?? [];
    const line = (key: string) =>
      budget.find((r) => JSON.stringify(r[0]) === JSON.stringify({ key: `reporting.budgetLine.${key}` }));
    expect(line("health")?.[5]).toBe(1_300_00);
    expect(line("humanitarian_aid")?.[5]).toBe(950_00);
    expect(line("humanitarian_aid")?.[3]).toBe(300_00);
    const vulnerability = report.tables.find((x) => x.id === "reach-vulnerability")?.rows ?? [];
    const v = (category: string, col: number) =>
      vulnerability.find((r) => JSON.stringify(r[0]) === JSON.stringify({ detail: category }))?.[col];
    // columns: health, humanitarian, employability, entrepreneurship, all
    expect(v("unaccompanied_child", 1)).toBe(1);
    expect(v("unaccompanied_child", 2)).toBe(1);
    expect(v("gbv_survivor", 2)).toBe(1);
    expect(v("serious_medical", 5)).toBe(1);
    expect(v("pregnant_lactating", 1)).toBe(1);
    expect(v("pregnant_lactating", 2)).toBe(0);
    const donor = await donorReport(t.db, {
      period: donorPeriod("quarter", "2026-Q1")!,
      framework: "snia",
      sources: wiredSources(),
      family: await donorFamily(t.db, wiredSources(), "2026", "2026-12-31"),
    });
    expect(donor.tables.some((x) => x.id === "reach-vulnerability")).toBe(false);
    const association = await buildReport(t.db, {
      audience: "association",
      filter: { ...Q1, organisationId: orgA },
      sources: wiredSources(),
    });
    expect(association.tables.some((x) => x.id === "reach-vulnerability")).toBe(false);
    for (const a of ["medical_consultation", "health_referral", "shelter", "aid_kit", "voucher", "avrr"])
      expect(report.notWired).not.toContain(a);
  });
});
