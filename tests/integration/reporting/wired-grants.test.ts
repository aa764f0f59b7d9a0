/**
 * Entrepreneurship indicators and grant money wired to the grants tables (issue 4):
 * applications, awards, tranches paid, businesses started, and the budget line they
 * commit and spend, on a fixture with known amounts.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { grantAwards, grantTranches, exchangeRates } from "../../../db/schema";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { makeUser } from "../../factories";
import { makeApplication, makeCall } from "../../factories/grants";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };

beforeAll(async () => {
  const call = await makeCall(t.db, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2026-01-31T00:00:00Z"),
    reviewDeadline: new Date("2026-02-15T00:00:00Z"),
    status: "decided",
  });
  const people = await Promise.all([1, 2, 3].map(() => makeUser(t.db, { role: "applicant" })));
  const at = new Date("2026-01-20T10:00:00Z");
  const apps = [];
  for (const [i, p] of people.entries()) {
    apps.push(
      await makeApplication(t.db, {
        callId: call.id,
        applicantId: p.id,
        submittedAt: at,
        status: i === 2 ? "rejected" : "awarded",
      }),
    );
  }
  await t.db.insert(exchangeRates).values({ effectiveOn: "2026-01-01", madPerUsdE4: 100_000 });
  for (const app of apps.slice(0, 2)) {
    const [award] = await t.db
      .insert(grantAwards)
      .values({
        reference: `AW-${app.id.slice(0, 6)}`,
        callId: call.id,
        applicationId: app.id,
        amountCentimes: 20_000_00,
        approvedAt: new Date("2026-02-01T10:00:00Z"),
      })
      .returning();
    await t.db.insert(grantTranches).values([
      {
        awardId: award!.id,
        position: 1,
        percent: 50,
        amountCentimes: 10_000_00,
        condition: "signature",
        conditionConfirmedAt: new Date("2026-02-05T10:00:00Z"),
        paidAt: new Date("2026-02-05T10:00:00Z"),
        method: "bank_transfer",
      },
      { awardId: award!.id, position: 2, percent: 30, amountCentimes: 6_000_00, condition: "business_started" },
      { awardId: award!.id, position: 3, percent: 20, amountCentimes: 4_000_00, condition: "six_months" },
    ]);
    await t.db.update(grantAwards).set({ paidCentimes: 10_000_00 }).where(eq(grantAwards.id, award!.id));
  }
  // the first one started their business and got the second tranche
  const [first] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, apps[0]!.id));
  await t.db
    .update(grantTranches)
    .set({
      conditionConfirmedAt: new Date("2026-03-01T10:00:00Z"),
      paidAt: new Date("2026-03-02T10:00:00Z"),
      method: "cash",
    })
    .where(eq(grantTranches.awardId, first!.id));
});

describe("entrepreneurship indicators and grant money", () => {
  it("counts applicants, awards, businesses started and amounts disbursed", async () => {
    const report = await buildReport(t.db, { audience: "admin", filter: Q1, sources: wiredSources() });
    expect(report.headline.find((h) => h.key === "entrepreneurship")?.persons).toBe(3);
    const outputs = report.tables.find((x) => x.id === "outputs")?.rows ?? [];
    const rows = (activity: string) =>
      outputs.filter((r) => JSON.stringify(r[0]) === JSON.stringify({ key: `reporting.activity.${activity}` }));
    expect(rows("grant_awarded")[0]?.slice(2)).toEqual([2, 2, 2, 40_000_00]);
    expect(rows("business_started")[0]?.[2]).toBe(1);
    // tranches paid: 2 at signature (10,000 each); the first award's other two (6,000 + 4,000)
    const paid = rows("grant_disbursed").reduce((sum, r) => sum + Number(r[5]), 0);
    expect(paid).toBe(30_000_00);
    expect(rows("grant_application").map((r) => [r[1], r[2]])).toEqual([
      [{ detail: "awarded" }, 2],
      [{ detail: "rejected" }, 1],
    ]);
    const budget = report.tables.find((x) => x.id === "budget")?.rows ?? [];
    const grants = budget.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.budgetLine.entrepreneurship_grants" }),
    );
    // committed: 40,000 awarded minus 30,000 paid; spent: 30,000 (at 10 MAD for a dollar)
    expect(grants?.slice(3, 7)).toEqual([10_000_00, 1_000_00, 30_000_00, 3_000_00]);
  });
});
