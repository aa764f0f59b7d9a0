/**
 * A request not yet answered is corrected by the referring association (issue 15): its
 * reason, urgency, services asked for and sections shared, while the person's consent
 * still covers the partner; one audit row naming the fields. Once accepted or rejected it
 * never changes (409, translated), also when the correction and the acceptance race.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseReferrals } from "../../../db/schema";
import { makeUser } from "../../factories";
import {
  caseOfA,
  correctionForm,
  correctionsOf,
  postReferral,
  useTwoAssociations,
  withdrawConsent,
  staleFlags,
} from "./setup";

const { t, app, s } = useTwoAssociations();

async function referralOf(caseId: string) {
  const [row] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, caseId));
  return row!;
}

const corrections = (caseId: string) => correctionsOf(t.db, caseId, "protection.referral.correct");

/** A case of A referred to B (pending), sharing the identity, asking for medical care and shelter. */
async function pendingReferral() {
  const c = await caseOfA(t.db, s);
  expect((await postReferral(s, c.id, { share: ["identity"] })).status).toBe(302);
  const r = await referralOf(c.id);
  const path = `/protection/cases/${c.id}/referrals/${r.id}`;
  const { html, version } = await correctionForm(s.clients.workerA, path);
  return { c, r, path, html, version };
}

const correction = (version: string, overrides: Record<string, string | string[]> = {}) => ({
  version,
  reason: "safety",
  urgency: "emergency",
  services: ["legal"],
  share: ["identity", "services"],
  ...overrides,
});

describe("correcting a referral still pending", () => {
  it("changes its reason, urgency, services and sections, audited by field name", async () => {
    const { c, r, path, html, version } = await pendingReferral();
    // the form starts from the request as sent
    expect(html).toContain('<option value="specialised_service" selected="">');
    expect(html).toContain('name="services" checked="" value="shelter"');
    expect(html).toContain('name="services" value="legal"/>');
    expect(html).toContain('name="share" checked="" value="identity"');
    const done = await s.clients.workerA.post(path, correction(version));
    expect(done.status).toBe(302);
    const row = await referralOf(c.id);
    expect(row).toMatchObject({
      status: "pending",
      reason: "safety",
      urgency: "emergency",
      requestedServices: ["legal"],
      shareIdentity: true,
      shareServices: true,
      shareNotes: false,
    });
    const [entry, ...more] = await corrections(c.id);
    expect(more).toEqual([]);
    expect([...entry!.fields!].sort()).toEqual(["reason", "services", "shareServices", "urgency"]);
    expect(row.id).toBe(r.id);
    // the receiving association sees the corrected request
    const list = await (await s.clients.workerB.get("/protection/referrals")).text();
    expect(list).toContain("sécurité de la personne");
  });

  it("a page refused as stale keeps what was typed, flags where the request now says otherwise, and saves the second time", async () => {
    const { c, path, version } = await pendingReferral();
    // the supervisor corrects first: safety, emergency, legal help, identity and services shared
    expect((await s.clients.supervisorA.post(path, correction(version))).status).toBe(302);
    // the case worker's page still holds the request as sent: a new reason; the urgency and the
    // services typed to what the supervisor set; the identity alone shared
    const typed = correction(version, { reason: "capacity", services: ["legal"], share: ["identity"] });
    const refused = await s.clients.workerA.post(path, typed);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("Quelqu&#x27;un a corrigé ce dossier");
    // what was typed stays
    expect(html).toContain('<option value="capacity" selected="">');
    expect(html).toContain('name="share" checked="" value="identity"');
    expect(html).toContain('name="share" value="services"/>');
    // flagged: the reason and the sections (the request says otherwise now); not the urgency
    // nor the services, typed to what the request now holds
    const { flagged, onFile } = staleFlags(html);
    expect(flagged).toEqual(["reason", "share"]);
    // beside each, what the request holds now, in the reader's words
    expect(onFile).toEqual({
      reason: "Actuellement au dossier\u00a0: sécurité de la personne",
      share: "Actuellement au dossier\u00a0: Identité (nom, âge, contact, documents, foyer), Services reçus",
    });
    // nothing changed by the refused post: one correction, the supervisor's
    expect(await corrections(c.id)).toHaveLength(1);
    expect(await referralOf(c.id)).toMatchObject({ reason: "safety", shareServices: true });
    // the form now carries the request's current version: sent again as it stands, it saves
    const again = /name="version" value="([^"]+)"/.exec(html)![1]!;
    expect(again).not.toBe(version);
    expect((await s.clients.workerA.post(path, { ...typed, version: again })).status).toBe(302);
    expect(await referralOf(c.id)).toMatchObject({
      status: "pending",
      reason: "capacity",
      urgency: "emergency",
      requestedServices: ["legal"],
      shareIdentity: true,
      shareServices: false,
    });
    const audited = await corrections(c.id);
    expect(audited).toHaveLength(2);
    expect(audited.map((a) => [...a.fields!].sort())).toContainEqual(["reason", "shareServices"]);
  });

  it("refuses bad input, another association and other roles; changes nothing", async () => {
    const { c, path, version } = await pendingReferral();
    const before = await referralOf(c.id);
    const bad = await s.clients.workerA.post(path, correction(version, { reason: "whim", services: ["nothing"] }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choisissez le motif de la demande.");
    expect(html).toContain('class="error-summary"');
    // the receiving association reads the request, it does not correct it
    expect((await s.clients.workerB.get(path)).status).toBe(403);
    expect((await s.clients.workerB.post(path, correction(version))).status).toBe(403);
    // under another case of A: not found
    const other = await caseOfA(t.db, s);
    expect((await s.clients.workerA.get(`/protection/cases/${other.id}/referrals/${before.id}`)).status).toBe(404);
    const coach = await makeUser(t.db, { role: "coach" });
    expect((await (await app.signedIn(coach.email!)).post(path, correction(version))).status).toBe(403);
    expect(await referralOf(c.id)).toEqual(before);
    expect(await corrections(c.id)).toEqual([]);
  });

  it("is refused once accepted or rejected (409, translated) and once the consent no longer covers it", async () => {
    for (const decision of ["accept", "reject"] as const) {
      const { c, r, path, version } = await pendingReferral();
      if (decision === "accept")
        expect(
          (await s.clients.workerB.post("/protection/referrals", { referralId: r.id, decision, confirm: decision }))
            .status,
        ).toBe(302);
      else
        await t.db
          .update(caseReferrals)
          .set({ status: "rejected", decidedAt: new Date(), decidedById: s.workerB.id })
          .where(eq(caseReferrals.id, r.id));
      const before = await referralOf(c.id);
      const page = await s.clients.workerA.get(path);
      expect(page.status).toBe(409);
      expect(await page.text()).toContain("Cette demande a déjà reçu une réponse");
      const post = await s.clients.workerA.post(path, correction(version));
      expect(post.status).toBe(409);
      expect(await post.text()).toContain("Cette demande a déjà reçu une réponse");
      expect(await referralOf(c.id)).toEqual(before);
      expect(await corrections(c.id)).toEqual([]);
    }
    const { c, path, version } = await pendingReferral();
    expect((await withdrawConsent(s, c.id)).status).toBe(302);
    const before = await referralOf(c.id);
    const post = await s.clients.workerA.post(path, correction(version));
    expect(post.status).toBe(409);
    expect(await post.text()).toContain("le consentement de la personne ne la couvre plus");
    expect(await referralOf(c.id)).toEqual(before);
  });

  it("racing an acceptance: two corrections and an accept at once never leave an accepted request edited", async () => {
    for (let round = 0; round < 4; round++) {
      const { c, r, path, version } = await pendingReferral();
      const [one, two, accept] = await Promise.all([
        s.clients.workerA.post(path, correction(version, { urgency: "routine" })),
        s.clients.supervisorA.post(path, correction(version, { urgency: "emergency", reason: "capacity" })),
        s.clients.workerB.post("/protection/referrals", { referralId: r.id, decision: "accept" }),
      ]);
      expect(accept.status).toBe(302);
      const statuses = [one.status, two.status];
      // at most one correction, made before the acceptance; the others refused, never a 500
      expect(statuses.every((x) => x === 302 || x === 409)).toBe(true);
      expect(statuses.filter((x) => x === 302).length).toBeLessThanOrEqual(1);
      const row = await referralOf(c.id);
      expect(row.status).toBe("accepted");
      const audited = await corrections(c.id);
      expect(audited).toHaveLength(statuses.filter((x) => x === 302).length);
      const fields = { reason: row.reason, urgency: row.urgency };
      if (one.status === 302) expect(fields).toEqual({ reason: "safety", urgency: "routine" });
      else if (two.status === 302) expect(fields).toEqual({ reason: "capacity", urgency: "emergency" });
      else expect(fields).toEqual({ reason: "specialised_service", urgency: "urgent" });
      // afterwards, no correction gets through
      expect((await s.clients.workerA.post(path, correction(version))).status).toBe(409);
      expect(await referralOf(c.id)).toEqual(row);
    }
  });
});
