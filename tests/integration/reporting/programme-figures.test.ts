/**
 * Group sessions, households and funded businesses on the donor's dashboard and in the
 * quarterly report (issue 16): the admin sees exact figures; the donor sees them as
 * cells of the year's family, hidden by the same rules as every other figure (under 5,
 * a part too close to its whole, a line with one hidden cell), and the people reached
 * from every source add up without counting a registered person twice (decision 0111).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { businessFollowUps, groupActivities, type User } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { cachedReport } from "../../../app/modules/reporting/cache.server";
import { periodsOfYear, SUPPRESSED } from "../../../app/modules/reporting/rules";
import type { Report } from "../../../app/modules/reporting/report-tables";
import { makeOrganisation, makeUser } from "../../factories";
import { makeFundedBusiness } from "../../factories/grants";
import { makeCase, makeService } from "../../factories/protection";
import { arabicSkeleton, readPdfText } from "../../helpers/pdf";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const today = moroccoToday();
const YEAR = periodsOfYear(today.slice(0, 4))[0]!;
const QUARTER = periodsOfYear(today.slice(0, 4)).find((p) => p.kind === "quarter" && p.from <= today && today <= p.to)!;
const yearFilter = { from: YEAR.from, to: YEAR.to, organisationId: null };
let admin: User;
let donor: TestClient;

/** A business visited today at a milestone. */
async function visited(months: 3 | 6 | 12, running: boolean, jobs: number, jobsWomen: number) {
  const person = await makeUser(t.db, {});
  const award = await makeFundedBusiness(t.db, person.id, months * 31 + 5);
  await t.db.insert(businessFollowUps).values({
    awardId: award.id,
    monthsAfter: months,
    visitedOn: today,
    stillRunning: running,
    revenueBand: running ? "2000_5000" : null,
    jobsCreated: jobs,
    jobsWomen,
    recordedById: admin.id,
  });
}

const rowsOf = (report: Report, id: string) => {
  const table = report.tables.find((x) => x.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table.rows.map((r) => r.slice(1));
};

beforeAll(async () => {
  admin = await makeUser(t.db, { role: "admin" });
  donor = (await app.asNewUser({ role: "donor_viewer" })).client;
  // at 6 months: 12 businesses visited, 7 still running (2 jobs each, one held by a woman)
  for (let i = 0; i < 12; i++) await visited(6, i < 7, i < 7 ? 2 : 0, i < 7 ? 1 : 0);
  // at 12 months: 2 businesses, both running: a figure about fewer than 5
  for (let i = 0; i < 2; i++) await visited(12, true, 3, 0);

  // group sessions of one association: 3 awareness sessions of 10 people, none linked
  const org = await makeOrganisation(t.db, {});
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  for (let i = 0; i < 3; i++)
    await t.db.insert(groupActivities).values({
      organisationId: org.id,
      kind: "awareness",
      topic: "health",
      heldOn: addDays(today, -1),
      city: "rabat",
      facilitator: "Salma Idrissi",
      female18to24: 6,
      male25to59: 4,
      recordedById: worker.id,
    });
  // eight registered people reached by health care this year
  for (let i = 0; i < 8; i++) {
    const c = await makeCase(t.db, { organisationId: org.id, createdById: worker.id });
    await makeService(t.db, {
      caseId: c.id,
      kind: "medical",
      serviceDate: addDays(today, -2),
      status: "done",
      details: { reasonCategory: "general", outcome: "treated" },
      recordedById: worker.id,
    });
  }
});

describe("funded businesses after launch in the reports", () => {
  it("give the admin exact figures per milestone: visited, still running, jobs and for whom", async () => {
    const report = await cachedReport(t.db, { audience: "admin", filter: yearFilter });
    // rows: 3, 6, 12 months; columns: visited, running, jobs, women, migrants
    expect(rowsOf(report, "business-outcomes")).toEqual([
      [0, 0, 0, 0, 0],
      [12, 7, 14, 7, 0],
      [2, 2, 6, 0, 0],
    ]);
  });

  it("give the donor the same figures where enough businesses stand behind them, else x", async () => {
    const report = await cachedReport(t.db, { audience: "donor", filter: yearFilter });
    const [three, six, twelve] = rowsOf(report, "business-outcomes");
    // no job for a migrant in the year, shown, would tell the quarters' (hidden: no visit there) were 0 too
    // (decision 0167-hidden-amounts-never-add-to-zero)
    expect(six).toEqual([12, 7, 14, 7, SUPPRESSED]);
    // two businesses: how many, how many run and their jobs would describe them
    expect(twelve).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    expect(three?.[0]).toBe(SUPPRESSED);
  });

  it("hide those still running when too close to those visited (fewer than 5 closed would show)", async () => {
    // at 3 months: 8 visited, 6 still running: 2 closed
    for (let i = 0; i < 8; i++) await visited(3, i < 6, 0, 0);
    const exact = rowsOf(await cachedReport(t.db, { audience: "admin", filter: yearFilter }), "business-outcomes");
    expect(exact[0]?.slice(0, 2)).toEqual([8, 6]);
    const shown = rowsOf(await cachedReport(t.db, { audience: "donor", filter: yearFilter }), "business-outcomes");
    expect(shown[0]?.slice(0, 2)).toEqual([8, SUPPRESSED]);
  });

  it("are in the donor's CSV and in the quarterly PDF, in French and in Arabic", async () => {
    const csv = await donor.get(`/reports/export.csv?table=business-outcomes&period=${YEAR.key}`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Entreprises visitées");
    expect(text).toMatch(/À 12 mois,x,x,x,x,x/);
    for (const [lang, title] of [
      ["fr", "Entreprises financées après lancement"],
      ["ar", "المقاولات الممولة بعد انطلاقها"],
    ] as const) {
      const pdf = await donor.get(`/reports/quarterly.pdf?period=${QUARTER.key}&lang=${lang}`);
      expect(pdf.status).toBe(200);
      const buffer = Buffer.from(await pdf.arrayBuffer());
      const pdfText = readPdfText(buffer);
      expect(arabicSkeleton(pdfText)).toContain(arabicSkeleton(title));
    }
  });
});

describe("group sessions and households in the donor's reports", () => {
  it("add up people reached from every source for the admin, each source once", async () => {
    const report = await cachedReport(t.db, { audience: "admin", filter: yearFilter });
    // registered (8 cared for, 22 funded), reached only by a session, headcounts without a
    // file, household members, total
    expect(rowsOf(report, "people-reached").map((r) => r[0])).toEqual([30, 0, 30, 0, 60]);
  });

  it("show the donor the same lines, small ones hidden, the total whole", async () => {
    const report = await cachedReport(t.db, { audience: "donor", filter: yearFilter });
    const people = rowsOf(report, "people-reached").map((r) => r[0]);
    // the registered and the total are shown; the zeros are hidden, and with them the
    // headcount (a line's margin cannot be shown with a single hidden cell)
    expect(people[0]).toBe(30);
    expect(people[1]).toBe(SUPPRESSED);
    expect(people[3]).toBe(SUPPRESSED);
    expect(people[4]).toBe(60);
    const hidden = [people[1], people[2], people[3]].filter((v) => v === SUPPRESSED);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // sessions per kind: 3 awareness sessions of 30 people, none linked; the other kinds'
    // zeros are hidden, and so is the awareness headcount (it would give them by
    // difference with the total), and the awareness sessions (3 of 3 would tell the other
    // kinds had none: decision 0167-hidden-amounts-never-add-to-zero); the total of 30 stays
    const [awareness, , , total] = rowsOf(report, "group-activities");
    expect(awareness).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    expect(total?.slice(0, 2)).toEqual([3, 30]);
  });

  it("are in the donor's CSV and in the quarterly PDF", async () => {
    const csv = await donor.get(`/reports/export.csv?table=people-reached&period=${YEAR.key}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Membres des ménages ayant reçu une aide,x");
    const pdf = await donor.get(`/reports/quarterly.pdf?period=${QUARTER.key}&lang=fr`);
    const pdfText = readPdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(pdfText).toContain("Personnes atteintes, par source");
    expect(pdfText).toContain("Activités de groupe");
  });
});
