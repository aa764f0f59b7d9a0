/**
 * The report cache (app/modules/reporting/cache.server.ts): after every kind of write
 * that changes the figures, the cached report equals the one computed afresh; with no
 * write in between it is served from memory; concurrent requests share one computation;
 * a transaction's uncommitted writes never reach the cache. The dashboard's figures kept
 * as HTML beside a cached report (dashboard-html.server.tsx) follow the same writes. A
 * donor's family computed again reads afresh only the people of the periods a write
 * changed (decision 0193-report-reach-kept-per-period).
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  beneficiaryCases,
  budgetEntries,
  distributions,
  exchangeRates,
  grantAwards,
  grantTranches,
} from "../../../db/schema";
import {
  cachedBudget,
  cachedDonorFamily,
  cachedReachedThisQuarter,
  cachedReport,
  clearReportCache,
  reportCacheStats,
  reportVersion,
} from "../../../app/modules/reporting/cache.server";
import type { ReportFilter } from "../../../app/modules/reporting/indicator-sql.server";
import { reachedThisQuarter } from "../../../app/modules/reporting/queries.server";
import type { Audience } from "../../../app/modules/reporting/report-tables";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { renderReportBody, reportBodyHtml } from "../../../app/modules/reporting/dashboard-html.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { donorFamily, donorReport } from "../../../app/modules/reporting/donor.server";
import { donorPeriodOf } from "../../../app/modules/reporting/rules";
import type { FamilyRaw } from "../../../app/modules/reporting/donor-family";
import { addRate, ensureBudget, setTargets, updateBudget } from "../../../app/modules/reporting/service.server";
import { getBudget } from "../../../app/modules/reporting/budget-queries.server";
import { INDICATOR_CODES } from "../../../app/modules/reporting/frameworks";
import { moroccoToday } from "../../../app/lib/morocco-time";
import { makeOrganisation, makeUser } from "../../factories";
import { makeApplication, makeCall } from "../../factories/grants";
import { findOrMakeItem, makeAssessment, makeCase, makeRound, makeService } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const YEAR: ReportFilter = { from: "2026-01-01", to: "2026-12-31", organisationId: null };
const Q1: ReportFilter = { from: "2026-01-01", to: "2026-03-31", organisationId: null };
let orgId = "";
let workerId = "";
let caseIds: string[] = [];

beforeAll(async () => {
  const org = await makeOrganisation(t.db);
  orgId = org.id;
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  workerId = worker.id;
  const base = { createdById: worker.id, organisationId: org.id, estimatedAge: null };
  const a = await makeCase(t.db, {
    ...base,
    sex: "female",
    dateOfBirth: "1990-05-01",
    nationality: "ML",
    city: "rabat",
  });
  const b = await makeCase(t.db, {
    ...base,
    sex: "male",
    dateOfBirth: "2001-01-01",
    nationality: "GN",
    city: "oujda",
  });
  caseIds = [a.id, b.id];
  // both are reached this year, so their assessments show in the admin's breakdown
  for (const caseId of caseIds) {
    await makeService(t.db, {
      caseId,
      kind: "legal",
      serviceDate: "2026-01-15",
      status: "open",
      details: { legalType: "documents" },
      recordedById: worker.id,
    });
  }
  await t.db.insert(exchangeRates).values({ effectiveOn: "2026-01-01", madPerUsdE4: 100_000 });
});

beforeEach(() => clearReportCache(t.db));

/** The report computed afresh, without the cache: a donor's from their year's family read anew. */
async function computed(audience: Audience, filter: ReportFilter) {
  if (audience !== "donor") return buildReport(t.db, { audience, filter, sources: wiredSources() });
  const period = donorPeriodOf(filter)!;
  const family = await donorFamily(t.db, wiredSources(), period.year, moroccoToday());
  return donorReport(t.db, { period, framework: "snia", sources: wiredSources(), family });
}

/** The cached and the freshly computed report, for one audience. */
async function both(audience: Audience, filter = YEAR) {
  const cached = await cachedReport(t.db, { audience, filter });
  const fresh = await computed(audience, filter);
  return { cached, fresh };
}

/** A family's figures before hiding (the test's few people are all hidden from donors), rows in a fixed order. */
async function familyFigures(family: Promise<{ raw: FamilyRaw }>) {
  const { raw } = await family;
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    figures: [...raw.figures]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, f]) => ({ key, ...f, reach: sorted(f.reach), frameworks: sorted(f.frameworks) })),
    months: [...raw.months].sort(([a], [b]) => a.localeCompare(b)).map(([m, counts]) => [m, [...counts].sort()]),
  };
}

const QUERY = "period=2026&framework=snia";

/**
 * Warm the cache and the dashboard's HTML kept with it (French and Arabic), make the write,
 * then the cached report must equal a fresh one and differ from before, and so must its HTML
 * equal the fresh report's rendered afresh.
 */
async function expectFollows(audience: Audience, write: () => Promise<unknown>) {
  const before = await cachedReport(t.db, { audience, filter: YEAR });
  const htmlBefore = reportBodyHtml(before, "fr", QUERY);
  expect(reportBodyHtml(await cachedReport(t.db, { audience, filter: YEAR }), "fr", QUERY)).toBe(htmlBefore);
  reportBodyHtml(before, "ar", QUERY);
  await write();
  const { cached, fresh } = await both(audience);
  expect(cached).toEqual(fresh);
  expect(cached).not.toEqual(before);
  for (const locale of ["fr", "ar"] as const) {
    expect(reportBodyHtml(cached, locale, QUERY)).toBe(renderReportBody(fresh, locale, QUERY));
  }
  expect(reportBodyHtml(cached, "fr", QUERY)).not.toBe(htmlBefore);
}

describe("the report cache", () => {
  it("serves a second request from memory when nothing changed", async () => {
    const first = await cachedReport(t.db, { audience: "donor", filter: YEAR });
    const computed = reportCacheStats.computed;
    const served = reportCacheStats.served;
    const second = await cachedReport(t.db, { audience: "donor", filter: YEAR });
    expect(second).toBe(first);
    expect(reportCacheStats.computed).toBe(computed);
    expect(reportCacheStats.served).toBe(served + 1);
  });

  it("keeps the dashboard's HTML per report, language and filter, as a fresh rendering gives it", async () => {
    const report = await cachedReport(t.db, { audience: "donor", filter: YEAR });
    const fr = reportBodyHtml(report, "fr", QUERY);
    expect(fr).toBe(renderReportBody(report, "fr", QUERY));
    expect(fr).toContain('data-table="reach-sex"');
    expect(fr).toContain(`/reports/export.csv?table=reach&amp;${QUERY.replace("&", "&amp;")}`);
    const ar = reportBodyHtml(report, "ar", QUERY);
    expect(ar).toBe(renderReportBody(report, "ar", QUERY));
    expect(ar).not.toBe(fr);
    const other = "period=2026&framework=sdg";
    expect(reportBodyHtml(report, "fr", other)).toBe(renderReportBody(report, "fr", other));
    // the same report, language and filter again: the same rendering
    expect(reportBodyHtml(report, "fr", QUERY)).toBe(fr);
  });

  it("keeps audiences, periods and associations apart", async () => {
    const donor = await cachedReport(t.db, { audience: "donor", filter: YEAR });
    const admin = await cachedReport(t.db, { audience: "admin", filter: YEAR });
    const own = await cachedReport(t.db, { audience: "association", filter: { ...YEAR, organisationId: orgId } });
    const quarter = await cachedReport(t.db, { audience: "donor", filter: Q1 });
    expect(new Set([donor, admin, own, quarter]).size).toBe(4);
    expect(quarter.filter).toEqual(Q1);
    expect(own.filter.organisationId).toBe(orgId);
  });

  it("fifty requests at once cost one computation (the donor's report, and its year's family once)", async () => {
    const before = reportCacheStats.computed;
    const reports = await Promise.all(
      Array.from({ length: 50 }, () => cachedReport(t.db, { audience: "donor", filter: YEAR })),
    );
    expect(reportCacheStats.computed).toBe(before + 2);
    expect(new Set(reports).size).toBe(1);
    // the year's other periods read the same family: one computation each, no new family
    await cachedReport(t.db, { audience: "donor", filter: Q1 });
    expect(reportCacheStats.computed).toBe(before + 3);
  });

  it("gives every donor period of the year the figures a fresh computation gives", async () => {
    for (const filter of [YEAR, Q1, { from: "2026-01-01", to: "2026-01-31", organisationId: null }]) {
      const { cached, fresh } = await both("donor", filter);
      expect(cached).toEqual(fresh);
    }
    // and a donor's report of any other period, or of one association, is refused
    await expect(cachedReport(t.db, { audience: "donor", filter: { ...Q1, organisationId: orgId } })).rejects.toThrow();
    await expect(
      cachedReport(t.db, { audience: "donor", filter: { from: "2026-01-02", to: "2026-03-31", organisationId: null } }),
    ).rejects.toThrow();
  });

  it("follows a service recorded (a rollup write)", async () => {
    await expectFollows("admin", () =>
      makeService(t.db, {
        caseId: caseIds[0]!,
        kind: "medical",
        serviceDate: "2026-02-01",
        status: "done",
        details: { reasonCategory: "general", outcome: "treated" },
        costCentimes: 250_00,
        recordedById: workerId,
      }),
    );
  });

  it("reads again only the people and months of the quarter and the year a write changed, with a fresh computation's figures", async () => {
    // quarters of 2026 begun by today (the year's family reads those and the year)
    const begun = ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"].filter((d) => d <= moroccoToday()).length;
    const first = await familyFigures(cachedDonorFamily(t.db, "2026"));
    const { periodsRead, periodsKept, monthsRead, monthsKept } = reportCacheStats;
    // a first medical service for someone reached in January: their rows of the first quarter and of the year change
    await makeService(t.db, {
      caseId: caseIds[1]!,
      kind: "medical",
      serviceDate: "2026-02-20",
      status: "done",
      details: { reasonCategory: "general", outcome: "treated" },
      recordedById: workerId,
    });
    const cached = await familyFigures(cachedDonorFamily(t.db, "2026"));
    expect(cached).toEqual(await familyFigures(donorFamily(t.db, wiredSources(), "2026", moroccoToday())));
    expect(cached).not.toEqual(first);
    expect(reportCacheStats.periodsRead - periodsRead).toBe(2);
    expect(reportCacheStats.periodsKept - periodsKept).toBe(begun - 1);
    // its February is a new month for them: the first quarter's months read again, the three others' kept
    expect(reportCacheStats.monthsRead - monthsRead).toBe(1);
    expect(reportCacheStats.monthsKept - monthsKept).toBe(3);
    // and the donor's report from it, as a fresh computation gives it
    const { cached: report, fresh } = await both("donor");
    expect(report).toEqual(fresh);
  });

  it("follows a person described again, whose rows of every period they were reached in change", async () => {
    const first = await familyFigures(cachedDonorFamily(t.db, "2026"));
    await t.db.update(beneficiaryCases).set({ sex: "male" }).where(eq(beneficiaryCases.id, caseIds[0]!));
    const cached = await familyFigures(cachedDonorFamily(t.db, "2026"));
    expect(cached).toEqual(await familyFigures(donorFamily(t.db, wiredSources(), "2026", moroccoToday())));
    expect(cached).not.toEqual(first);
    const { cached: report, fresh } = await both("donor");
    expect(report).toEqual(fresh);
  });

  it("follows a vulnerability assessment", async () => {
    await expectFollows("admin", () => makeAssessment(t.db, caseIds[1]!, workerId, ["gbv_survivor"]));
  });

  it("follows a distribution", async () => {
    const kit = await findOrMakeItem(t.db, "hygiene_kit", "Kit hygiène cache");
    const round = await makeRound(t.db, {
      organisationId: orgId,
      itemId: kit.id,
      quantity: 1,
      perHousehold: false,
      createdById: workerId,
    });
    await expectFollows("donor", () =>
      t.db.insert(distributions).values({
        roundId: round.id,
        caseId: caseIds[1]!,
        handedOutById: workerId,
        createdAt: new Date("2026-03-10T10:00:00Z"),
      }),
    );
  });

  it("follows an award and a tranche paid", async () => {
    const call = await makeCall(t.db, {
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2026-01-31T00:00:00Z"),
      reviewDeadline: new Date("2026-02-15T00:00:00Z"),
      status: "decided",
    });
    const applicant = await makeUser(t.db, { role: "applicant" });
    const application = await makeApplication(t.db, {
      callId: call.id,
      applicantId: applicant.id,
      submittedAt: new Date("2026-01-20T10:00:00Z"),
      status: "awarded",
    });
    let awardId = "";
    await expectFollows("admin", async () => {
      const [award] = await t.db
        .insert(grantAwards)
        .values({
          reference: `AW-${application.id.slice(0, 6)}`,
          callId: call.id,
          applicationId: application.id,
          amountCentimes: 20_000_00,
          approvedAt: new Date("2026-02-01T10:00:00Z"),
        })
        .returning();
      awardId = award!.id;
    });
    await t.db.insert(grantTranches).values({
      awardId,
      position: 1,
      percent: 100,
      amountCentimes: 20_000_00,
      condition: "signature",
    });
    await expectFollows("admin", () =>
      t.db
        .update(grantTranches)
        .set({
          conditionConfirmedAt: new Date("2026-02-05T10:00:00Z"),
          paidAt: new Date("2026-02-05T10:00:00Z"),
          method: "bank_transfer",
        })
        .where(eq(grantTranches.awardId, awardId)),
    );
  });

  it("follows a budget entry", async () => {
    await expectFollows("admin", () =>
      t.db.insert(budgetEntries).values({
        lineKey: "health",
        kind: "spending",
        occurredOn: "2026-04-02",
        amountMadCentimes: 1_000_00,
        reference: "Pharmacie",
        createdById: workerId,
      }),
    );
  });

  it("follows a target changed, for the admin and the donor", async () => {
    // the programme is the year 2026: its targets are measured against the year's figures
    await ensureBudget(t.db);
    const admin = await makeUser(t.db, { role: "admin" });
    const rows = (target: number) =>
      INDICATOR_CODES.map((indicator) => ({ indicator, baseline: 0, target: indicator === "R1.1" ? null : target }));
    await expectFollows("admin", () => setTargets(t.db, admin, { period: "programme", rows: rows(40) }, {}));
    await expectFollows("donor", () => setTargets(t.db, admin, { period: "programme", rows: rows(60) }, {}));
    const { cached } = await both("admin");
    const progress = cached.tables.find((x) => x.id === "progress");
    expect(progress?.rows.filter((r) => r[5] === 60)).toHaveLength(INDICATOR_CODES.length - 1);
  });

  it("bumps the version once per committed transaction, and not for a rolled-back one", async () => {
    const before = BigInt(await reportVersion(t.db));
    await t.db.transaction(async (tx) => {
      for (const day of ["2026-05-01", "2026-05-02", "2026-05-03"]) {
        await makeService(tx, {
          caseId: caseIds[0]!,
          kind: "legal",
          serviceDate: day,
          status: "open",
          details: { legalType: "documents" },
          recordedById: workerId,
        });
      }
    });
    expect(BigInt(await reportVersion(t.db))).toBe(before + 1n);
    await t.db
      .transaction(async (tx) => {
        await makeService(tx, {
          caseId: caseIds[0]!,
          kind: "legal",
          serviceDate: "2026-05-04",
          status: "open",
          details: { legalType: "documents" },
          recordedById: workerId,
        });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(BigInt(await reportVersion(t.db))).toBe(before + 1n);
  });

  it("never caches what a transaction sees before it commits", async () => {
    const committed = await cachedReport(t.db, { audience: "donor", filter: YEAR });
    await t.db
      .transaction(async (tx) => {
        await makeService(tx, {
          caseId: caseIds[1]!,
          kind: "shelter",
          serviceDate: "2026-06-01",
          status: "done",
          details: { place: "Foyer", checkIn: "2026-06-01", checkOut: "2026-06-02", nights: 1 },
          recordedById: workerId,
        });
        const inside = await cachedReport(tx, { audience: "donor", filter: YEAR });
        expect(inside).not.toEqual(committed);
        throw new Error("roll back");
      })
      .catch((e: Error) => {
        if (e.message !== "roll back") throw e;
      });
    expect(await cachedReport(t.db, { audience: "donor", filter: YEAR })).toEqual(committed);
  });

  it("caches the dashboard's budget and follows the programme's period, its lines and a new rate", async () => {
    await ensureBudget(t.db);
    const admin = await makeUser(t.db, { role: "admin" });
    const first = await cachedBudget(t.db);
    expect(await cachedBudget(t.db)).toBe(first);
    expect(first).toEqual(await getBudget(t.db));
    const writes: (() => Promise<unknown>)[] = [
      async () => {
        const current = await getBudget(t.db);
        return updateBudget(
          t.db,
          admin,
          {
            totalUsdCents: current.totalUsdCents + 1,
            startsOn: "2025-07-01",
            endsOn: "2027-06-30",
            lines: current.planned.map((p) => ({ line: p.line, plannedUsdCents: p.plannedUsdCents + 1 })),
          },
          {},
        );
      },
      () => addRate(t.db, admin, { effectiveOn: "2026-06-01", rate: 99_000 }, {}),
    ];
    for (const write of writes) {
      const before = await cachedBudget(t.db);
      const result = await write();
      expect(result).not.toMatchObject({ ok: false });
      const after = await cachedBudget(t.db);
      expect(after).toEqual(await getBudget(t.db));
      expect(after).not.toEqual(before);
    }
  });

  it("caches the home panel's figure and follows writes", async () => {
    const filter: ReportFilter = { ...Q1, organisationId: orgId };
    const before = await cachedReachedThisQuarter(t.db, filter);
    const person = await makeCase(t.db, {
      createdById: workerId,
      organisationId: orgId,
      estimatedAge: null,
      sex: "female",
      dateOfBirth: "1999-09-09",
      nationality: "SN",
      city: "tanger",
    });
    await makeService(t.db, {
      caseId: person.id,
      kind: "legal",
      serviceDate: "2026-03-03",
      status: "open",
      details: { legalType: "documents" },
      recordedById: workerId,
    });
    const after = await cachedReachedThisQuarter(t.db, filter);
    expect(after).toBe(await reachedThisQuarter(t.db, wiredSources(), filter));
    expect(after).toBe(before + 1);
  });
});
