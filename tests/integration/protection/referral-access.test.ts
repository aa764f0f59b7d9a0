/**
 * What a receiving association reaches of a referred case, state by state, tried as an
 * attacker from association B would: the case page, a note, a service, a status change,
 * the services panel, an accept after the time or after the consent is gone. Access is
 * checked on every request, so each change of state shows at the next one.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseConsents, caseNotes, caseReferrals, caseServices } from "../../../db/schema";
import { makeCase } from "../../factories/protection";
import { postReferral, useTwoAssociations, withdrawConsent } from "./setup";

const { t, s } = useTwoAssociations();

async function refer(caseId: string, kind: "referral" | "transfer" = "referral", client = s.clients.workerA) {
  const overrideReason = client === s.clients.supervisorA ? "Danger immédiat pour la personne" : undefined;
  const response = await postReferral(s, caseId, { kind, client, overrideReason });
  expect(response.status).toBe(302);
  const [row] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, caseId));
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
  };
}

const CLOSED = { page: 404, note: 404, status: 404, newService: 404, exportJson: 404 };

describe("a referral, state by state", () => {
  it("pending: the inbox entry only; accepted: the case, and B's own writes", async () => {
    const c = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Pendingperson",
    });
    const own = await service(c.id, s.workerA.id);
    const referral = await refer(c.id);
    expect(await reachOfB(c.id, own.id)).toEqual(CLOSED);
    const inbox = await (await s.clients.workerB.get("/protection/referrals")).text();
    expect(inbox).toContain(c.reference);
    expect(inbox).not.toContain("Pendingperson");
    expect(inbox).not.toContain(`/protection/cases/${c.id}`);
    // the home panel's lists go through the same scope
    expect(await (await s.clients.workerB.get("/home")).text()).not.toContain(c.reference);

    expect((await decide(referral.id, "accept")).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect(
      (await s.clients.workerB.post(`/protection/cases/${c.id}`, { intent: "note", body: "note de B" })).status,
    ).toBe(302);
    // the referring association's service is not B's to move along
    expect(
      (
        await s.clients.workerB.post(`/protection/cases/${c.id}`, {
          intent: "status",
          serviceId: own.id,
          status: "appointment_set",
        })
      ).status,
    ).toBe(403);
    const [untouched] = await t.db.select().from(caseServices).where(eq(caseServices.id, own.id));
    expect(untouched!.status).toBe("requested");
    // its own service, yes
    const mine = await service(c.id, s.workerB.id);
    expect(
      (
        await s.clients.workerB.post(`/protection/cases/${c.id}`, {
          intent: "status",
          serviceId: mine.id,
          status: "appointment_set",
        })
      ).status,
    ).toBe(302);
    // never the owner's decisions: consent, referral onwards
    expect((await withdrawConsent(s, c.id, s.clients.workerB)).status).toBe(403);
  });

  it("consent withdrawn: every partner's access ends at the next request, whatever the road", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const mine = await service(c.id, s.workerB.id);
    const referral = await refer(c.id);
    expect((await decide(referral.id, "accept")).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    const notesBefore = (await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id))).length;
    expect(await reachOfB(c.id, mine.id)).toEqual(CLOSED);
    expect((await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id))).length).toBe(notesBefore);
    // the owner keeps the case
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}`)).status).toBe(200);
    // a new consent that does not cover referral does not reopen it
    await t.db.insert(caseConsents).values({
      caseId: c.id,
      services: true,
      referral: false,
      anonymisedReporting: true,
      noticeVersion: "protection-2026-11",
      language: "fr",
      collectedById: s.workerA.id,
    });
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
  });

  it("consent withdrawn while pending: the request can no longer be accepted", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    for (const kind of ["referral", "transfer"] as const) {
      // consent given again (the fixture's row, as if the withdrawal had not happened), then a request
      await t.db
        .update(caseConsents)
        .set({ withdrawnAt: null, withdrawnById: null })
        .where(eq(caseConsents.caseId, c.id));
      const referral = await refer(c.id, kind);
      expect((await withdrawConsent(s, c.id)).status).toBe(302);
      expect((await decide(referral.id, "accept")).status).toBe(404);
      const [row] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.id, referral.id));
      expect(row!.status).toBe("pending");
      expect(row!.decidedAt).toBeNull();
      await t.db.delete(caseReferrals).where(eq(caseReferrals.id, referral.id));
    }
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
  });

  it("a supervisor's override holds until a later consent decision; a withdrawal ends it", async () => {
    const c = await makeCase(
      t.db,
      { organisationId: s.orgA.id, createdById: s.workerA.id },
      { referral: false, services: true },
    );
    const referral = await refer(c.id, "referral", s.clients.supervisorA);
    expect(referral.consentOverrideById).toBe(s.supervisorA.id);
    expect((await decide(referral.id, "accept")).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
  });

  it("expired: a request left undecided for 30 days lapses, and no longer blocks a new one", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const referral = await refer(c.id);
    await t.db
      .update(caseReferrals)
      .set({ createdAt: new Date(Date.now() - 30 * 86_400_000 - 60_000) })
      .where(eq(caseReferrals.id, referral.id));
    expect(await (await s.clients.workerB.get("/protection/referrals")).text()).not.toContain(c.reference);
    expect((await decide(referral.id, "accept")).status).toBe(404);
    expect((await decide(referral.id, "reject")).status).toBe(404);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(404);
    // the referring association may ask again; the lapsed request is closed, decided by no one
    expect((await postReferral(s, c.id)).status).toBe(302);
    const [lapsed] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.id, referral.id));
    expect(lapsed).toMatchObject({ status: "rejected", decidedById: null });
  });

  it("a pending transfer opens nothing either; the sender loses the case only once accepted", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const own = await service(c.id, s.workerA.id);
    const transfer = await refer(c.id, "transfer");
    expect(await reachOfB(c.id, own.id)).toEqual(CLOSED);
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect((await decide(transfer.id, "accept")).status).toBe(302);
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}`)).status).toBe(404);
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
  });
});
