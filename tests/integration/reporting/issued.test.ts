/**
 * Narratives and issued versions of the quarterly report: the admin writes a narrative
 * per result, issues the report after a confirmation step, and the issued PDF is the
 * stored bytes: byte-equal after new data, while the live report moves; a new version
 * gets the next number (also when two are issued at once); donors list and download
 * them; no one can change or remove one.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { issueReport } from "../../../app/modules/reporting/service.server";
import { ensureBudget } from "../../../app/modules/reporting/service.server";
import { auditLog, reportIssues, type User } from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { makeCase, makeService } from "../../factories/protection";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const QUARTER = "2026-Q3";
let admin: TestClient;
let adminUser: User;
let donor: TestClient;
let worker: User;
let orgId = "";

/** Six people reached in July (health), or more: figures a donor sees. */
async function reachPeople(n: number, day: string) {
  for (let i = 0; i < n; i++) {
    const c = await makeCase(t.db, {
      createdById: worker.id,
      organisationId: orgId,
      estimatedAge: null,
      sex: i % 2 ? "male" : "female",
      dateOfBirth: "1992-03-01",
      nationality: "GN",
      city: "oujda",
    });
    await makeService(t.db, {
      caseId: c.id,
      kind: "medical",
      serviceDate: day,
      status: "done",
      details: { reasonCategory: "general", outcome: "treated" },
      recordedById: worker.id,
    });
  }
}

const NARRATIVE = {
  quarter: QUARTER,
  locale: "fr",
  achievements_health: "Consultations ouvertes à Oujda NARRATIF-SANTE",
  challenges_humanitarian: "Ruptures de stock de kits",
  nextSteps_employability: "Deux sessions de stage prévues",
  achievements_entrepreneurship: "Trois plans d'affaires déposés",
};

const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

beforeAll(async () => {
  await ensureBudget(t.db);
  const org = await makeOrganisation(t.db);
  orgId = org.id;
  worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  await reachPeople(6, "2026-07-10");
  const made = await app.asNewUser({ role: "admin", displayName: "Salma Admin" });
  admin = made.client;
  adminUser = made.user;
  donor = (await app.asNewUser({ role: "donor_viewer" })).client;
});

describe("issuing the quarterly report", () => {
  it("refuses to issue before every result has a narrative, and changes nothing", async () => {
    const response = await admin.post("/admin/quarterly-report", {
      intent: "issue",
      confirm: "issue",
      quarter: QUARTER,
      locale: "fr",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Écrivez le récit de chaque résultat");
    expect(await t.db.select().from(reportIssues)).toHaveLength(0);
  });

  it("asks for a confirmation first", async () => {
    const response = await admin.post("/admin/quarterly-report", { intent: "issue", quarter: QUARTER, locale: "fr" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/admin/quarterly-report?confirm=issue&quarter=${QUARTER}&locale=fr`);
    const step = await admin.get(response.headers.get("location")!);
    // the quarter by its name, not its code
    const [year, n] = QUARTER.split("-Q");
    expect(await step.text()).toContain(`Émettre la version <bdi>1</bdi> du rapport <bdi>T${n} ${year}</bdi> en`);
    const ar = await app.signedIn(adminUser.email!, { "Accept-Language": "ar" });
    const inArabic = await (await ar.get(response.headers.get("location")!)).text();
    expect(inArabic).toContain(`تقرير <bdi>الربع ${n} من سنة ${year}</bdi>`);
    expect(await t.db.select().from(reportIssues)).toHaveLength(0);
  });

  it("saves the narrative, audited, and refuses one too long", async () => {
    expect((await admin.post("/admin/quarterly-report", { intent: "narrative", ...NARRATIVE })).status).toBe(302);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "report_narrative.save"));
    expect(audits.map((a) => a.entityId)).toEqual([`${QUARTER}:fr`]);
    const long = await admin.post("/admin/quarterly-report", {
      intent: "narrative",
      ...NARRATIVE,
      achievements_health: "x".repeat(4001),
    });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("4 000 caractères au plus.");
    const page = await (await admin.get(`/admin/quarterly-report?quarter=${QUARTER}&locale=fr`)).text();
    expect(page).toContain("NARRATIF-SANTE");
  });

  it("stores the issued PDF, which never changes when data changes later", async () => {
    const issued = await admin.post("/admin/quarterly-report", {
      intent: "issue",
      confirm: "issue",
      quarter: QUARTER,
      locale: "fr",
    });
    expect(issued.status).toBe(302);
    expect(issued.headers.get("location")).toBe(`/admin/quarterly-report?quarter=${QUARTER}&locale=fr&issued=1`);
    const [row] = await t.db.select().from(reportIssues);
    expect(row?.version).toBe(1);

    const list = await (await donor.get("/reports/issued")).text();
    expect(list).toContain(`/reports/issued/${row!.id}.pdf`);
    expect(list).toContain("Salma Admin");
    const first = await donor.get(`/reports/issued/${row!.id}.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/pdf");
    const before = await bytes(first);
    expect(Buffer.from(before).equals(row!.pdf)).toBe(true);
    const text = readPdfText(before);
    expect(text).toContain("NARRATIF-SANTE");
    expect(text).toContain("Version 1, émise le");
    expect(text).toContain("Salma Admin");
    expect(text).toContain("Avancement vers les cibles");

    // new data: the live figures move (the admin's exact ones; a CSV carries no timestamp), the issued report does not
    const live = async () => (await admin.get(`/reports/export.csv?table=reach&period=${QUARTER}`)).text();
    const liveBefore = await live();
    await reachPeople(6, "2026-07-20");
    expect(await live()).not.toEqual(liveBefore);
    const again = await bytes(await donor.get(`/reports/issued/${row!.id}.pdf`));
    expect(Buffer.from(again).equals(Buffer.from(before))).toBe(true);
  });

  it("issues a new version with the next number, and lists both with who issued them", async () => {
    expect(
      (
        await admin.post("/admin/quarterly-report", {
          intent: "issue",
          confirm: "issue",
          quarter: QUARTER,
          locale: "fr",
        })
      ).status,
    ).toBe(302);
    const rows = await t.db.select().from(reportIssues).orderBy(reportIssues.version);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(Buffer.from(rows[0]!.pdf).equals(Buffer.from(rows[1]!.pdf))).toBe(false);
    expect(readPdfText(new Uint8Array(rows[1]!.pdf))).toContain("Version 2, émise le");
    const list = await (await donor.get("/reports/issued")).text();
    for (const r of rows) expect(list).toContain(`/reports/issued/${r.id}.pdf`);
  });

  it("numbers versions issued at the same time one after another", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        issueReport(t.db, adminUser, { quarter: QUARTER, locale: "en" }, async (v) => Buffer.from(`v${v}`), {}),
      ),
    );
    expect(results.map((r) => (r.ok ? r.version : 0)).sort()).toEqual([1, 2, 3, 4]);
    const stored = await t.db
      .select()
      .from(reportIssues)
      .where(and(eq(reportIssues.quarter, QUARTER), eq(reportIssues.locale, "en")));
    for (const r of stored) expect(r.pdf.toString()).toBe(`v${r.version}`);
  });

  it("lets no one change or remove an issued version", async () => {
    await expect(t.db.execute(sql`update report_issues set pdf = 'x'::bytea`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from report_issues`)).rejects.toThrow();
    expect(await t.db.select().from(reportIssues)).toHaveLength(6);
  });

  it("keeps issued versions from case workers", async () => {
    const [row] = await t.db.select().from(reportIssues).limit(1);
    const own = (await app.asNewUser({ role: "case_worker", organisationId: orgId })).client;
    expect((await own.get("/reports/issued")).status).toBe(403);
    expect((await own.get(`/reports/issued/${row!.id}.pdf`)).status).toBe(403);
    expect((await own.post("/admin/quarterly-report", { intent: "narrative", ...NARRATIVE })).status).toBe(403);
  });
});
