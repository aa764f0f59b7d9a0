/**
 * The dashboard, the CSV and the PDF over HTTP, as each audience: the donor sees
 * aggregates only (no canary from any personal or free-text field), an association
 * is held to its own figures, the admin edits the budget.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { parseCsv } from "../../../app/lib/csv";
import { isHxlTag } from "../../../app/modules/reporting/csv";
import { makeOrganisation } from "../../factories";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { beneficiaryCases, grantApplications, guidanceSessions, placements, profiles, users } from "../../../db/schema";
import { eq, sql } from "drizzle-orm";
import { sealIdentity } from "../../../app/modules/protection/identity.server";

const t = useTestDb();
const app = useTestApp(t);
const CANARY_REF = "CANARY-REFERENCE-7731";
const CANARY_NAME = "Canaryname Zeta-4417";
const TABLES = [
  "reach",
  "reach-sex",
  "reach-age-band",
  "reach-nationality",
  "reach-migrant",
  "reach-region",
  "outputs",
  "frameworks",
  "monthly",
  "budget",
];

let donor: TestClient;
let admin: TestClient;
let caseworker: TestClient;

beforeAll(async () => {
  const fixture = await seedDemo(t.db);
  await t.db
    .update(users)
    .set({ displayName: CANARY_NAME })
    .where(eq(users.id, fixture.foundation.accounts.applicant.id));
  // canaries in every personal or free-text field the indicators read from
  await t.db.update(beneficiaryCases).set({
    ...sealIdentity({
      firstName: CANARY_NAME,
      lastName: CANARY_NAME,
      nameArabic: null,
      phone: "+212699999999",
      documentNumber: null,
      householdNotes: CANARY_REF,
    }),
    // a case's nationality and town are codes of their lists: no free text to carry a canary
  });
  // a profile's town is a code of the towns list (decision 0157-profile-town-from-list): no free text to carry a canary
  await t.db.update(profiles).set({ givenName: CANARY_NAME, skills: CANARY_REF });
  // a profile's region is a code of the region list (a check since migration 0055): no canary there
  await t.db.update(grantApplications).set({ decisionComment: CANARY_REF, screeningReason: CANARY_REF });
  await t.db.update(guidanceSessions).set({ goals: CANARY_REF, obstacles: CANARY_REF });
  await t.db.update(placements).set({ tutorName: CANARY_NAME, endedReason: CANARY_REF });
  const [counted] = (await t.db.execute(sql`select count(*)::int as n from beneficiary_cases`)) as unknown as {
    n: number;
  }[];
  expect(counted?.n).toBeGreaterThan(0);
  donor = await app.signedIn("donor@masar.test");
  admin = await app.signedIn("admin@masar.test");
  caseworker = await app.signedIn("caseworker@masar.test");
  const added = await admin.post("/admin/budget", {
    intent: "entry",
    lineKey: "staff_operations",
    kind: "spending",
    amount: "1000",
    occurredOn: "2026-02-10",
    reference: CANARY_REF,
  });
  expect(added.status).toBe(302);
});

describe("reports over HTTP", () => {
  it("shows the donor the results with SVG charts, data tables and the budget", async () => {
    const response = await donor.get("/reports?quarter=2026-Q1");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<svg");
    expect(html).toContain('data-table="reach-sex"');
    expect(html).toContain('data-table="budget"');
    expect(html).not.toContain('data-table="reach-vulnerability"');
    expect(html).toContain("Résultats du programme");
    // the monthly chart names its months as the table does ("janvier 2026"), not "26-01"
    const texts = [...html.matchAll(/<text[^>]*class="chart-text"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain("janvier 2026");
    expect(texts.filter((x) => /^\d\d-\d\d$/.test(x ?? ""))).toEqual([]);
  });

  it("sends the figures once: in the page, and in the data of a navigation in the browser", async () => {
    const html = await (await donor.get("/reports?quarter=2026-Q1")).text();
    const figures = /<div id="report-figures">([\s\S]*)<\/div><\/div><\/main>/.exec(html)?.[1] ?? "";
    expect(figures).toContain('data-table="reach-sex"');
    // the page runs no script (app/lib/hydration.ts): it carries no data for a browser,
    // so its figures are in it once
    expect(html).not.toContain("streamController");
    expect(html.split('data-table="reach-sex"')).toHaveLength(2);
    // a navigation in the browser (single fetch's data request) gets the same figures in its data
    const navigation = await (await donor.get("/reports.data?quarter=2026-Q1")).text();
    expect(navigation).toContain(JSON.stringify(figures).slice(1, -1));
  });

  it("mirrors the page and the charts in Arabic", async () => {
    const client = await app.signedIn("donor@masar.test");
    await client.post("/lang", { lng: "ar", redirectTo: "/reports" });
    const html = await (await client.get("/reports?quarter=2026-Q1")).text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("نتائج البرنامج");
    // bars and labels start from the right edge: a label is right-to-left text anchored at its
    // start, which is its right end (SVG anchors are logical)
    expect(html).toMatch(/<text[^>]*text-anchor="start"[^>]*direction="rtl"[^>]*>الصحة البدنية والنفسية<\/text>/);
    expect(html).toMatch(/<text[^>]*class="chart-text"[^>]*>يناير 2026<\/text>/);
  });

  it("exports every table as CSV with a valid HXL row, parsed back", async () => {
    for (const table of TABLES) {
      const response = await donor.get(`/reports/export.csv?table=${table}&quarter=2026-Q1`);
      expect(response.status, table).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      const rows = parseCsv(await response.text());
      expect(rows.length, table).toBeGreaterThanOrEqual(2);
      const hxl = rows[1] ?? [];
      expect(hxl.length).toBe(rows[0]?.length);
      for (const tag of hxl) expect(isHxlTag(tag), `${table}: ${tag}`).toBe(true);
      expect(hxl.slice(0, 2)).toEqual(["#date +start", "#date +end"]);
    }
    const budget = parseCsv(await (await donor.get("/reports/export.csv?table=budget&quarter=2026-Q1")).text());
    const staff = budget.find((r) => r[2] === "Personnel et fonctionnement");
    // planned 15,000 USD; spent in Q1: three months of salaries (54,000 MAD) plus 1,000 MAD
    expect(staff?.[3]).toBe("15000.00");
    expect(staff?.[7]).toBe("55000.00");
    // at 9.95 MAD for a dollar
    // each amount at the rate of its day, rounded to the cent: 3 x 1,809.05 + 100.50
    expect(staff?.[8]).toBe("5527.65");
    const total = budget.at(-1);
    expect(total?.[3]).toBe("151500.00");
    const missing = await donor.get("/reports/export.csv?table=nothing&quarter=2026-Q1");
    expect(missing.status).toBe(404);
  });

  it("writes the quarterly report as a PDF in French and Arabic", async () => {
    const fr = await donor.get("/reports/quarterly.pdf?quarter=2026-Q1&lang=fr");
    expect(fr.status).toBe(200);
    expect(fr.headers.get("content-type")).toBe("application/pdf");
    const text = readPdfText(new Uint8Array(await fr.arrayBuffer()));
    expect(text).toContain("Rapport trimestriel : T1 2026");
    expect(text).toContain("Budget par ligne");
    expect(text).toMatch(/151[.\s\u202f]?500,00/);
    // amounts fit their columns: no currency broken over two lines ("35.000,00 $-" / "US")
    expect(text).not.toMatch(/\$-|MA-/);
    const ar = await donor.get("/reports/quarterly.pdf?quarter=2026-Q1&lang=ar");
    const arText = readPdfText(new Uint8Array(await ar.arrayBuffer()));
    // "الأعمال" (business, of the entrepreneurship result) survives pdftotext's loose Arabic mapping
    expect(arText).toContain("الأعمال");
    expect(arText).toContain("Masar");
    const en = readPdfText(
      new Uint8Array(await (await donor.get("/reports/quarterly.pdf?quarter=2026-Q1&lang=en")).arrayBuffer()),
    );
    expect(en).toContain("Quarterly report: Quarter 1 of 2026");
  });

  it("never shows the donor a name or a free-text field, on any page or export", async () => {
    const bodies: string[] = [];
    for (const path of [
      "/reports?quarter=2026-Q1",
      "/reports",
      "/home",
      ...TABLES.map((x) => `/reports/export.csv?table=${x}&quarter=2026-Q1`),
    ]) {
      bodies.push(await (await donor.get(path)).text());
    }
    const pdf = await donor.get("/reports/quarterly.pdf?quarter=2026-Q1");
    bodies.push(readPdfText(new Uint8Array(await pdf.arrayBuffer())));
    for (const body of bodies) {
      for (const canary of [CANARY_REF, CANARY_NAME, "CANARY", "+212699999999"]) expect(body).not.toContain(canary);
    }
    // the admin does see the reference on the budget page: the canary is really there
    expect(await (await admin.get("/admin/budget")).text()).toContain(CANARY_REF);
  });

  it("holds an association to its own figures and keeps the budget from it", async () => {
    const other = await makeOrganisation(t.db);
    const response = await caseworker.get(`/reports?quarter=2026-Q1&organisationId=${other.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain('data-table="budget"');
    expect(html).not.toContain(`value="${other.id}"`);
    expect(html).toContain("Chiffres de votre association uniquement.");
    expect((await caseworker.get("/reports/export.csv?table=budget&quarter=2026-Q1")).status).toBe(404);
  });

  it("refuses bad budget input with a translated error and changes nothing", async () => {
    const bad = await admin.post("/admin/budget", { intent: "rate", effectiveOn: "2026-13-01", rate: "=1+1" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Saisissez un taux positif");
    expect(html).toContain("Saisissez une date valide");
    const fields = {
      intent: "budget",
      total: "151500",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      line_health: "100000",
      line_humanitarian_aid: "51500,01",
      line_employability: "0",
      line_entrepreneurship_grants: "0",
      line_staff_operations: "0",
    };
    const over = await admin.post("/admin/budget", fields);
    expect(over.status).toBe(400);
    expect(await over.text()).toContain("La somme des lignes dépasse le budget total.");
    const csv = parseCsv(await (await admin.get("/reports/export.csv?table=budget&quarter=2026-Q1")).text());
    expect(csv.find((r) => r[2] === "Santé")?.[3]).toBe("35000.00");
    const ok = await admin.post("/admin/budget", { ...fields, line_humanitarian_aid: "51500" });
    expect(ok.status).toBe(302);
    const after = parseCsv(await (await admin.get("/reports/export.csv?table=budget&quarter=2026-Q1")).text());
    expect(after.find((r) => r[2] === "Santé")?.[3]).toBe("100000.00");
    const dup = await admin.post("/admin/budget", { intent: "rate", effectiveOn: "2026-01-01", rate: "10" });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("Un taux existe déjà à cette date.");
  });
});
