/**
 * Internship hosts and offers corrected and closed (issue 15), and acceptances limited by
 * the offer's seats: admins correct hosts and offers, each change one audit row naming the
 * fields; closing goes through its confirmation step, refuses new applications and tells
 * the applicants still waiting; 20 acceptances at once never exceed the seats.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  hostDetails,
  internshipApplications,
  internshipOffers,
  notifications,
  organisations,
} from "../../../db/schema";
import { answerApplication, applyToOffer } from "../../../app/modules/internships/applications.server";
import { closeOffer, correctOffer } from "../../../app/modules/internships/corrections.server";
import { makeUser, uniqueSuffix } from "../../factories";
import { makeHostOffer } from "../../factories/internships";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

/** A joinery in Fès and its six-week offer of `seats` seats. */
function offer(seats = 1) {
  return makeHostOffer(t.db, {
    host: { name: `Menuiserie ${uniqueSuffix()}`, city: "fes" },
    contactName: "Youssef Amrani",
    sector: "construction",
    offer: {
      titleFr: "Aide menuisier",
      titleAr: "مساعد نجار",
      titleEn: "",
      city: "fes",
      startsOn: "2027-04-01",
      durationWeeks: 6,
      seats,
    },
  });
}

async function applicants(offerId: string, n: number, canSignIn = false) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = await makeUser(t.db, canSignIn ? { role: "applicant" } : { role: "applicant", password: null });
    const person = { id: u.id, role: "applicant" as const, organisationId: u.organisationId };
    const result = await applyToOffer(t.db, person, { offerId, beneficiaryId: u.id }, meta);
    if (!result.ok) throw new Error("not applied");
    out.push({ user: u, applicationId: result.id });
  }
  return out;
}

const admin = async () => {
  const u = await makeUser(t.db, { role: "admin" });
  return { user: u, actor: { id: u.id, role: "admin" as const, organisationId: u.organisationId } };
};

async function offerRow(id: string) {
  const [row] = await t.db.select().from(internshipOffers).where(eq(internshipOffers.id, id));
  return row!;
}

const offerForm = (over: Record<string, string | string[]> = {}) => ({
  titleFr: "Aide menuisier en atelier",
  titleAr: "مساعد نجار في ورشة",
  titleEn: "Carpenter's assistant",
  sector: "construction",
  city: "fes",
  startsOn: "2027-04-01",
  durationWeeks: "6",
  stipend: "1 200",
  seats: "3",
  languages: ["fr", "ar"],
  requirementsFr: "",
  ...over,
});

describe("the offer's seats limit acceptances", () => {
  it("20 acceptances at once for 5 seats: exactly 5 accepted and told, 15 refused with the reason", async () => {
    const { offer: o } = await offer(5);
    const people = await applicants(o.id, 20);
    const { actor } = await admin();
    const results = await Promise.all(
      people.map((p) => answerApplication(t.db, actor, { applicationId: p.applicationId, answer: "accepted" }, meta)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(15);
    for (const r of refused)
      expect(r).toMatchObject({ status: 409, errors: { form: "internships.errors.noSeatsLeft" } });
    const accepted = await t.db
      .select()
      .from(internshipApplications)
      .where(and(eq(internshipApplications.offerId, o.id), eq(internshipApplications.status, "accepted")));
    expect(accepted).toHaveLength(5);
    expect((await offerRow(o.id)).acceptedCount).toBe(5);
    const told = await t.db.select().from(notifications).where(eq(notifications.kind, "notify.internshipAccepted"));
    expect(told.filter((n) => people.some((p) => p.user.id === n.userId))).toHaveLength(5);
  });

  it("the database refuses more acceptances than seats even without the service", async () => {
    const { offer: o } = await offer(2);
    await expect(
      t.db.update(internshipOffers).set({ acceptedCount: 3 }).where(eq(internshipOffers.id, o.id)),
    ).rejects.toThrow();
  });

  it("declining needs a reason, which the applicant reads on the offer", async () => {
    const { offer: o } = await offer(2);
    const [p] = await applicants(o.id, 1, true);
    const { user } = await admin();
    const c = await app.signedIn(user.email!);
    const path = `/internships/offers/${o.id}`;
    const step = { intent: "decline", confirm: "decline", applicationId: p!.applicationId, answer: "declined" };
    const bare = await c.post(path, step);
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain("Donnez la raison\u00a0: la personne candidate la lira.");
    const [still] = await t.db
      .select()
      .from(internshipApplications)
      .where(eq(internshipApplications.id, p!.applicationId));
    expect(still!.status).toBe("submitted");
    const done = await c.post(path, { ...step, reason: "Il faut un permis de conduire." });
    expect(done.status).toBe(302);
    const mine = await app.signedIn(p!.user.email!);
    expect(await (await mine.get(path)).text()).toContain("Raison donnée\u00a0: Il faut un permis de conduire.");
  });
});

describe("closing an offer", () => {
  it("goes through its step; then no new application, the waiting applicants told, the accepted kept", async () => {
    const { offer: o } = await offer(3);
    const [kept, waiting1, waiting2] = await applicants(o.id, 3);
    const { user, actor } = await admin();
    await answerApplication(t.db, actor, { applicationId: kept!.applicationId, answer: "accepted" }, meta);
    const c = await app.signedIn(user.email!);
    const path = `/internships/offers/${o.id}`;
    expect(await (await c.get(path)).text()).toContain(`href="${path}?confirm=close"`);
    // a post without the step changes nothing and leads to the step
    const unconfirmed = await c.post(path, { intent: "close" });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe(`${path}?confirm=close`);
    expect((await offerRow(o.id)).isOpen).toBe(true);
    const stepPage = await (await c.get(`${path}?confirm=close`)).text();
    expect(stepPage).toContain("Les 2 candidatures encore en attente ne sont pas retenues");
    const closed = await c.post(`${path}?confirm=close`, { intent: "close", confirm: "close" });
    expect(closed.status).toBe(302);
    expect(closed.headers.get("location")).toBe(`${path}?told=2`);
    const row = await offerRow(o.id);
    expect(row.isOpen).toBe(false);
    expect(row.closedAt).not.toBeNull();
    const statuses = await t.db
      .select({ id: internshipApplications.id, status: internshipApplications.status })
      .from(internshipApplications)
      .where(eq(internshipApplications.offerId, o.id));
    const statusOf = (id: string) => statuses.find((s) => s.id === id)?.status;
    expect(statusOf(kept!.applicationId)).toBe("accepted");
    expect(statusOf(waiting1!.applicationId)).toBe("declined");
    expect(statusOf(waiting2!.applicationId)).toBe("declined");
    for (const w of [waiting1!, waiting2!]) {
      const told = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.user.id), eq(notifications.kind, "notify.internshipOfferClosed")));
      expect(told).toHaveLength(1);
    }
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, o.id));
    expect(audits.find((a) => a.action === "internship.offer.close")?.fields).toEqual(["isOpen"]);
    // a second close tells nobody twice
    expect(await closeOffer(t.db, actor, o.id, meta)).toMatchObject({ status: 409 });
    // a new application is refused, with the reason
    const late = await makeUser(t.db, { role: "applicant" });
    const refused = await applyToOffer(
      t.db,
      { id: late.id, role: "applicant", organisationId: null },
      { offerId: o.id, beneficiaryId: late.id },
      meta,
    );
    expect(refused).toMatchObject({ status: 409, errors: { form: "internships.errors.offerClosed" } });
    const lateClient = await app.signedIn(late.email!);
    const page = await (await lateClient.get(path)).text();
    expect(page).toContain("Cette offre est close\u00a0: elle ne prend plus de candidatures.");
    expect(page).not.toContain('name="motivation"');
    const posted = await lateClient.post(path, { motivation: "Je suis disponible." });
    expect(posted.status).toBe(400);
    expect(
      await t.db.select().from(internshipApplications).where(eq(internshipApplications.beneficiaryId, late.id)),
    ).toHaveLength(0);
  });

  it("a coach may not close an offer (403), even confirmed", async () => {
    const { offer: o } = await offer(3);
    const { client } = await app.asNewUser({ role: "coach" });
    const posted = await client.post(`/internships/offers/${o.id}`, { intent: "close", confirm: "close" });
    expect(posted.status).toBe(403);
    expect((await offerRow(o.id)).isOpen).toBe(true);
  });
});

describe("correcting offers and hosts", () => {
  it("an admin corrects an offer; the audit row names the fields; seats never below the acceptances", async () => {
    const { offer: o } = await offer(3);
    const people = await applicants(o.id, 2);
    const { user, actor } = await admin();
    for (const p of people)
      await answerApplication(t.db, actor, { applicationId: p.applicationId, answer: "accepted" }, meta);
    const c = await app.signedIn(user.email!);
    const path = `/internships/offers/${o.id}/edit`;
    expect(await (await c.get(path)).text()).toContain('value="Aide menuisier"');
    const low = await c.post(path, offerForm({ seats: "1", titleFr: "Titre tapé" }));
    expect(low.status).toBe(409);
    const page = await low.text();
    expect(page).toContain("Plus de candidatures sont déjà acceptées");
    expect(page).toContain('value="Titre tapé"');
    expect((await offerRow(o.id)).titleFr).toBe("Aide menuisier");
    expect((await c.post(path, offerForm({ startsOn: "2027-02-29" }))).status).toBe(400);
    expect((await offerRow(o.id)).startsOn).toBe("2027-04-01");
    const ok = await c.post(path, offerForm());
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(`/internships/offers/${o.id}?done=corrected`);
    expect(await offerRow(o.id)).toMatchObject({
      titleFr: "Aide menuisier en atelier",
      titleEn: "Carpenter's assistant",
      stipendCentimes: 120000,
      seats: 3,
      languages: ["fr", "ar"],
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, "internship.offer.correct")));
    expect(audits).toHaveLength(1);
    expect([...audits[0]!.fields!].sort()).toEqual(["languages", "stipendCentimes", "titleAr", "titleEn", "titleFr"]);
  });

  it("seats reduced while acceptances arrive: the acceptances never exceed the seats", async () => {
    const { actor } = await admin();
    for (let round = 0; round < 4; round++) {
      const { offer: o } = await offer(6);
      const people = await applicants(o.id, 6);
      const input = {
        titleFr: o.titleFr,
        titleAr: o.titleAr,
        titleEn: o.titleEn,
        sector: o.sector,
        city: o.city,
        startsOn: o.startsOn,
        durationWeeks: o.durationWeeks,
        stipend: 0,
        seats: 2,
        requirementsFr: "",
        requirementsAr: "",
        requirementsEn: "",
        languages: [],
      };
      const [reduction, ...answers] = await Promise.all([
        correctOffer(t.db, actor, o.id, input, meta),
        ...people.map((p) =>
          answerApplication(t.db, actor, { applicationId: p.applicationId, answer: "accepted" }, meta),
        ),
      ]);
      const row = await offerRow(o.id);
      const accepted = answers.filter((a) => a.ok).length;
      expect(row.acceptedCount).toBe(accepted);
      expect(row.acceptedCount).toBeLessThanOrEqual(row.seats);
      if (reduction.ok) expect(row.seats).toBe(2);
      else expect(reduction).toMatchObject({ status: 409, errors: { seats: "internships.errors.seatsBelowAccepted" } });
    }
  });

  it("an admin corrects a host; the audit row names the contact's fields, never their values", async () => {
    const { host } = await offer(1);
    const { user } = await admin();
    const c = await app.signedIn(user.email!);
    const path = `/internships/hosts/${host.id}`;
    expect(await (await c.get(path)).text()).toContain('value="Youssef Amrani"');
    const response = await c.post(path, {
      name: host.name,
      city: "meknes",
      sector: "construction",
      contactName: "Youssef Amrani",
      contactPhone: "+212611223344",
      contactEmail: "",
      agreementStatus: "signed",
    });
    expect(response.status).toBe(302);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, host.id));
    const [details] = await t.db.select().from(hostDetails).where(eq(hostDetails.organisationId, host.id));
    expect(org!.city).toBe("meknes");
    expect(details).toMatchObject({ contactPhone: "+212611223344", agreementStatus: "signed" });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, host.id), eq(auditLog.action, "internship.host.correct")));
    expect([...row!.fields!].sort()).toEqual(["agreementStatus", "city", "contactPhone"]);
    expect(JSON.stringify(row)).not.toContain("611223344");
    // another role may not open or post it
    const { client } = await app.asNewUser({ role: "coach" });
    expect((await client.get(path)).status).toBe(403);
    expect(
      (await client.post(path, { name: "Autre", city: "Fès", sector: "construction", contactName: "X" })).status,
    ).toBe(403);
  });
});
