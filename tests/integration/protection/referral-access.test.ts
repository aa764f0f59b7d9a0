/**
 * What a receiving association reaches of a referred case, state by state and section by
 * section, tried as an attacker from association B would: the case page, a note, a
 * service, a status change, the services panel, the list and its search, the duplicate
 * check, an accept after the time or after the consent is gone. Access is checked on
 * every request, so each change of state shows at the next one.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseConsents, caseNotes, caseReferrals, caseServices } from "../../../db/schema";
import { makeOrganisation } from "../../factories";
import { makeAssessment, makeNote } from "../../factories/protection";
import { caseOfA, postReferral, registration, useTwoAssociations, withdrawConsent, type Share } from "./setup";

const { t, s } = useTwoAssociations();

async function refer(caseId: string, options: { kind?: "referral" | "transfer"; share?: Share[] } = {}) {
  const response = await postReferral(s, caseId, options);
  expect(response.status).toBe(302);
  const [row] = await t.db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.caseId, caseId), eq(caseReferrals.status, "pending")));
  return row!;
}

const decide = (referralId: string, decision: "accept" | "reject") =>
  s.clients.workerB.post("/protection/referrals", {
    referralId,
    decision,
    ...(decision === "reject" ? { confirm: "reject" } : {}),
  });

async function service(caseId: string, recordedById: string) {
  const [row] = await t.db
    .insert(caseServices)
    .values({ caseId, kind: "hospital_referral", serviceDate: "2026-11-02", status: "requested", recordedById })
    .returning();
  return row!;
}

/** A case of A with something in every section: a name, a note, an assessment, a service. */
async function fullCase() {
  const c = await caseOfA(t.db, s, { firstName: "Secretfirst", lastName: "Secretlast", phone: "+212600998877" });
  await makeNote(t.db, c.id, s.workerA.id, "Note secrète de A");
  await makeAssessment(t.db, c.id, s.workerA.id, ["gbv_survivor"], "Évaluation secrète de A");
  const own = await service(c.id, s.workerA.id);
  return { c, own };
}

/** Every road of association B into the case, with the status each answered. */
async function reachOfB(caseId: string, serviceId: string) {
  const b = s.clients.workerB;
  return {
    page: (await b.get(`/protection/cases/${caseId}`)).status,
    note: (await b.post(`/protection/cases/${caseId}`, { intent: "note", body: "note de B" })).status,
    status: (await b.post(`/protection/cases/${caseId}`, { intent: "status", serviceId, status: "appointment_set" }))
      .status,
    newService: (await b.get(`/protection/cases/${caseId}/services/new?kind=medical`)).status,
    exportJson: (await b.get(`/protection/cases/${caseId}/export.json`)).status,
    exportPdf: (await b.get(`/protection/cases/${caseId}/export.pdf`)).status,
    correctIdentity: (await b.get(`/protection/cases/${caseId}/identity`)).status,
    correctService: (await b.get(`/protection/cases/${caseId}/services/${serviceId}`)).status,
  };
}

const CLOSED = {
  page: 404,
  note: 404,
  status: 404,
  newService: 404,
  exportJson: 404,
  exportPdf: 404,
  correctIdentity: 404,
  correctService: 404,
};
/** Pending: the shared sections to read, nothing to write. */
const READ_ONLY = {
  page: 200,
  note: 403,
  status: 403,
  newService: 403,
  exportJson: 403,
  exportPdf: 403,
  correctIdentity: 403,
  correctService: 403,
};

describe("before accepting", () => {
  it("shows the reason, urgency, services asked for and the ticked sections only, and lets B write nothing", async () => {
    const { c, own } = await fullCase();
    const referral = await refer(c.id, { share: ["identity", "notes"] });
    const page = await (await s.clients.workerB.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain("Secretfirst");
    expect(page).toContain("Note secrète de A");
    expect(page).toContain("service spécialisé");
    expect(page).toContain("urgente");
    expect(page).not.toContain("Évaluation secrète de A");
    expect(page).toContain('data-not-shared="vulnerability"');
    expect(page).not.toContain('data-service="hospital_referral"');
    // no form of the owner's: consent, assignment, referral onwards, aid
    for (const intent of ["consent", "assign", "referral", "voucher", "note"])
      expect(page).not.toContain(`name="intent" value="${intent}"`);
    expect(page).toContain(`name="referralId" value="${referral.id}"`);
    const notesBefore = await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id));
    expect(await reachOfB(c.id, own.id)).toEqual(READ_ONLY);
    expect(await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id))).toEqual(notesBefore);
    // the pending case stays out of B's lists and home panel
    expect(await (await s.clients.workerB.get("/protection")).text()).not.toContain(c.reference);
    expect(await (await s.clients.workerB.get("/home")).text()).not.toContain(c.reference);
    // B's look is in the case's audit trail, for A's supervisor to see
    const views = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, c.id),
          eq(auditLog.action, "protection.case.view"),
          eq(auditLog.actorId, s.workerB.id),
        ),
      );
    expect(views.length).toBeGreaterThan(0);
  });

  it("with no section ticked: the request's facts and the case's reference, not the person", async () => {
    const { c, own } = await fullCase();
    await refer(c.id);
    const page = await (await s.clients.workerB.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain(c.reference);
    for (const secret of ["Secretfirst", "Secretlast", "+212600998877", "Note secrète", "Évaluation secrète"])
      expect(page).not.toContain(secret);
    expect(await reachOfB(c.id, own.id)).toEqual(READ_ONLY);
    const inbox = await (await s.clients.workerB.get("/protection/referrals")).text();
    expect(inbox).toContain(c.reference);
    expect(inbox).toContain("urgente");
    expect(inbox).not.toContain("Secretfirst");
  });
});

describe("after accepting", () => {
  it("shows the shared sections only; B writes its own notes and services, never the referrer's", async () => {
    const { c, own } = await fullCase();
    const referral = await refer(c.id, { share: ["services"] });
    expect((await decide(referral.id, "accept")).status).toBe(302);
    const b = s.clients.workerB;
    const page = await (await b.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain('data-service="hospital_referral"');
    for (const secret of ["Secretfirst", "Secretlast", "Note secrète", "Évaluation secrète"])
      expect(page).not.toContain(secret);
    // B's own note, and B's own service, which it moves along
    expect((await b.post(`/protection/cases/${c.id}`, { intent: "note", body: "Suivi par B" })).status).toBe(302);
    const mine = await service(c.id, s.workerB.id);
    expect(
      (await b.post(`/protection/cases/${c.id}`, { intent: "status", serviceId: mine.id, status: "appointment_set" }))
        .status,
    ).toBe(302);
    // never the referrer's service, nor the owner's decisions
    expect(
      (await b.post(`/protection/cases/${c.id}`, { intent: "status", serviceId: own.id, status: "appointment_set" }))
        .status,
    ).toBe(403);
    const [untouched] = await t.db.select().from(caseServices).where(eq(caseServices.id, own.id));
    expect(untouched!.status).toBe("requested");
    expect((await withdrawConsent(s, c.id, b)).status).toBe(403);
    const after = await (await b.get(`/protection/cases/${c.id}`)).text();
    expect(after).toContain("Suivi par B");
    expect(after).not.toContain("Note secrète de A");
    // the list names the case by its reference; a search by name or phone does not find it
    const list = await (await b.get("/protection")).text();
    expect(list).toContain(c.reference);
    expect(list).not.toContain("Secretfirst");
    expect(await (await b.get("/protection?q=Secretfirst")).text()).not.toContain(c.reference);
    expect(await (await b.get("/protection?q=%2B212600998877")).text()).not.toContain(c.reference);
    // nor does B's duplicate check reveal an identity it was not shared
    const duplicate = await b.post(
      "/protection/cases/new",
      registration({ firstName: "Other", lastName: "Person", phone: "+212600998877" }),
    );
    expect(duplicate.status).toBe(302);
  });

  it("with identity shared: the name in B's list, and B's duplicate check finds the person", async () => {
    const { c } = await fullCase();
    const referral = await refer(c.id, { share: ["identity"] });
    expect((await decide(referral.id, "accept")).status).toBe(302);
    expect(await (await s.clients.workerB.get("/protection?q=Secretfirst")).text()).toContain(c.reference);
    const duplicate = await s.clients.workerB.post(
      "/protection/cases/new",
      registration({ firstName: "Other", lastName: "Person", phone: "+212600998877" }),
    );
    expect(duplicate.status).toBe(409);
  });
});

describe("what ends access", () => {
  it("a rejection: at once, on every road", async () => {
    const { c, own } = await fullCase();
    const referral = await refer(c.id, { share: ["identity", "notes", "services", "vulnerability"] });
    expect((await decide(referral.id, "reject")).status).toBe(302);
    expect(await reachOfB(c.id, own.id)).toEqual(CLOSED);
  });

  it("a withdrawal of consent: every partner's access ends at the next request, pending or accepted", async () => {
    const { c, own } = await fullCase();
    const referral = await refer(c.id, { share: ["notes"] });
    expect((await decide(referral.id, "accept")).status).toBe(302);
    expect(
      (await s.clients.workerB.post(`/protection/cases/${c.id}`, { intent: "note", body: "Note de B" })).status,
    ).toBe(302);
    // a service of B's own, recorded while it had access
    const recorded = await s.clients.workerB.post(`/protection/cases/${c.id}/services/new`, {
      kind: "medical",
      serviceDate: "2026-11-03",
      reasonCategory: "general",
      outcome: "treated",
    });
    expect(recorded.status).toBe(302);
    const [ofB] = await t.db
      .select()
      .from(caseServices)
      .where(and(eq(caseServices.caseId, c.id), eq(caseServices.recordedById, s.workerB.id)));
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}/services/${ofB!.id}`)).status).toBe(200);
    const transfer = await refer(c.id, { kind: "transfer", share: ["identity"] });
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    expect(await reachOfB(c.id, own.id)).toEqual(CLOSED);
    // nor does B reach the service it wrote, to read or to correct it
    expect(await reachOfB(c.id, ofB!.id)).toEqual(CLOSED);
    const correction = { kind: "medical", serviceDate: "2026-11-04", reasonCategory: "general", outcome: "treated" };
    const posted = await s.clients.workerB.post(`/protection/cases/${c.id}/services/${ofB!.id}`, {
      ...correction,
      version: "1",
    });
    expect(posted.status).toBe(404);
    const [kept] = await t.db.select().from(caseServices).where(eq(caseServices.id, ofB!.id));
    expect(kept!.serviceDate).toBe("2026-11-03");
    expect(await (await s.clients.workerB.get("/protection/referrals")).text()).not.toContain(c.reference);
    expect((await decide(transfer.id, "accept")).status).toBe(404);
    // what B wrote stays in A's file (decision 0096)
    expect(await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text()).toContain("Note de B");
  });

  it("a new consent that no longer names B ends B's access; one naming B again restores it", async () => {
    const { c, own } = await fullCase();
    const referral = await refer(c.id, { share: ["notes"] });
    expect((await decide(referral.id, "accept")).status).toBe(302);
    const consent = (partners: string[]) =>
      s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
        intent: "consent",
        consentServices: "on",
        consentReferral: "on",
        consentPartners: partners,
        consentLanguage: "fr",
      });
    // a consent naming another partner only cuts B off
    const orgC = await makeOrganisation(t.db);
    expect((await consent([orgC.id])).status).toBe(302);
    expect(await reachOfB(c.id, own.id)).toEqual(CLOSED);
    expect((await consent([s.orgB.id])).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
  });

  it("a supervisor's override holds until a later consent decision; a withdrawal ends it", async () => {
    const c = await caseOfA(t.db, s, {}, { referral: false, services: true });
    const response = await postReferral(s, c.id, {
      client: s.clients.supervisorA,
      overrideReason: "Danger immédiat pour la personne",
    });
    expect(response.status).toBe(302);
    const [referral] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, c.id));
    expect((await decide(referral!.id, "accept")).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
  });

  it("a lapse: a request left undecided for 30 days ends B's view, and no longer blocks a new one", async () => {
    const { c, own } = await fullCase();
    const referral = await refer(c.id, { share: ["identity"] });
    await t.db
      .update(caseReferrals)
      .set({ createdAt: new Date(Date.now() - 30 * 86_400_000 - 60_000) })
      .where(eq(caseReferrals.id, referral.id));
    expect(await reachOfB(c.id, own.id)).toEqual(CLOSED);
    expect(await (await s.clients.workerB.get("/protection/referrals")).text()).not.toContain(c.reference);
    expect((await decide(referral.id, "accept")).status).toBe(404);
    expect((await decide(referral.id, "reject")).status).toBe(404);
    // the referring association may ask again; the lapsed request is closed, decided by no one
    expect((await postReferral(s, c.id)).status).toBe(302);
    const [lapsed] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.id, referral.id));
    expect(lapsed).toMatchObject({ status: "rejected", decidedById: null });
  });

  it("a pending transfer reads its shared sections only; the sender loses the case only once accepted", async () => {
    const { c, own } = await fullCase();
    const transfer = await refer(c.id, { kind: "transfer", share: ["identity"] });
    expect(await reachOfB(c.id, own.id)).toEqual(READ_ONLY);
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect((await decide(transfer.id, "accept")).status).toBe(302);
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}`)).status).toBe(404);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
  });
});

describe("accepting while the consent is withdrawn", () => {
  // each round races one acceptance against one withdrawal; whichever wins, B never keeps access
  it("never leaves B with access, and an accepted request predates the withdrawal", async () => {
    for (let round = 0; round < 6; round++) {
      const c = await caseOfA(t.db, s);
      const referral = await refer(c.id, { share: ["notes"] });
      const [accept, withdraw] = await Promise.all([decide(referral.id, "accept"), withdrawConsent(s, c.id)]);
      expect([302, 404]).toContain(accept.status);
      expect(withdraw.status).toBe(302);
      const [row] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.id, referral.id));
      const [consent] = await t.db.select().from(caseConsents).where(eq(caseConsents.caseId, c.id));
      expect(consent!.withdrawnAt).not.toBeNull();
      if (row!.status === "accepted")
        expect(row!.decidedAt!.getTime()).toBeLessThanOrEqual(consent!.withdrawnAt!.getTime());
      else expect(row!.status).toBe("pending");
      expect(accept.status === 302).toBe(row!.status === "accepted");
      expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
    }
  });
});
