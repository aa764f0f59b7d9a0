/**
 * Referrals and transfers share a person's data with another association: refused
 * without their consent to referral, unless a supervisor overrides with a reason
 * (audited). The receiving association accepts or rejects.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, beneficiaryCases, caseReferrals } from "../../../db/schema";
import { makeCase } from "../../factories/protection";
import { postReferral, useTwoAssociations, withdrawConsent } from "./setup";

const { t, s } = useTwoAssociations();

async function referralsOf(caseId: string) {
  return t.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, caseId));
}
async function auditActions(caseId: string) {
  const rows = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "beneficiary_case"), eq(auditLog.entityId, caseId)));
  return rows.map((r) => r.action);
}

describe("consent-gated referral", () => {
  it("refuses a referral without consent, with a translated message, and records nothing", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id }, { referral: false });
    const response = await postReferral(s, c.id);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("pas consenti au référencement");
    expect(await referralsOf(c.id)).toHaveLength(0);
    expect(await auditActions(c.id)).toContain("protection.referral.refused_no_consent");
  });

  it("refuses after consent is withdrawn", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    const response = await postReferral(s, c.id);
    expect(response.status).toBe(400);
    expect(await referralsOf(c.id)).toHaveLength(0);
  });

  it("refuses an override from a case worker who is not a supervisor", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id }, { referral: false });
    const response = await postReferral(s, c.id, { overrideReason: "Danger immédiat pour la personne" });
    expect(response.status).toBe(400);
    expect(await referralsOf(c.id)).toHaveLength(0);
  });

  it("accepts a supervisor override with a reason, and audits it", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id }, { referral: false });
    const short = await postReferral(s, c.id, { client: s.clients.supervisorA, overrideReason: "vite" });
    expect(short.status).toBe(400);
    const response = await postReferral(s, c.id, {
      client: s.clients.supervisorA,
      overrideReason: "Danger immédiat pour la personne",
    });
    expect(response.status).toBe(302);
    const [row] = await referralsOf(c.id);
    expect(row!.consentOverrideById).toBe(s.supervisorA.id);
    expect(row!.consentOverrideReason).toBe("Danger immédiat pour la personne");
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining(["protection.consent.override", "protection.referral.request"]),
    );
  });

  it("shows the receiving association only its inbox entry while pending, and nothing after rejection", async () => {
    const c = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Referredperson",
    });
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
    expect((await postReferral(s, c.id)).status).toBe(302);
    // a second pending referral of the same kind is refused
    expect((await postReferral(s, c.id)).status).toBe(400);
    const inbox = await (await s.clients.workerB.get("/protection/referrals")).text();
    expect(inbox).toContain(c.reference);
    expect(inbox).not.toContain("Referredperson");
    // before accepting, the case file stays closed to the receiving association
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
    const [row] = await referralsOf(c.id);
    expect(
      (
        await s.clients.workerB.post("/protection/referrals", {
          referralId: row!.id,
          decision: "reject",
          confirm: "reject",
        })
      ).status,
    ).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
    // decided once: a second decision finds nothing pending
    expect(
      (await s.clients.workerB.post("/protection/referrals", { referralId: row!.id, decision: "accept" })).status,
    ).toBe(404);
  });
});

describe("transfer", () => {
  it("moves the case to the accepting association; the sender then gets 404", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    expect((await postReferral(s, c.id, { kind: "transfer" })).status).toBe(302);
    const [row] = await referralsOf(c.id);
    // only the receiving association can decide
    expect(
      (await s.clients.supervisorA.post("/protection/referrals", { referralId: row!.id, decision: "accept" })).status,
    ).toBe(404);
    expect(
      (await s.clients.workerB.post("/protection/referrals", { referralId: row!.id, decision: "accept" })).status,
    ).toBe(302);
    const [moved] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(moved!.organisationId).toBe(s.orgB.id);
    expect(moved!.assignedToId).toBe(s.workerB.id);
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}`)).status).toBe(404);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining(["protection.transfer.request", "protection.transfer.accept"]),
    );
  });
});
