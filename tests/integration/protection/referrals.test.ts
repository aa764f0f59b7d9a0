/**
 * Referrals and transfers share a person's data with another association: refused
 * without their consent to referral naming that association, unless a supervisor
 * overrides with a reason (audited). The receiving association is told the reason and the
 * urgency, nothing more, and accepts or rejects.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, beneficiaryCases, caseReferrals, notifications, outbox } from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { openCase } from "../../../app/modules/protection/identity.server";
import { caseOfA, postReferral, useTwoAssociations, withdrawConsent } from "./setup";

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
    const c = await caseOfA(t.db, s, {}, { referral: false });
    const response = await postReferral(s, c.id);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("pas consenti au référencement");
    expect(await referralsOf(c.id)).toHaveLength(0);
    expect(await auditActions(c.id)).toContain("protection.referral.refused_no_consent");
  });

  it("refuses after consent is withdrawn", async () => {
    const c = await caseOfA(t.db, s);
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    const response = await postReferral(s, c.id);
    expect(response.status).toBe(400);
    expect(await referralsOf(c.id)).toHaveLength(0);
  });

  it("goes only to the partners the consent names", async () => {
    const orgC = await makeOrganisation(t.db);
    const c = await caseOfA(t.db, s);
    for (const kind of ["referral", "transfer"] as const) {
      const response = await postReferral(s, c.id, { kind, to: orgC.id });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("ne nomme pas cette association");
    }
    expect(await referralsOf(c.id)).toHaveLength(0);
    // a new consent naming C opens the way to C (and no longer to B)
    const consent = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
      intent: "consent",
      consentServices: "on",
      consentReferral: "on",
      consentPartners: [orgC.id],
      consentLanguage: "fr",
    });
    expect(consent.status).toBe(302);
    expect((await postReferral(s, c.id, { to: s.orgB.id })).status).toBe(400);
    expect((await postReferral(s, c.id, { to: orgC.id })).status).toBe(302);
  });

  it("refuses a consent to referral that names no partner, or a partner that is not an association", async () => {
    const c = await caseOfA(t.db, s);
    const base = { intent: "consent", consentServices: "on", consentReferral: "on", consentLanguage: "fr" };
    const none = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, base);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Cochez au moins une association partenaire");
    const donor = await makeOrganisation(t.db, { kind: "donor" });
    const wrong = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
      ...base,
      consentPartners: donor.id,
    });
    expect(wrong.status).toBe(400);
    const own = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
      ...base,
      consentPartners: s.orgA.id,
    });
    expect(own.status).toBe(400);
  });

  it("refuses an override from a case worker who is not a supervisor", async () => {
    const c = await caseOfA(t.db, s, {}, { referral: false });
    const response = await postReferral(s, c.id, { overrideReason: "Danger immédiat pour la personne" });
    expect(response.status).toBe(400);
    expect(await referralsOf(c.id)).toHaveLength(0);
  });

  it("accepts a supervisor override with a reason, even towards a partner not named, and audits it", async () => {
    const orgC = await makeOrganisation(t.db);
    const c = await caseOfA(t.db, s, {}, { referral: false });
    const short = await postReferral(s, c.id, { client: s.clients.supervisorA, overrideReason: "vite" });
    expect(short.status).toBe(400);
    const response = await postReferral(s, c.id, {
      client: s.clients.supervisorA,
      overrideReason: "Danger immédiat pour la personne",
      to: orgC.id,
    });
    expect(response.status).toBe(302);
    const [row] = await referralsOf(c.id);
    expect(row!.consentOverrideById).toBe(s.supervisorA.id);
    expect(row!.consentOverrideReason).toBe("Danger immédiat pour la personne");
    expect(row!.toOrganisationId).toBe(orgC.id);
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining(["protection.consent.override", "protection.referral.request"]),
    );
  });

  it("records the reason, urgency, services asked for and only the sections ticked", async () => {
    const c = await caseOfA(t.db, s);
    const refused = await s.clients.workerA.post(`/protection/cases/${c.id}/referral`, {
      intent: "referral",
      kind: "referral",
      toOrganisationId: s.orgB.id,
      urgency: "urgent",
      share: ["identity", "everything"],
    });
    expect(refused.status).toBe(400);
    expect(await referralsOf(c.id)).toHaveLength(0);
    expect((await postReferral(s, c.id, { share: ["identity", "notes"] })).status).toBe(302);
    const [row] = await referralsOf(c.id);
    expect(row).toMatchObject({
      reason: "specialised_service",
      urgency: "urgent",
      requestedServices: ["medical", "shelter"],
      shareIdentity: true,
      shareNotes: true,
      shareServices: false,
      shareVulnerability: false,
    });
  });
});

/** The values of the boxes named `name` that the page shows ticked, and the options selected. */
const ticked = (html: string, name: string) =>
  [...html.matchAll(/<input[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`name="${name}"`) && / checked=""/.test(tag))
    .map((tag) => /value="([^"]*)"/.exec(tag)?.[1]);
const selected = (html: string) => [...html.matchAll(/<option[^>]*value="([^"]*)"[^>]*selected=""/g)].map((m) => m[1]);

describe("a refused form, posted without JavaScript", () => {
  it("comes back with every section, service and partner that was ticked, and the partner chosen", async () => {
    const orgC = await makeOrganisation(t.db);
    const c = await caseOfA(t.db, s, {}, { partners: [s.orgB.id, orgC.id] });
    const form = {
      intent: "referral",
      kind: "referral",
      toOrganisationId: orgC.id,
      urgency: "emergency",
      services: ["medical", "legal", "shelter"],
      share: ["identity", "notes", "vulnerability"],
    };
    // no reason: refused by the form's schema
    const missing = await s.clients.workerA.post(`/protection/cases/${c.id}/referral`, form);
    expect(missing.status).toBe(400);
    const page = await missing.text();
    expect(page).toContain("Choisissez le motif de la demande.");
    expect(ticked(page, "share").sort()).toEqual(["identity", "notes", "vulnerability"]);
    expect(ticked(page, "services").sort()).toEqual(["legal", "medical", "shelter"]);
    expect(selected(page)).toEqual(expect.arrayContaining([orgC.id, "emergency"]));
    // refused by the service (a partner the consent no longer names): the same
    const consent = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
      intent: "consent",
      consentServices: "on",
      consentReferral: "on",
      consentPartners: [s.orgB.id],
      consentLanguage: "fr",
    });
    expect(consent.status).toBe(302);
    const notNamed = await s.clients.workerA.post(`/protection/cases/${c.id}/referral`, {
      ...form,
      reason: "capacity",
    });
    expect(notNamed.status).toBe(400);
    const refused = await notNamed.text();
    expect(refused).toContain("ne nomme pas cette association");
    expect(ticked(refused, "share").sort()).toEqual(["identity", "notes", "vulnerability"]);
    expect(ticked(refused, "services").sort()).toEqual(["legal", "medical", "shelter"]);
    expect(selected(refused)).toEqual(expect.arrayContaining(["capacity", "emergency"]));
    expect(await referralsOf(c.id)).toHaveLength(0);
  });

  it("keeps every partner ticked on a refused consent and a refused registration", async () => {
    const orgC = await makeOrganisation(t.db);
    const c = await caseOfA(t.db, s);
    const donor = await makeOrganisation(t.db, { kind: "donor" });
    const consent = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
      intent: "consent",
      consentServices: "on",
      consentReferral: "on",
      consentPartners: [s.orgB.id, orgC.id, donor.id],
      consentLanguage: "fr",
    });
    expect(consent.status).toBe(400);
    // the donor has no box (not a partner association); both partners stay ticked
    expect(ticked(await consent.text(), "consentPartners").sort()).toEqual([s.orgB.id, orgC.id].sort());
    const registration = await s.clients.workerA.post("/protection/cases/new", {
      lastName: "Sans-Prénom",
      sex: "female",
      householdSize: "1",
      consentServices: "on",
      consentReferral: "on",
      consentPartners: [s.orgB.id, orgC.id],
      consentLanguage: "fr",
    });
    expect(registration.status).toBe(400);
    expect(ticked(await registration.text(), "consentPartners").sort()).toEqual([s.orgB.id, orgC.id].sort());
  });
});

describe("the receiving association's notice", () => {
  it("tells its confirmed case workers the reason and the urgency, never the case or the person", async () => {
    const pendingB = await makeUser(t.db, {
      role: "case_worker",
      organisationId: s.orgB.id,
      caseAccessOrganisationId: null,
    });
    const c = await caseOfA(t.db, s, { firstName: "Notifiedperson", lastName: "Secretlast" });
    expect((await postReferral(s, c.id, { share: ["identity"] })).status).toBe(302);
    const inApp = await t.db.select().from(notifications).where(eq(notifications.userId, s.workerB.id));
    expect(inApp.map((n) => n.kind)).toContain("protection.notify.referral");
    const mail = await t.db.select().from(outbox).where(eq(outbox.userId, s.workerB.id));
    const text = mail.map((m) => `${m.subject} ${m.body}`).join("\n");
    expect(text).toContain("service spécialisé");
    expect(text).toContain("urgente");
    for (const secret of ["Notifiedperson", "Secretlast", c.reference, c.id, s.orgA.name])
      expect(text).not.toContain(secret);
    // an account its supervisor has not confirmed is told nothing
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, pendingB.id))).toHaveLength(0);
    // and the referring association is not notified of its own request
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, s.workerA.id))).toHaveLength(0);
  });
});

describe("transfer", () => {
  it("moves the case to the accepting association; the sender then gets 404", async () => {
    const c = await caseOfA(t.db, s);
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
    // the new owner reads the whole file, whatever the request shared
    const page = await (await s.clients.workerB.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain(openCase(moved!).firstName);
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining(["protection.transfer.request", "protection.transfer.accept"]),
    );
  });
});
