/**
 * Services on a case (typed forms, status machines, shelter nights, overdue
 * referrals on the home panel), the supervisor's full-record export, and
 * anonymisation that keeps aggregate counts.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  beneficiaryCases,
  caseNotes,
  caseReferrals,
  caseServices,
  distributions,
  vulnerabilityAssessments,
} from "../../../db/schema";
import { anonymiseExpired } from "../../../app/modules/protection/service.server";
import {
  findOrMakeItem,
  makeAssessment,
  makeCase,
  makeNote,
  makeStockedRound,
  makeService,
} from "../../factories/protection";
import { arabicSkeleton, readPdfText } from "../../helpers/pdf";
import { makeOrganisation } from "../../factories";
import { caseOfA, postReferral, useTwoAssociations } from "./setup";
import { openCase } from "../../../app/modules/protection/identity.server";

const { t, app, s } = useTwoAssociations();

async function servicesOf(caseId: string) {
  return t.db.select().from(caseServices).where(eq(caseServices.caseId, caseId));
}

describe("services", () => {
  it("records a hospital referral and moves it along its status machine only", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const created = await s.clients.workerA.post(`/protection/cases/${c.id}/services/new`, {
      kind: "hospital_referral",
      serviceDate: "2026-11-02",
      facility: "CHU Ibn Sina",
      specialty: "Cardiologie",
      urgency: "urgent",
      cost: "150.50",
    });
    expect(created.status).toBe(302);
    const [referral] = await servicesOf(c.id);
    expect(referral!.status).toBe("requested");
    expect(referral!.costCentimes).toBe(15_050);
    const status = (value: string) =>
      s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "status", serviceId: referral!.id, status: value });
    expect((await status("attended")).status).toBe(400); // must have an appointment first
    expect((await status("appointment_set")).status).toBe(302);
    expect((await status("attended")).status).toBe(302);
    expect((await status("closed")).status).toBe(302);
    expect((await status("requested")).status).toBe(400);
    const [closed] = await servicesOf(c.id);
    expect(closed!.status).toBe("closed");
  });

  it("rejects a service form with missing fields, with translated errors", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const response = await s.clients.workerA.post(`/protection/cases/${c.id}/services/new?kind=shelter`, {
      kind: "shelter",
      serviceDate: "2026-11-02",
      checkIn: "2026-11-10",
      checkOut: "2026-11-01",
      place: "Foyer",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Le départ ne peut pas précéder");
    expect(await servicesOf(c.id)).toHaveLength(0);
  });

  it("computes shelter nights", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    await s.clients.workerA.post(`/protection/cases/${c.id}/services/new`, {
      kind: "shelter",
      serviceDate: "2026-11-01",
      place: "Foyer Hay Riad",
      checkIn: "2026-11-01",
      checkOut: "2026-11-08",
    });
    const [shelter] = await servicesOf(c.id);
    expect(shelter!.details.nights).toBe(7);
  });

  it("lets AVRR be withdrawn before departure but not after", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    await s.clients.workerA.post(`/protection/cases/${c.id}/services/new`, {
      kind: "avrr",
      serviceDate: "2026-11-01",
      countryOfReturn: "Guinée",
    });
    const [avrr] = await servicesOf(c.id);
    const status = (value: string) =>
      s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "status", serviceId: avrr!.id, status: value });
    for (const stage of ["counselling", "travel_documents", "fit_to_travel", "departure"])
      expect((await status(stage)).status, stage).toBe(302);
    expect((await status("withdrawn")).status).toBe(400);
    expect((await status("arrival")).status).toBe(302);
  });

  it("shows open cases and overdue referrals on the case worker's home page", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, firstName: "Overduecase" });
    await makeService(t.db, {
      caseId: c.id,
      kind: "hospital_referral",
      serviceDate: "2026-01-05",
      status: "requested",
      recordedById: s.workerA.id,
      details: {},
    });
    const html = await (await s.clients.workerA.get("/home")).text();
    expect(html).toContain('data-testid="caseworker-panel"');
    expect(html).toContain("Overduecase");
    expect(html).toMatch(/Référencements en retard \(\d+\)/);
    expect(html).not.toContain("Référencements en retard (0)");
    const other = await (await s.clients.workerB.get("/home")).text();
    expect(other).not.toContain("Overduecase");
  });
});

describe("full-record export and anonymisation", () => {
  it("exports JSON and PDF for a supervisor only", async () => {
    const c = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Exportee",
      nameArabic: "سلمى",
    });
    await makeNote(t.db, c.id, s.workerA.id, "Note pour l'export");
    await makeAssessment(t.db, c.id, s.workerA.id, ["elderly"]);
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}/export.json`)).status).toBe(403);
    const json = await s.clients.supervisorA.get(`/protection/cases/${c.id}/export.json`);
    expect(json.status).toBe(200);
    const record = (await json.json()) as {
      case: { firstName: string };
      notes: { body: string }[];
      vulnerability: { flags: string[] };
      consents: unknown[];
    };
    expect(record.case.firstName).toBe("Exportee");
    expect(record.notes[0]!.body).toBe("Note pour l'export");
    expect(record.vulnerability.flags).toEqual(["elderly"]);
    expect(record.consents).toHaveLength(1);
    const pdf = await s.clients.supervisorA.get(`/protection/cases/${c.id}/export.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Exportee");
    expect(text).toContain("Note pour l'export");
    expect(text).toContain("سلمى");
  });

  it("lists the partners the consent names and the referrals made: to whom, when, which sections (JSON and PDF, fr and ar)", async () => {
    // one word: a line of the PDF never breaks inside it
    const orgC = await makeOrganisation(t.db, { name: `Tadamon-${Date.now()}` });
    const c = await caseOfA(t.db, s, { firstName: "Referred" }, { partners: [s.orgB.id, orgC.id] });
    expect((await postReferral(s, c.id, { share: ["identity", "notes"] })).status).toBe(302);
    const [referral] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, c.id));
    expect(
      (await s.clients.workerB.post("/protection/referrals", { referralId: referral!.id, decision: "accept" })).status,
    ).toBe(302);
    const json = await s.clients.supervisorA.get(`/protection/cases/${c.id}/export.json`);
    const record = (await json.json()) as {
      consents: { referral: boolean; partners: { id: string; name: string }[] }[];
      referrals: { kind: string; toName: string; status: string; createdAt: string; sharedSections: string[] }[];
    };
    expect(record.consents[0]!.partners.map((p) => p.id).sort()).toEqual([s.orgB.id, orgC.id].sort());
    expect(record.referrals).toEqual([
      expect.objectContaining({
        kind: "referral",
        toName: s.orgB.name,
        status: "accepted",
        sharedSections: ["identity", "notes"],
        createdAt: referral!.createdAt.toISOString(),
      }),
    ]);
    const frPdf = new Uint8Array(
      await (await s.clients.supervisorA.get(`/protection/cases/${c.id}/export.pdf`)).arrayBuffer(),
    );
    const fr = readPdfText(frPdf).replace(/\s+/g, " ");
    expect(fr).toContain(orgC.name);
    expect(fr).toContain(`Référencement vers ${s.orgB.name}`);
    // a space before the label's colon, as French writes it (a no-break one, which pdftotext reads as a space)
    expect(fr).toContain(
      "Sections du dossier partagées : Identité (nom, âge, contact, documents, foyer) · Notes de suivi",
    );
    const arabicClient = await s.login(s.supervisorA.email);
    await arabicClient.post("/lang", { lng: "ar", redirectTo: "/home" });
    const arPdf = new Uint8Array(await (await arabicClient.get(`/protection/cases/${c.id}/export.pdf`)).arrayBuffer());
    const ar = readPdfText(arPdf).replace(/\s+/g, " ");
    expect(ar).toContain(orgC.name);
    expect(ar).toContain(s.orgB.name.split(" ").at(-1));
    expect(arabicSkeleton(ar)).toContain(arabicSkeleton("إحالة إلى"));
  });

  it("anonymises on request: identity and free text go, counts stay", async () => {
    const c = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Forgetme",
      phone: "+212655555555",
      dateOfBirth: "1990-07-15",
      estimatedAge: null,
      city: "oujda",
    });
    await makeNote(t.db, c.id, s.workerA.id, "secret");
    await makeAssessment(t.db, c.id, s.workerA.id, ["gbv_survivor"]);
    await makeService(
      t.db,
      {
        caseId: c.id,
        kind: "medical",
        serviceDate: "2026-11-01",
        status: "done",
        recordedById: s.workerA.id,
        details: {},
      },
      "notes",
    );
    const item = await findOrMakeItem(t.db, "hygiene_kit", "Kit (anonymisation)");
    const { round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 5,
      createdById: s.workerA.id,
    });
    expect(
      (await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" })).status,
    ).toBe(302);

    const anonymise = { intent: "anonymise", confirm: "anonymise" };
    expect((await s.clients.workerA.post(`/protection/cases/${c.id}`, anonymise)).status).toBe(403);
    expect((await s.clients.supervisorA.post(`/protection/cases/${c.id}`, anonymise)).status).toBe(302);
    const row = openCase((await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id)))[0]!);
    expect(row.firstName).toBe("—");
    expect(row.phone).toBeNull();
    expect(row.dateOfBirth).toBe("1990-01-01"); // the year stays for age bands
    // the town goes, its region stays, and the reports still read it
    expect([row!.city, row!.region]).toEqual([null, "oriental"]);
    const [person] = await t.db.execute<{ region: string | null }>(
      sql`select region from report_people where person_key = ${c.id}`,
    );
    expect(person!.region).toBe("MA-02");
    expect(row.anonymisedAt).not.toBeNull();
    expect(await t.db.$count(caseNotes, eq(caseNotes.caseId, c.id))).toBe(0);
    expect(await t.db.$count(vulnerabilityAssessments, eq(vulnerabilityAssessments.caseId, c.id))).toBe(0);
    expect(await t.db.$count(caseServices, eq(caseServices.caseId, c.id))).toBe(1);
    expect(await t.db.$count(distributions, eq(distributions.caseId, c.id))).toBe(1);
    const [service] = await servicesOf(c.id);
    expect(service!.notesEnc).toBeNull();
    expect(await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text()).not.toContain("Forgetme");
  });

  it("anonymises cases past the retention period", async () => {
    const old = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Oldcase",
      city: "other",
    });
    await t.db
      .update(beneficiaryCases)
      .set({ updatedAt: new Date("2020-01-01") })
      .where(eq(beneficiaryCases.id, old.id));
    const recent = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Recentcase",
    });
    expect(await anonymiseExpired(t.db, 365 * 3)).toBeGreaterThanOrEqual(1);
    const [o] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, old.id));
    const [r] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, recent.id));
    expect(o!.anonymisedAt).not.toBeNull();
    // a town not on the list: nothing of it stays, not even a region
    expect(o!.city).toBeNull();
    expect(o!.region).toBeNull();
    expect(r!.anonymisedAt).toBeNull();
  });
});

describe("admin: supervisors and retention, without seeing any case", () => {
  it("grants supervision, sets the retention period and applies it", async () => {
    const { makeUser } = await import("../../factories");
    const admin = await makeUser(t.db, { role: "admin" });
    const client = await app.signedIn(admin.email!);
    const page = await (await client.get("/admin/protection")).text();
    expect(page).toContain(s.workerA.displayName);
    expect(
      (await client.post("/admin/protection", { intent: "supervisor", userId: s.workerA.id, on: "1" })).status,
    ).toBe(302);
    expect(
      (
        await s.clients.workerA.get(
          `/protection/cases/${(await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id })).id}/export.json`,
        )
      ).status,
    ).toBe(200);
    expect(
      (await client.post("/admin/protection", { intent: "supervisor", userId: s.workerA.id, on: "0" })).status,
    ).toBe(302);
    // a refused period: the summary links to the field, which keeps what was typed, and says how to fix it
    const refused = await client.post("/admin/protection", { intent: "retention", retentionDays: "5" });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/class="error-summary"[^]*href="#f-retentionDays"/);
    expect(refusedHtml).toMatch(/name="retentionDays"[^>]*value="5"|value="5"[^>]*name="retentionDays"/);
    expect(refusedHtml).toContain("par exemple 730");
    expect((await client.post("/admin/protection", { intent: "retention", retentionDays: "730" })).status).toBe(302);
    const old = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, firstName: "Veryold" });
    await t.db
      .update(beneficiaryCases)
      .set({ updatedAt: new Date("2019-01-01") })
      .where(eq(beneficiaryCases.id, old.id));
    const firstName = async () =>
      openCase((await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, old.id)))[0]!).firstName;
    // the page offers a link to a confirmation step, never a button that anonymises
    const page2 = await (await client.get("/admin/protection")).text();
    expect(page2).toContain('href="/admin/protection?confirm=apply"');
    expect(page2).not.toMatch(/name="intent" value="apply"/);
    // one post without the step's confirmation changes nothing and leads to the step
    const unconfirmed = await client.post("/admin/protection", { intent: "apply" });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe("/admin/protection?confirm=apply");
    expect(await firstName()).toBe("Veryold");
    const step = await (await client.get("/admin/protection?confirm=apply")).text();
    expect(step).toContain('data-testid="confirm-step"');
    // French puts a no-break space before "?" (decision 0150)
    expect(step).toMatch(/Anonymiser 1 dossier expiré\u00a0\?/);
    expect(await firstName()).toBe("Veryold");
    const applied = await client.post("/admin/protection?confirm=apply", { intent: "apply", confirm: "apply" });
    expect(applied.status).toBe(302);
    expect(applied.headers.get("location")).toBe("/admin/protection?anonymised=1");
    expect(await (await client.get("/admin/protection?anonymised=1")).text()).toContain("1 dossier expiré anonymisé.");
    expect(await firstName()).toBe("—");
    // the admin still cannot open a case
    expect((await client.get(`/protection/cases/${old.id}`)).status).toBe(403);
    expect((await s.clients.workerA.post("/admin/protection", { intent: "apply", confirm: "apply" })).status).toBe(403);
  });
});
