/**
 * The output indicators of each result (group-session participations, consultations,
 * nights, items, vouchers issued and redeemed, legal assistance, voluntary returns,
 * certificates, internships, people in work at 6 months, grants, businesses still
 * running at 3, 6 and 12 months, jobs) against their targets: each value read from records made here, exact
 * for the admin with its percentage and status, summed from the programme's start for a
 * programme target; for the donor, the published cells (a sum of lines shown only when
 * every line is, a hidden value hiding its percentage and status); an issued report
 * stays byte-equal after new data. Decision: docs/decisions/0143-output-indicator-targets.md.
 */
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cachedReport, clearReportCache } from "../../../app/modules/reporting/cache.server";
import { INDICATORS } from "../../../app/modules/reporting/frameworks";
import type { Cell, Report, ReportTable } from "../../../app/modules/reporting/report-tables";
import { SUPPRESSED } from "../../../app/modules/reporting/rules";
import { ensureBudget, setTargets } from "../../../app/modules/reporting/service.server";
import {
  businessFollowUps,
  distributions,
  grantAwards,
  groupActivities,
  placementOutcomes,
  placements,
  reportIssues,
  reportTargets,
  trainingCertificates,
  trainingCohorts,
  trainingOutcomes,
  trainingRegistrations,
  trainings,
  vouchers,
  type User,
} from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { makeFundedBusiness } from "../../factories/grants";
import { findOrMakeItem, makeCase, makeRound, makeService } from "../../factories/protection";
import { arabicSkeleton, readPdfText } from "../../helpers/pdf";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };
const Q2 = { from: "2026-04-01", to: "2026-06-30", organisationId: null };
let admin: TestClient;
let adminUser: User;
let workerId = "";
let orgId = "";
const caseIds: string[] = [];

/** What was recorded in the first quarter, per indicator (the figures the report must give). */
const Q1_VALUES: Record<string, number> = {
  "OG.2": 23, // two sessions' headcounts, 10 + 13 (the same person at both counts twice)
  "R1.2": 7, // seven consultations (one person seen twice)
  "R1.3": 3, // three referrals, whatever their status
  "R1.4": 2, // two psychosocial sessions
  "R2.2": 7, // 3 + 4 nights
  "R2.3": 8, // 3 hygiene kits × 2, and 2 blankets
  "R2.4": 3, // three vouchers issued, one since redeemed
  "R2.5": 1, // the one redeemed
  "R2.6": 2, // two legal assistance files, whatever their type and status
  "R2.7": 2, // of four return files, two departed (one has arrived); a request and a withdrawal are not returns
  "R3.2": 3, // two vocational certificates and a language one (an orientation one and a revoked one do not count)
  "R3.3": 2, // two internships completed (an ongoing one does not count)
  "R3.4": 2, // in work at the 6-month check: each person once, at her first check
  "R4.2": 3, // three grants awarded
  "R4.3": 2, // of three businesses visited at 6 months, two still running
  "R4.4": 1, // one still running at 12 months
  "R4.5": 5, // jobs at the 6-month visits (2 + 3; the 12-month visit's are not added again)
  "R4.6": 1, // one business visited at 3 months, still running
};

async function service(
  caseId: string,
  kind: "medical" | "hospital_referral" | "mental_health" | "shelter" | "legal" | "avrr",
  day: string,
  status: string,
  details: Record<string, string | number>,
) {
  await makeService(t.db, { caseId, kind, serviceDate: day, status, details, recordedById: workerId });
}

const consultation = (caseId: string, day: string) =>
  service(caseId, "medical", day, "done", { reasonCategory: "general", outcome: "treated" });

async function certify(
  category: "soft_skills" | "language_culture" | "entrepreneurship_orientation",
  userId: string,
  revoked = false,
) {
  const [training] = await t.db
    .insert(trainings)
    .values({ category, titleFr: category, titleAr: category, titleEn: category, deliveryLanguages: ["fr"] })
    .returning();
  const [cohort] = await t.db
    .insert(trainingCohorts)
    .values({ trainingId: training!.id, nameFr: "C1", capacity: 20, startsOn: "2026-01-05", endsOn: "2026-02-05" })
    .returning();
  const [registration] = await t.db
    .insert(trainingRegistrations)
    .values({ cohortId: cohort!.id, userId, status: "confirmed" })
    .returning();
  await t.db.insert(trainingCertificates).values({
    registrationId: registration!.id,
    userId,
    cohortId: cohort!.id,
    code: `CERT-OUT-${category}-${userId.slice(0, 8)}`,
    issuedAt: new Date("2026-02-06T10:00:00Z"),
    revokedAt: revoked ? new Date("2026-02-07T10:00:00Z") : null,
    revokedReason: revoked ? "revoked_by_admin" : null,
  });
}

beforeAll(async () => {
  await ensureBudget(t.db);
  const org = await makeOrganisation(t.db);
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  workerId = worker.id;
  orgId = org.id;
  for (let i = 0; i < 7; i++) {
    const c = await makeCase(t.db, {
      createdById: worker.id,
      organisationId: org.id,
      estimatedAge: null,
      sex: i % 2 ? "male" : "female",
      dateOfBirth: "1991-04-01",
      nationality: "GN",
      city: "oujda",
    });
    caseIds.push(c.id);
  }
  const [c0, c1, c2, c3, c4, c5, c6] = caseIds as [string, string, string, string, string, string, string];
  // health: six people consulted, one of them twice; three referrals; two psychosocial sessions
  for (const id of [c0, c1, c2, c3, c4, c5]) await consultation(id, "2026-02-01");
  await consultation(c0, "2026-03-02");
  await service(c0, "hospital_referral", "2026-02-03", "requested", {
    facility: "CHU",
    specialty: "cardio",
    urgency: "routine",
  });
  await service(c1, "hospital_referral", "2026-02-03", "attended", {
    facility: "CHU",
    specialty: "cardio",
    urgency: "urgent",
  });
  await service(c2, "hospital_referral", "2026-02-04", "attended", {
    facility: "CHU",
    specialty: "cardio",
    urgency: "urgent",
  });
  await service(c3, "mental_health", "2026-02-05", "done", { sessionType: "individual" });
  await service(c3, "mental_health", "2026-02-12", "done", { sessionType: "individual" });
  // humanitarian: 7 nights of shelter, 8 items handed out, 3 vouchers
  await service(c4, "shelter", "2026-02-01", "done", {
    place: "Foyer",
    checkIn: "2026-02-01",
    checkOut: "2026-02-04",
    nights: 3,
  });
  await service(c5, "shelter", "2026-02-10", "done", {
    place: "Foyer",
    checkIn: "2026-02-10",
    checkOut: "2026-02-14",
    nights: 4,
  });
  const at = new Date("2026-02-15T10:00:00Z");
  const hygiene = await findOrMakeItem(t.db, "hygiene_kit", "Kit hygiène cibles");
  const hygieneRound = await makeRound(t.db, {
    organisationId: org.id,
    itemId: hygiene.id,
    quantity: 2,
    createdById: worker.id,
  });
  await t.db
    .insert(distributions)
    .values(
      [c0, c1, c2].map((caseId) => ({ roundId: hygieneRound.id, caseId, handedOutById: worker.id, createdAt: at })),
    );
  const blanket = await findOrMakeItem(t.db, "blanket", "Couverture cibles");
  const blanketRound = await makeRound(t.db, {
    organisationId: org.id,
    itemId: blanket.id,
    quantity: 2,
    createdById: worker.id,
  });
  await t.db
    .insert(distributions)
    .values({ roundId: blanketRound.id, caseId: c6, handedOutById: worker.id, createdAt: at });
  for (const [i, caseId] of [c4, c5, c6].entries())
    await t.db.insert(vouchers).values({
      caseId,
      organisationId: org.id,
      code: `TESTOUTPUTVOUCHER00${i}`,
      valueCentimes: 500_00,
      issuedById: worker.id,
      issuedAt: new Date("2026-02-10T10:00:00Z"),
      expiresOn: "2026-05-10",
      ...(i === 0 ? { redeemedAt: new Date("2026-02-12T10:00:00Z"), redeemedById: worker.id } : {}),
    });

  // legal assistance (two files) and voluntary returns (two departed of four files)
  await service(c0, "legal", "2026-02-20", "open", { legalType: "documents" });
  await service(c1, "legal", "2026-03-01", "closed", { legalType: "regularisation" });
  for (const [caseId, stage] of [
    [c2, "request"],
    [c3, "departure"],
    [c4, "arrival"],
    [c5, "withdrawn"],
  ] as const)
    await service(caseId, "avrr", "2026-02-22", stage, { countryOfReturn: "GN" });
  // group sessions: an awareness session of 10 and a group psychosocial one of 13
  for (const [kind, women, men] of [
    ["awareness", 6, 4],
    ["psychosocial", 7, 6],
  ] as const)
    await t.db.insert(groupActivities).values({
      organisationId: org.id,
      kind,
      topic: "health",
      heldOn: "2026-02-18",
      city: "oujda",
      facilitator: "Salma Idrissi",
      female18to24: women,
      male25to59: men,
      recordedById: worker.id,
    });

  // employability: certificates, internships, checks at 6 months
  const coach = await makeUser(t.db, { role: "coach" });
  const host = await makeOrganisation(t.db, { kind: "host_company" });
  const people = [];
  for (let i = 0; i < 4; i++) people.push(await makeUser(t.db, { role: "applicant" }));
  const [p1, p2, p3, p4] = people.map((p) => p.id) as [string, string, string, string];
  await certify("soft_skills", p1);
  await certify("soft_skills", p2);
  await certify("language_culture", p1);
  await certify("soft_skills", p3, true);
  await certify("entrepreneurship_orientation", p4);
  const placement = (beneficiaryId: string, status: "completed" | "ongoing") =>
    t.db
      .insert(placements)
      .values({
        beneficiaryId,
        hostId: host.id,
        coachId: coach.id,
        tutorName: "Tuteur",
        startsOn: "2026-01-10",
        endsOn: "2026-03-10",
        status,
      })
      .returning();
  const [internship] = await placement(p1, "completed");
  await placement(p2, "completed");
  await placement(p3, "ongoing");
  await t.db.insert(trainingOutcomes).values([
    {
      userId: p1,
      monthsAfter: 6,
      employmentStatus: "hired_elsewhere",
      recordedOn: "2026-03-01",
      recordedById: coach.id,
    },
    { userId: p2, monthsAfter: 6, employmentStatus: "self_employed", recordedOn: "2026-03-02", recordedById: coach.id },
    { userId: p3, monthsAfter: 6, employmentStatus: "seeking", recordedOn: "2026-03-03", recordedById: coach.id },
  ]);
  // p1 checked again after her internship: still one person in work
  await t.db.insert(placementOutcomes).values({
    placementId: internship!.id,
    checkpoint: "month_6",
    employmentStatus: "hired_by_host",
    recordedOn: "2026-03-20",
  });

  // entrepreneurship: three grants awarded in February, visited at 6 months (two running), one at 12 months
  const awards = [];
  for (let i = 0; i < 3; i++) awards.push(await makeFundedBusiness(t.db, (await makeUser(t.db, {})).id, 200));
  await t.db
    .update(grantAwards)
    .set({ approvedAt: new Date("2026-02-20T10:00:00Z") })
    .where(
      inArray(
        grantAwards.id,
        awards.map((a) => a.id),
      ),
    );
  const visit = (awardId: string, monthsAfter: number, stillRunning: boolean, jobsCreated: number) =>
    t.db.insert(businessFollowUps).values({
      awardId,
      monthsAfter,
      visitedOn: "2026-03-15",
      stillRunning,
      revenueBand: stillRunning ? "2000_5000" : null,
      jobsCreated,
      recordedById: coach.id,
    });
  await visit(awards[0]!.id, 6, true, 2);
  await visit(awards[1]!.id, 6, true, 3);
  await visit(awards[2]!.id, 6, false, 0);
  await visit(awards[0]!.id, 12, true, 4);
  await visit(awards[1]!.id, 3, true, 1);

  const made = await app.asNewUser({ role: "admin", displayName: "Nadia Admin" });
  admin = made.client;
  adminUser = made.user;
});

const codeOf = (row: Cell[]) => (row[0] && typeof row[0] === "object" && "text" in row[0] ? row[0].text : "");
const progressOf = (report: Report) => {
  const table = report.tables.find((x) => x.id === "progress");
  if (!table) throw new Error("no progress table");
  return table;
};
const rowOf = (table: ReportTable, code: string, period: "periodShown" | "programmeToDate") =>
  table.rows.find((r) => codeOf(r) === code && JSON.stringify(r[2]).includes(period));
const outputs = INDICATORS.filter((i) => i.measure.kind !== "reach");

/** Every indicator's target for a period, as the admin would save them. */
const allTargets = (period: string, target: (code: string) => number | null) => ({
  period: period as "programme",
  rows: INDICATORS.map((i) => ({ indicator: i.code, baseline: 0, target: target(i.code) })),
});

describe("the output indicators' values", () => {
  it("gives the admin each output indicator of the quarter, read from the records", async () => {
    clearReportCache(t.db);
    const table = progressOf(await cachedReport(t.db, { audience: "admin", filter: Q1 }));
    expect(outputs.map((i) => i.code)).toEqual(Object.keys(Q1_VALUES));
    for (const indicator of outputs)
      expect(rowOf(table, indicator.code, "periodShown")?.[4], indicator.code).toBe(Q1_VALUES[indicator.code]);
    // grouped by result: each result's people reached, then its outputs
    expect(table.rows.map(codeOf)).toEqual(INDICATORS.map((i) => i.code));
  });

  it("heads each result's indicators on the dashboard and in the quarterly PDF, in French and in Arabic", async () => {
    for (const [lang, objective, result2] of [
      ["fr", "Objectif général", "Résultat 2 : Aide humanitaire"],
      ["ar", "الهدف العام", "النتيجة 2: المساعدة الإنسانية"],
    ] as const) {
      const reader = await app.signedIn(adminUser.email!, { "Accept-Language": lang });
      const page = await (await reader.get(`/reports?from=${Q1.from}&to=${Q1.to}`)).text();
      const table = page.slice(
        page.indexOf('data-table="progress"'),
        page.indexOf("</table>", page.indexOf('data-table="progress"')),
      );
      const headings = [...table.matchAll(/<th scope="rowgroup" colSpan="8">([^<]*)<\/th>/g)].map((m) =>
        m[1]!.replace(/\s/g, " "),
      );
      expect(headings, lang).toHaveLength(5);
      expect(headings[0]).toBe(objective);
      expect(headings[2]).toBe(result2);
      // the heading stands right above its result's people reached
      const heading = table.indexOf(headings[2]!.slice(-8));
      expect(heading).toBeLessThan(table.indexOf(">R2.1<"));
      expect(table.indexOf(">R1.4<")).toBeLessThan(heading);
      const pdf = await admin.get(`/reports/quarterly.pdf?quarter=2026-Q1&lang=${lang}`);
      expect(pdf.status).toBe(200);
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      const text = arabicSkeleton(readPdfText(bytes));
      // the headings in the PDF (its digits and colon may come out of order in Arabic text)
      expect(text, lang).toContain(arabicSkeleton(objective));
      expect(text, lang).toContain(arabicSkeleton(result2.split(/[:：] ?/).pop()!));
    }
  });

  it("measures them against the quarter's targets: percentage rounded down, status", async () => {
    await setTargets(
      t.db,
      adminUser,
      allTargets("2026-Q1", (code) => (code === "R1.2" ? 10 : code === "R2.2" ? 7 : null)),
      {},
    );
    const table = progressOf(await cachedReport(t.db, { audience: "admin", filter: Q1 }));
    // the quarter is over: 7 of 10 is behind, 7 of 7 reached
    expect(rowOf(table, "R1.2", "periodShown")?.slice(3)).toEqual([
      0,
      7,
      10,
      70,
      { key: "reporting.progress.status.behind" },
    ]);
    expect(rowOf(table, "R2.2", "periodShown")?.slice(3)).toEqual([
      0,
      7,
      7,
      100,
      { key: "reporting.progress.status.reached" },
    ]);
    expect(rowOf(table, "R4.5", "periodShown")?.slice(3)).toEqual([null, 5, null, null, null]);
  });

  it("sums counts from the programme's start to the end of the period shown for a programme target", async () => {
    // a consultation, a night of shelter and a 6-month check in the second quarter
    await consultation(caseIds[1]!, "2026-05-05");
    await service(caseIds[6]!, "shelter", "2026-05-06", "done", {
      place: "Foyer",
      checkIn: "2026-05-06",
      checkOut: "2026-05-07",
      nights: 1,
    });
    // and an information session of 5 people
    await t.db.insert(groupActivities).values({
      organisationId: orgId,
      kind: "information",
      topic: "health",
      heldOn: "2026-05-08",
      city: "oujda",
      facilitator: "Salma Idrissi",
      female18to24: 5,
      recordedById: workerId,
    });
    await setTargets(
      t.db,
      adminUser,
      allTargets("programme", (code) => (code === "R1.2" ? 16 : code === "R2.2" ? 40 : code === "OG.2" ? 100 : null)),
      {},
    );
    clearReportCache(t.db);
    const table = progressOf(await cachedReport(t.db, { audience: "admin", filter: Q2 }));
    expect(rowOf(table, "R1.2", "periodShown")?.[4]).toBe(1);
    // 8 of 16 at the end of June, with 181 of 365 days gone by: on track
    expect(rowOf(table, "R1.2", "programmeToDate")?.slice(3)).toEqual([
      0,
      8,
      16,
      50,
      { key: "reporting.progress.status.on_track" },
    ]);
    expect(rowOf(table, "R2.2", "programmeToDate")?.slice(3)).toEqual([
      0,
      8,
      40,
      20,
      { key: "reporting.progress.status.behind" },
    ]);
    // the group sessions' headcounts since the programme began: 23 + 5
    expect(rowOf(table, "OG.2", "periodShown")?.[4]).toBe(5);
    expect(rowOf(table, "OG.2", "programmeToDate")?.slice(4, 7)).toEqual([28, 100, 28]);
    // no programme target: no programme-to-date row
    expect(rowOf(table, "R4.5", "programmeToDate")).toBeUndefined();
  });
});

describe("the saved targets of output indicators", () => {
  it("are refused with the counts' own message when not a whole number, and nothing changes", async () => {
    const before = await t.db.select().from(reportTargets);
    const response = await admin.post("/admin/targets", { period: "2026-Q1", "target_R2.3": "-1" });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Saisissez un nombre entier, 0 ou plus.");
    expect(page).not.toContain("Saisissez un nombre entier de personnes");
    expect(await t.db.select().from(reportTargets)).toEqual(before);
  });

  it("are saved from the page, grouped by result, and held by the database's list of codes", async () => {
    const page = await (await admin.get("/admin/targets?period=2026-Q2")).text();
    for (const i of INDICATORS) expect(page).toContain(`name="target_${i.code}"`);
    expect(page).toContain("Résultat 3\u00a0: Employabilité");
    expect(page.indexOf("target_R2.4")).toBeLessThan(page.indexOf("Résultat 3\u00a0: Employabilité"));
    const saved = await admin.post("/admin/targets", { period: "2026-Q2", "baseline_R4.4": "0", "target_R4.4": "6" });
    expect(saved.status).toBe(302);
    const rows = await t.db.select().from(reportTargets).where(eq(reportTargets.period, "2026-Q2"));
    expect(rows.map((r) => [r.indicator, r.target])).toEqual([["R4.4", 6]]);
    const code = async (indicator: string) => {
      try {
        await t.db.insert(reportTargets).values({ indicator, period: "2027-Q1", target: 5 });
        return "inserted";
      } catch (error) {
        return (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      }
    };
    expect(await code("R4.5")).toBe("inserted");
    expect(await code("R4.6")).toBe("inserted");
    expect(await code("R4.7")).toBe("23514");
  });
});

describe("for the donor", () => {
  it("shows each output indicator as the published cells give it: hidden with its percentage and status", async () => {
    const report = await cachedReport(t.db, { audience: "donor", filter: Q1 });
    const table = progressOf(report);
    const outputsTable = report.tables.find((x) => x.id === "outputs")!;
    // the outputs table's cells of one activity's lines, as the donor sees them
    const cellsOf = (activity: string, column: 3 | 4, details?: string[]) =>
      outputsTable.rows
        .filter((r) => JSON.stringify(r[0]) === JSON.stringify({ key: `reporting.activity.${activity}` }))
        .filter((r) => !details || details.some((d) => JSON.stringify(r[1]) === JSON.stringify({ detail: d })))
        .map((r) => r[column]);
    let hidden = 0;
    for (const indicator of outputs) {
      const row = rowOf(table, indicator.code, "periodShown")!;
      const value = row[4];
      if (value === SUPPRESSED) {
        hidden++;
        expect(row[6], indicator.code).toBe(row[5] === null ? null : SUPPRESSED);
        expect(row[7], indicator.code).toBeNull();
      } else {
        // never a figure the admin would not see
        expect(value, indicator.code).toBe(Q1_VALUES[indicator.code]);
      }
      if (indicator.measure.kind !== "output") continue;
      const m = indicator.measure;
      const cells = m.activities.flatMap((a) =>
        cellsOf(a, m.measure === "events" ? 3 : 4, "details" in m ? [...m.details] : undefined),
      );
      // a sum of lines: shown exactly when every line is
      if (cells.some((c) => c === SUPPRESSED)) expect(value, indicator.code).toBe(SUPPRESSED);
      else expect(value, indicator.code).toBe(cells.reduce<number>((s, c) => s + Number(c), 0));
    }
    // seven consultations on one line of the outputs: published, so measured as the admin's
    expect(rowOf(table, "R1.2", "periodShown")?.slice(3)).toEqual([
      0,
      7,
      10,
      70,
      { key: "reporting.progress.status.behind" },
    ]);
    // figures about fewer than five are hidden: the 12-month visit, at least
    expect(rowOf(table, "R4.4", "periodShown")?.[4]).toBe(SUPPRESSED);
    expect(hidden).toBeGreaterThan(0);
  });

  it("hides the programme to date when its span is no donor period, and gives a month its people reached only", async () => {
    const q2 = progressOf(await cachedReport(t.db, { audience: "donor", filter: Q2 }));
    for (const code of ["R1.2", "R2.2"])
      expect(rowOf(q2, code, "programmeToDate")?.slice(4, 8)).toEqual([
        SUPPRESSED,
        code === "R1.2" ? 16 : 40,
        SUPPRESSED,
        null,
      ]);
    const month = progressOf(
      await cachedReport(t.db, {
        audience: "donor",
        filter: { from: "2026-02-01", to: "2026-02-28", organisationId: null },
      }),
    );
    expect([...new Set(month.rows.map(codeOf))]).toEqual(["OG.1", "R1.1", "R2.1", "R3.1", "R4.1"]);
  });
});

describe("an issued report", () => {
  it("keeps its output indicators' figures when data changes later", async () => {
    const narrative = {
      quarter: "2026-Q1",
      locale: "fr",
      achievements_health: "Consultations à Oujda",
      challenges_humanitarian: "Stocks de couvertures",
      nextSteps_employability: "Stages",
      achievements_entrepreneurship: "Subventions",
    };
    expect((await admin.post("/admin/quarterly-report", { intent: "narrative", ...narrative })).status).toBe(302);
    const issued = await admin.post("/admin/quarterly-report", {
      intent: "issue",
      confirm: "issue",
      quarter: "2026-Q1",
      locale: "fr",
    });
    expect(issued.status).toBe(302);
    const [row] = await t.db.select().from(reportIssues).where(eq(reportIssues.quarter, "2026-Q1"));
    const download = async () => Buffer.from(await (await admin.get(`/reports/issued/${row!.id}.pdf`)).arrayBuffer());
    const before = await download();
    const text = readPdfText(new Uint8Array(before));
    expect(text).toContain("R1.2");
    expect(text).toContain("Consultations médicales réalisées");

    const live = async () =>
      rowOf(progressOf(await cachedReport(t.db, { audience: "admin", filter: Q1 })), "R1.2", "periodShown")?.[4];
    expect(await live()).toBe(7);
    await consultation(caseIds[2]!, "2026-03-10");
    expect(await live()).toBe(8);
    expect((await download()).equals(before)).toBe(true);
  });
});
