/**
 * Scope: a case worker reaches their association's cases and those referred to
 * them; any other id, on any route, is "not found". Other roles are refused.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { beneficiaryCases, caseNotes, caseServices } from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeCase, makeNote, makeService } from "../../factories/protection";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { twoAssociations } from "./setup";

const t = useTestDb();
const app = useTestApp(t);
let s: Awaited<ReturnType<typeof twoAssociations>>;
let caseB: { id: string };

beforeAll(async () => {
  s = await twoAssociations(t.db, app);
  caseB = await makeCase(t.db, { organisationId: s.orgB.id, createdById: s.workerB.id, firstName: "Secretname" });
  await makeNote(t.db, caseB.id, s.workerB.id, "note of B");
});

describe("association scope", () => {
  it("lets association B open its own case", async () => {
    const response = await s.clients.workerB.get(`/protection/cases/${caseB.id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Secretname");
  });

  it("answers 404 to association A on every route that takes B's case id", async () => {
    const paths = [
      `/protection/cases/${caseB.id}`,
      `/protection/cases/${caseB.id}/services/new?kind=medical`,
      `/protection/cases/${caseB.id}/export.json`,
      `/protection/cases/${caseB.id}/export.pdf`,
    ];
    for (const client of [s.clients.workerA, s.clients.supervisorA]) {
      for (const path of paths) {
        const response = await client.get(path);
        expect(response.status, path).toBe(404);
        expect(await response.text()).not.toContain("Secretname");
      }
    }
  });

  it("changes nothing when A posts to B's case, whatever the intent", async () => {
    const before = await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, caseB.id));
    const attempts: Record<string, string>[] = [
      { intent: "note", body: "written by A" },
      { intent: "withdrawConsent", confirm: "withdrawConsent" },
      { intent: "assign", assignedToId: s.workerA.id },
      { intent: "anonymise", confirm: "anonymise" },
      { intent: "referral", kind: "transfer", toOrganisationId: s.orgA.id },
    ];
    for (const fields of attempts) {
      // a referral is sent from its own page (decision 0195)
      const page = fields.intent === "referral" ? "/referral" : "";
      const response = await s.clients.supervisorA.post(`/protection/cases/${caseB.id}${page}`, fields);
      expect(response.status, fields.intent).toBe(404);
    }
    const service = await s.clients.workerA.post(`/protection/cases/${caseB.id}/services/new`, {
      kind: "medical",
      serviceDate: "2026-11-01",
      reasonCategory: "general",
      outcome: "treated",
    });
    expect(service.status).toBe(404);
    const after = await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, caseB.id));
    expect(after.length).toBe(before.length);
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseB.id));
    expect(row!.organisationId).toBe(s.orgB.id);
    expect(row!.anonymisedAt).toBeNull();
  });

  it("changes nothing when A names B's records from its own case: a service, an assignee", async () => {
    const caseA = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const serviceB = await makeService(t.db, {
      caseId: caseB.id,
      kind: "hospital_referral",
      serviceDate: "2026-11-02",
      status: "requested",
      recordedById: s.workerB.id,
      details: { facility: "Secretfacility", specialty: "Cardiologie", urgency: "urgent" },
    });
    const own = `/protection/cases/${caseA.id}`;
    for (const serviceId of [serviceB.id, serviceB.id.toUpperCase()]) {
      const moved = await s.clients.supervisorA.post(own, { intent: "status", serviceId, status: "appointment_set" });
      expect(moved.status, serviceId).not.toBe(302);
      expect(moved.status, serviceId).toBeLessThan(500);
      const page = await s.clients.supervisorA.get(`${own}/services/${serviceId}`);
      expect(page.status, serviceId).toBe(404);
      expect(await page.text()).not.toContain("Secretfacility");
      const corrected = await s.clients.supervisorA.post(`${own}/services/${serviceId}`, {
        kind: "hospital_referral",
        serviceDate: "2026-11-03",
        facility: "Written by A",
        specialty: "Cardiologie",
        urgency: "urgent",
        version: "1",
      });
      expect(corrected.status, serviceId).toBe(404);
    }
    const [kept] = await t.db.select().from(caseServices).where(eq(caseServices.id, serviceB.id));
    expect(kept).toEqual(serviceB);
    const assigned = await s.clients.supervisorA.post(own, { intent: "assign", assignedToId: s.workerB.id });
    expect(assigned.status).not.toBe(302);
    expect(assigned.status).toBeLessThan(500);
    const [stillA] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseA.id));
    expect(stillA!.assignedToId ?? null).not.toBe(s.workerB.id);
  });

  it("answers 404 for ids that do not exist or are not ids", async () => {
    for (const id of ["00000000-0000-0000-0000-000000000000", "not-an-id", "1"]) {
      expect((await s.clients.workerA.get(`/protection/cases/${id}`)).status).toBe(404);
    }
  });

  it("does not list B's cases to A, even by search", async () => {
    const response = await s.clients.workerA.get("/protection?q=Secretna");
    expect(await response.text()).not.toContain("Secretname");
  });

  it("refuses every other role with 403", async () => {
    for (const role of ["coach", "committee_member", "admin", "donor_viewer", "applicant"] as const) {
      const user = await makeUser(t.db, { role });
      const client = await app.signedIn(user.email!);
      expect((await client.get(`/protection/cases/${caseB.id}`)).status, role).toBe(403);
      expect((await client.get("/protection")).status, role).toBe(403);
      expect((await client.post(`/protection/cases/${caseB.id}`, { intent: "note", body: "x" })).status, role).toBe(
        403,
      );
    }
  });
});
