/**
 * A service is corrected by the case workers of the association that recorded it, the
 * one who wrote it or another (issue 15): its fields as entered, the free text sealed
 * again, one audit row naming the fields changed and holding none of the values. Another
 * association's service, another association's case, bad input, a stale page and an
 * anonymised case change nothing.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../../app/i18n/translate";
import { beneficiaryCases, caseServices } from "../../../db/schema";
import { openService } from "../../../app/modules/protection/identity.server";
import { decrypt } from "../../../app/modules/protection/crypto.server";
import { makeUser } from "../../factories";
import { makeService } from "../../factories/protection";
import { caseOfA, correctionForm, correctionsOf, referralAcceptedByB, useTwoAssociations, staleFlags } from "./setup";
import { blankedAuditText } from "../../helpers/audit-text";

const { t, app, s } = useTwoAssociations();

async function serviceRow(serviceId: string) {
  const [row] = await t.db.select().from(caseServices).where(eq(caseServices.id, serviceId));
  return row!;
}

const corrections = (caseId: string) => correctionsOf(t.db, caseId, "protection.service.%.correct");

/** A hospital referral recorded by A's case worker through the form, on a case of A. */
async function hospitalReferralOfA() {
  const c = await caseOfA(t.db, s);
  const recorded = await s.clients.workerA.post(
    `/protection/cases/${c.id}/services/new?kind=hospital_referral`,
    hospitalReferral,
  );
  expect(recorded.status).toBe(302);
  const [row] = await t.db.select().from(caseServices).where(eq(caseServices.caseId, c.id));
  return { c, service: row!, path: `/protection/cases/${c.id}/services/${row!.id}` };
}

/** The hospital referral as first recorded; `hospital` is its correction form. */
const hospitalReferral = {
  kind: "hospital_referral",
  serviceDate: "2026-11-02",
  facility: "Hôpital Ibn Sina Maternité",
  specialty: "Obstétrique",
  urgency: "urgent",
  followUpDate: "2026-11-20",
  provider: "Dr Alaoui",
  cost: "150",
  notes: "Suivi de grossesse",
};

const hospital = (version: string, overrides: Record<string, string> = {}) => ({
  version,
  ...hospitalReferral,
  ...overrides,
});

describe("correcting a service", () => {
  it("by another case worker of the same association: the fields as entered, audited by name only", async () => {
    const { c, service, path } = await hospitalReferralOfA();
    // the supervisor did not write it: any case worker of the association corrects it
    const { html, version } = await correctionForm(s.clients.supervisorA, path);
    expect(html).toContain('value="Hôpital Ibn Sina Maternité"');
    expect(html).toContain('value="2026-11-20"');
    expect(html).toContain('value="150"');
    const done = await s.clients.supervisorA.post(
      path,
      hospital(version, { facility: "CHU Avicenne", provider: "", cost: "175.50", followUpDate: "2026-11-27" }),
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/protection/cases/${c.id}#services`);
    const row = await serviceRow(service.id);
    const opened = openService(row);
    expect(opened.details).toMatchObject({ facility: "CHU Avicenne", specialty: "Obstétrique", urgency: "urgent" });
    expect(opened.provider).toBeNull();
    expect(row.costCentimes).toBe(17550);
    expect(row.dueDate).toBe("2026-11-27");
    expect(row.status).toBe(service.status);
    expect(decrypt(row.notesEnc!)).toBe("Suivi de grossesse");
    // the free text stays sealed
    expect(JSON.stringify(row.details)).not.toContain("Avicenne");

    const [entry, ...more] = await corrections(c.id);
    expect(more).toEqual([]);
    expect(entry!.action).toBe("protection.service.hospital_referral.correct");
    expect(entry!.actorId).toBe(s.supervisorA.id);
    expect([...entry!.fields!].sort()).toEqual(["cost", "facility", "followUpDate", "provider"]);
    const written = blankedAuditText(entry);
    for (const value of ["Avicenne", "Ibn Sina", "Alaoui", "175", "2026-11-27"]) expect(written).not.toContain(value);

    const page = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain("CHU Avicenne");
    expect(page).toContain(`/services/${service.id}`);
  });

  it("writes nothing when nothing changed", async () => {
    const { c, service, path } = await hospitalReferralOfA();
    const before = await serviceRow(service.id);
    const { version } = await correctionForm(s.clients.workerA, path);
    expect((await s.clients.workerA.post(path, hospital(version))).status).toBe(302);
    expect(await serviceRow(service.id)).toEqual(before);
    expect(await corrections(c.id)).toEqual([]);
  });

  it("refuses bad input with translated errors, keeps what was typed, changes nothing", async () => {
    const c = await caseOfA(t.db, s);
    const shelter = await makeService(t.db, {
      caseId: c.id,
      kind: "shelter",
      serviceDate: "2026-11-01",
      status: "open",
      recordedById: s.workerA.id,
      details: { place: "Foyer Hay Riad", checkIn: "2026-11-01", checkOut: "2026-11-05", nights: 4 },
    });
    const path = `/protection/cases/${c.id}/services/${shelter.id}`;
    const before = await serviceRow(shelter.id);
    const { version } = await correctionForm(s.clients.workerA, path);
    const shelterForm = {
      version,
      kind: "shelter",
      serviceDate: "2026-11-01",
      place: "Foyer Typé",
      checkIn: "2026-11-10",
      checkOut: "2026-11-05",
    };
    const refused = await s.clients.workerA.post(path, shelterForm);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain("Le départ ne peut pas précéder l&#x27;arrivée.");
    expect(html).toContain('value="Foyer Typé"');
    // a service is not turned into another kind
    const otherKind = await s.clients.workerA.post(path, { version, kind: "legal", serviceDate: "2026-11-01" });
    expect(otherKind.status).toBe(400);
    expect(await serviceRow(shelter.id)).toEqual(before);
    expect(await corrections(c.id)).toEqual([]);

    // corrected dates recount the nights
    const fixed = await s.clients.workerA.post(path, { ...shelterForm, checkIn: "2026-11-02" });
    expect(fixed.status).toBe(302);
    const row = await serviceRow(shelter.id);
    expect(row.details).toMatchObject({ checkIn: "2026-11-02", checkOut: "2026-11-05", nights: 3 });
  });

  it("belongs to the association that recorded it: a partner corrects its own, never the owner's, and the reverse", async () => {
    const { c, service, path } = await hospitalReferralOfA();
    await referralAcceptedByB(t.db, s, c.id, { shareServices: true });
    const ofB = await makeService(t.db, {
      caseId: c.id,
      kind: "legal",
      serviceDate: "2026-11-03",
      status: "open",
      recordedById: s.workerB.id,
      details: { legalType: "documents" },
    });
    const pathOfB = `/protection/cases/${c.id}/services/${ofB.id}`;
    const before = [await serviceRow(service.id), await serviceRow(ofB.id)];
    const { version } = await correctionForm(s.clients.workerA, path);
    expect((await s.clients.workerB.get(path)).status).toBe(403);
    expect((await s.clients.workerB.post(path, hospital(version, { facility: "Par B" }))).status).toBe(403);
    const { version: versionOfB } = await correctionForm(s.clients.workerB, pathOfB);
    expect((await s.clients.workerA.get(pathOfB)).status).toBe(403);
    const legal = { version: versionOfB, kind: "legal", serviceDate: "2026-11-03", legalType: "court" };
    expect((await s.clients.workerA.post(pathOfB, legal)).status).toBe(403);
    const coach = await makeUser(t.db, { role: "coach" });
    expect((await (await app.signedIn(coach.email!)).post(pathOfB, legal)).status).toBe(403);
    expect([await serviceRow(service.id), await serviceRow(ofB.id)]).toEqual(before);
    // B corrects its own
    expect((await s.clients.workerB.post(pathOfB, legal)).status).toBe(302);
    expect((await serviceRow(ofB.id)).details).toMatchObject({ legalType: "court" });
  });

  it("is not found from another association, nor under another case", async () => {
    const { service, path } = await hospitalReferralOfA();
    const { version } = await correctionForm(s.clients.workerA, path);
    expect((await s.clients.workerB.get(path)).status).toBe(404);
    expect((await s.clients.workerB.post(path, hospital(version, { facility: "Par B" }))).status).toBe(404);
    const other = await caseOfA(t.db, s);
    expect((await s.clients.workerA.get(`/protection/cases/${other.id}/services/${service.id}`)).status).toBe(404);
  });

  it("a page refused as stale keeps what was typed, flags where the file says otherwise, and saves the second time", async () => {
    const { service, path } = await hospitalReferralOfA();
    const { version } = await correctionForm(s.clients.workerA, path);
    const other = { urgency: "emergency", followUpDate: "2026-11-27", cost: "180" };
    expect((await s.clients.supervisorA.post(path, hospital(version, other))).status).toBe(302);
    // the stale page: a new specialty; the urgency typed to what the file now says, the cost
    // too in another shape; the follow-up date as the page had it
    const typed = { specialty: "Cardiologie", urgency: "emergency", cost: "180.00" };
    const refused = await s.clients.workerA.post(path, hospital(version, typed));
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("Quelqu&#x27;un a corrigé ce dossier");
    // what was typed stays
    expect(html).toMatch(/name="specialty"[^>]*value="Cardiologie"/);
    expect(html).toMatch(/name="cost"[^>]*value="180.00"/);
    // flagged: the specialty (typed) and the follow-up date (changed on file); not the
    // urgency nor the cost, typed to what the file now holds; the facility is not
    const { flagged, onFile } = staleFlags(html);
    expect(flagged).toEqual(["followUpDate", "specialty"]);
    // beside each, what the file holds now, a date in the reader's language
    expect(onFile).toEqual({
      specialty: "Actuellement au dossier\u00a0: Obstétrique",
      followUpDate: `Actuellement au dossier\u00a0: ${formatDate("fr", "2026-11-27")}`,
    });
    // the form now carries the service's current version: sent again as it stands, it saves
    const again = /name="version" value="([^"]+)"/.exec(html)![1]!;
    expect(again).not.toBe(version);
    const saved = await s.clients.workerA.post(path, hospital(again, typed));
    expect(saved.status).toBe(302);
    const row = await serviceRow(service.id);
    const details = openService(row).details;
    expect([details.specialty, details.urgency, row.costCentimes, row.dueDate]).toEqual([
      "Cardiologie",
      "emergency",
      18000,
      "2026-11-20",
    ]);
  });

  it("refuses a stale page and an anonymised case", async () => {
    const { c, service, path } = await hospitalReferralOfA();
    const { version } = await correctionForm(s.clients.workerA, path);
    const [one, two] = await Promise.all([
      s.clients.workerA.post(path, hospital(version, { specialty: "Cardiologie" })),
      s.clients.supervisorA.post(path, hospital(version, { urgency: "emergency" })),
    ]);
    expect([one.status, two.status].sort()).toEqual([302, 409]);
    expect(await corrections(c.id)).toHaveLength(1);
    const details = openService(await serviceRow(service.id)).details;
    expect(details.specialty === "Cardiologie").toBe(details.urgency === "urgent");

    await t.db.update(beneficiaryCases).set({ anonymisedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    const before = await serviceRow(service.id);
    const page = await s.clients.workerA.get(path);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain("Ce dossier est anonymisé\u00a0: il ne peut plus être corrigé.");
    const post = await s.clients.workerA.post(path, hospital(version, { specialty: "Après" }));
    expect(post.status).toBe(409);
    expect(await serviceRow(service.id)).toEqual(before);
  });
});
