/**
 * Targets and baselines: set on the admin page (audited, bad input refused with nothing
 * changed), held by the database (non-negative, one row per indicator and period, also
 * under concurrent saves), and shown against the figures: exact for the admin, hidden
 * with their percentage and status for the donor when the figure is hidden.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../../app/lib/csv";
import { cachedReport, clearReportCache } from "../../../app/modules/reporting/cache.server";
import type { ReportTable } from "../../../app/modules/reporting/report-tables";
import { SUPPRESSED } from "../../../app/modules/reporting/rules";
import { ensureBudget, setTargets } from "../../../app/modules/reporting/service.server";
import { auditLog, reportTargets, type User } from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { makeCase, makeService } from "../../factories/protection";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };
let admin: TestClient;
let adminUser: User;

beforeAll(async () => {
  await ensureBudget(t.db);
  const org = await makeOrganisation(t.db);
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  // three people reached in the first quarter (health): a figure a donor never sees
  for (const sex of ["female", "male", "female"] as const) {
    const c = await makeCase(t.db, {
      createdById: worker.id,
      organisationId: org.id,
      estimatedAge: null,
      sex,
      dateOfBirth: "1990-05-01",
      nationality: "ML",
      city: "rabat",
    });
    await makeService(t.db, {
      caseId: c.id,
      kind: "medical",
      serviceDate: "2026-02-01",
      status: "done",
      details: { reasonCategory: "general", outcome: "treated" },
      recordedById: worker.id,
    });
  }
  const made = await app.asNewUser({ role: "admin" });
  admin = made.client;
  adminUser = made.user;
});

const targetsOf = (period: string) =>
  t.db.select().from(reportTargets).where(eq(reportTargets.period, period)).orderBy(reportTargets.indicator);

const progressRow = (table: ReportTable | undefined, code: string, period: string) =>
  table?.rows.find(
    (r) => JSON.stringify(r[0]) === JSON.stringify({ text: code }) && JSON.stringify(r[2]).includes(period),
  );

describe("the targets page", () => {
  it("saves the baselines and targets of a period, with an audit row, and removes an emptied one", async () => {
    const saved = await admin.post("/admin/targets", {
      period: "2026-Q1",
      "baseline_OG.1": "0",
      "target_OG.1": "10",
      "baseline_R1.1": "1",
      "target_R1.1": "4",
      "target_R3.1": "7",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/admin/targets?period=2026-Q1&saved=1");
    expect((await targetsOf("2026-Q1")).map((r) => [r.indicator, r.baseline, r.target])).toEqual([
      ["OG.1", 0, 10],
      ["R1.1", 1, 4],
      ["R3.1", 0, 7],
    ]);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report_targets.set"), eq(auditLog.entityId, "2026-Q1")));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorId).toBe(adminUser.id);

    const page = await admin.get("/admin/targets?period=2026-Q1");
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/name="target_R1\.1"[^>]*value="4"|value="4"[^>]*name="target_R1\.1"/);

    // R3.1 emptied: its row goes, the others are rewritten
    expect(
      (
        await admin.post("/admin/targets", {
          period: "2026-Q1",
          "target_OG.1": "10",
          "baseline_R1.1": "1",
          "target_R1.1": "4",
        })
      ).status,
    ).toBe(302);
    expect((await targetsOf("2026-Q1")).map((r) => r.indicator)).toEqual(["OG.1", "R1.1"]);
  });

  it("refuses bad input with a translated message and changes nothing", async () => {
    const before = await t.db.select().from(reportTargets);
    for (const [fields, message] of [
      [{ period: "2026-Q1", "target_R1.1": "-3" }, "Saisissez un nombre entier de personnes, 0 ou plus."],
      [{ period: "2026-Q1", "target_R1.1": "2.5" }, "Saisissez un nombre entier de personnes, 0 ou plus."],
      [{ period: "2026-Q1", "baseline_R2.1": "3" }, "Saisissez une cible pour cette valeur de référence"],
      [{ period: "2026-Q9", "target_R1.1": "3" }, "Choisissez tout le programme ou un trimestre."],
    ] as const) {
      const response = await admin.post("/admin/targets", fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect(await t.db.select().from(reportTargets)).toEqual(before);
    expect((await admin.get("/admin/targets?period=2026")).status).toBe(400);
  });
});

describe("the database holds the targets", () => {
  it("refuses a negative figure, an unknown indicator or period, and a second row for an indicator and period", async () => {
    const code = async (row: Record<string, unknown>) => {
      try {
        await t.db.insert(reportTargets).values({ indicator: "R2.1", period: "2026-Q2", target: 5, ...row });
        return "inserted";
      } catch (error) {
        return (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      }
    };
    expect(await code({ target: -1 })).toBe("23514");
    expect(await code({ baseline: -1 })).toBe("23514");
    expect(await code({ indicator: "R9.9" })).toBe("23514");
    expect(await code({ period: "2026" })).toBe("23514");
    expect(await code({})).toBe("inserted");
    expect(await code({ target: 9 })).toBe("23505");
  });

  it("keeps one row per indicator and period when admins save at the same time", async () => {
    const values = Array.from({ length: 12 }, (_, i) => 100 + i);
    const results = await Promise.all(
      values.map((v) =>
        setTargets(
          t.db,
          adminUser,
          {
            period: "2026-Q3",
            rows: [
              { indicator: "OG.1", baseline: 0, target: v },
              { indicator: "R1.1", baseline: 0, target: v },
              { indicator: "R2.1", baseline: 0, target: null },
              { indicator: "R3.1", baseline: 0, target: null },
              { indicator: "R4.1", baseline: 0, target: null },
            ],
          },
          {},
        ).catch((error: unknown) => ({ ok: false as const, error })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await targetsOf("2026-Q3");
    expect(rows.map((r) => r.indicator)).toEqual(["OG.1", "R1.1"]);
    // both rows of one save: the last transaction to commit wrote both
    expect(rows[0]?.target).toBe(rows[1]?.target);
    expect(values).toContain(rows[0]?.target);
  });
});

describe("value against target", () => {
  it("shows the admin the exact figure, the target, the percentage and the status", async () => {
    clearReportCache(t.db);
    const report = await cachedReport(t.db, { audience: "admin", filter: Q1 });
    const progress = report.tables.find((x) => x.id === "progress");
    // 3 people reached of a target of 4, the quarter over: 75 %, behind
    expect(progressRow(progress, "R1.1", "periodShown")?.slice(3)).toEqual([
      1,
      3,
      4,
      75,
      { key: "reporting.progress.status.behind" },
    ]);
    // no target for this quarter: the figure alone
    expect(progressRow(progress, "R2.1", "periodShown")?.slice(3)).toEqual([null, 0, null, null, null]);
  });

  it("hides from the donor the percentage and the status of a hidden figure", async () => {
    const report = await cachedReport(t.db, { audience: "donor", filter: Q1 });
    const progress = report.tables.find((x) => x.id === "progress");
    expect(progressRow(progress, "R1.1", "periodShown")?.slice(3)).toEqual([1, SUPPRESSED, 4, SUPPRESSED, null]);
    expect(progressRow(progress, "OG.1", "periodShown")?.slice(3)).toEqual([0, SUPPRESSED, 10, SUPPRESSED, null]);
  });

  it("gives the donor's CSV the same: no percentage, no status beside an x", async () => {
    const donor = await app.asNewUser({ role: "donor_viewer" });
    const response = await donor.client.get("/reports/export.csv?table=progress&period=2026-Q1");
    expect(response.status).toBe(200);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    // from, to, code, indicator, period, baseline, reached, target, %, status
    const r11 = rows.find((r) => r[2] === "R1.1");
    expect(r11?.slice(5)).toEqual(["1", "x", "4", "x", ""]);
    const hidden = rows.slice(2).filter((row) => row[6] === "x");
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of hidden) expect(row.slice(8)).toEqual([row[7] === "" ? "" : "x", ""]);
  });

  it("measures the programme to date against the programme's target", async () => {
    await setTargets(
      t.db,
      adminUser,
      {
        period: "programme",
        rows: [
          { indicator: "OG.1", baseline: 0, target: null },
          { indicator: "R1.1", baseline: 2, target: 30 },
          { indicator: "R2.1", baseline: 0, target: null },
          { indicator: "R3.1", baseline: 0, target: null },
          { indicator: "R4.1", baseline: 0, target: null },
        ],
      },
      {},
    );
    const report = await cachedReport(t.db, { audience: "admin", filter: Q1 });
    const progress = report.tables.find((x) => x.id === "progress");
    expect(progressRow(progress, "R1.1", "programmeToDate")?.slice(3)).toEqual([
      2,
      3,
      30,
      10,
      { key: "reporting.progress.status.behind" },
    ]);
    // the donor's programme-to-date is the quarter's own cell here (the programme starts on 1 January): hidden
    const donor = await cachedReport(t.db, { audience: "donor", filter: Q1 });
    expect(
      progressRow(
        donor.tables.find((x) => x.id === "progress"),
        "R1.1",
        "programmeToDate",
      )?.slice(3),
    ).toEqual([2, SUPPRESSED, 30, SUPPRESSED, null]);
  });
});
