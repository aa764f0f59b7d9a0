/**
 * A case's identity is corrected by its own association's case workers (issue 15): the
 * names, phone, document and household notes sealed again with their keyed hashes (the
 * search and the duplicate check find the corrected values, not the old ones), one audit
 * row naming the fields changed and holding none of the values; bad input, another
 * association, a partner, an anonymised case or a page gone stale change nothing.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { beneficiaryCases } from "../../../db/schema";
import { documentIs, namesMatch, openCase, phoneIs } from "../../../app/modules/protection/identity.server";
import { makeUser } from "../../factories";
import {
  caseOfA,
  correctionForm,
  correctionsOf,
  referralAcceptedByB,
  registration,
  useTwoAssociations,
  staleFlags,
} from "./setup";
import { blankedAuditText } from "../../helpers/audit-text";

const { t, app, s } = useTwoAssociations();

const tag = () => Math.random().toString(36).slice(2, 8);

async function rowOf(caseId: string) {
  const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
  return row!;
}

const corrections = (caseId: string) => correctionsOf(t.db, caseId, "protection.case.correct");

/** The correction form as the page fills it: its values and version. */
const formOf = (client = s.clients.workerA, caseId: string) =>
  correctionForm(client, `/protection/cases/${caseId}/identity`);

/** A case of A with a full identity to correct. */
async function personOfA() {
  const first = `Mariam${tag()}`;
  const c = await caseOfA(t.db, s, {
    firstName: first,
    lastName: "Kone",
    phone: "+212612345678",
    documentNumber: "ML1234567",
    householdNotes: "Avec son frère",
    city: "rabat",
    nationality: "ML",
    estimatedAge: 24,
    sex: "female",
  });
  return { c, first };
}

function fields(version: string, overrides: Record<string, string> = {}) {
  return {
    version,
    firstName: "Mariam",
    lastName: "Kone",
    sex: "female",
    estimatedAge: "24",
    nationality: "ML",
    phone: "+212612345678",
    documentNumber: "ML1234567",
    city: "rabat",
    householdSize: "1",
    householdNotes: "Avec son frère",
    ...overrides,
  };
}

describe("correcting a case's identity", () => {
  it("seals the corrected identity and its hashes, and audits the field names only", async () => {
    const { c, first } = await personOfA();
    const { html, version } = await formOf(s.clients.workerA, c.id);
    // the form is filled with the current values
    expect(html).toContain(`value="${first}"`);
    expect(html).toContain('value="+212612345678"');
    const done = await s.clients.workerA.post(
      `/protection/cases/${c.id}/identity`,
      fields(version, {
        firstName: first,
        lastName: "Koné Traoré",
        phone: "06 99 88 77 66",
        documentNumber: "ml-7654321",
        city: "sale",
        sex: "other",
        estimatedAge: "",
        dateOfBirth: "2001-03-09",
      }),
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/protection/cases/${c.id}#identity`);

    const row = await rowOf(c.id);
    const opened = openCase(row);
    expect(opened).toMatchObject({
      firstName: first,
      lastName: "Koné Traoré",
      phone: "+212699887766",
      documentNumber: "ML7654321",
      city: "sale",
      sex: "other",
      dateOfBirth: "2001-03-09",
      estimatedAge: null,
      householdNotes: "Avec son frère",
    });
    // the lookups follow: the new phone, document and name find the case, the old ones do not
    const found = async (where: ReturnType<typeof phoneIs>) =>
      (await t.db.select({ id: beneficiaryCases.id }).from(beneficiaryCases).where(where!)).map((r) => r.id);
    expect(await found(phoneIs("0699887766"))).toContain(c.id);
    expect(await found(phoneIs("+212612345678"))).not.toContain(c.id);
    expect(await found(documentIs("ML7654321"))).toContain(c.id);
    expect(await found(documentIs("ML1234567"))).not.toContain(c.id);
    expect(await found(namesMatch("Traoré"))).toContain(c.id);

    const [entry, ...more] = await corrections(c.id);
    expect(more).toEqual([]);
    expect(entry!.actorId).toBe(s.workerA.id);
    expect([...entry!.fields!].sort()).toEqual(
      ["city", "dateOfBirth", "documentNumber", "estimatedAge", "lastName", "phone", "sex"].sort(),
    );
    const written = blankedAuditText(entry);
    for (const value of ["Traoré", "Kone", "699887766", "612345678", "7654321", "1234567", "Salé", "Rabat", "2001"])
      expect(written).not.toContain(value);

    // the case file shows the corrected identity
    const page = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain("Koné Traoré");
    expect(page).toContain("+212699887766");
  });

  it("finds the corrected phone in the duplicate check of a new registration", async () => {
    const { c } = await personOfA();
    const phone = `+2126${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const { version } = await formOf(s.clients.workerA, c.id);
    const done = await s.clients.workerA.post(`/protection/cases/${c.id}/identity`, fields(version, { phone }));
    expect(done.status).toBe(302);
    const registering = await s.clients.workerA.post(
      "/protection/cases/new",
      registration({ firstName: "Autre", lastName: "Personne", phone }),
    );
    expect(registering.status).toBe(409);
    expect(await registering.text()).toContain(c.reference);
  });

  it("writes nothing and no audit row when nothing changed", async () => {
    const { c, first } = await personOfA();
    const before = await rowOf(c.id);
    const { version } = await formOf(s.clients.workerA, c.id);
    const same = await s.clients.workerA.post(
      `/protection/cases/${c.id}/identity`,
      fields(version, { firstName: first, phone: "0612345678" }),
    );
    expect(same.status).toBe(302);
    expect(await rowOf(c.id)).toEqual(before);
    expect(await corrections(c.id)).toEqual([]);
  });

  it("refuses bad input with translated errors, keeps what was typed, changes nothing", async () => {
    const { c } = await personOfA();
    const before = await rowOf(c.id);
    const { version } = await formOf(s.clients.workerA, c.id);
    const refused = await s.clients.workerA.post(
      `/protection/cases/${c.id}/identity`,
      fields(version, { firstName: "", lastName: "Typed Lastname", phone: "not a phone", dateOfBirth: "2999-01-01" }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('value="Typed Lastname"');
    expect(html).toContain('value="not a phone"');
    expect(html).toContain("Indiquez le prénom de la personne (80 caractères au plus).");
    expect(html).toContain("Numéro de téléphone non valide.");
    expect(await rowOf(c.id)).toEqual(before);
    expect(await corrections(c.id)).toEqual([]);
    // in Arabic too
    const ar = await app.signedIn(s.workerA.email!, { "Accept-Language": "ar" });
    const arabic = await ar.post(`/protection/cases/${c.id}/identity`, fields(version, { firstName: "" }));
    expect(arabic.status).toBe(400);
    expect(await arabic.text()).toContain("أدخل الاسم الشخصي (80 حرفًا على الأكثر).");
  });

  it("is refused to another association (404), a partner that accepted a referral (403) and other roles", async () => {
    const { c } = await personOfA();
    const before = await rowOf(c.id);
    const { version } = await formOf(s.clients.workerA, c.id);
    const path = `/protection/cases/${c.id}/identity`;
    expect((await s.clients.workerB.get(path)).status).toBe(404);
    expect((await s.clients.workerB.post(path, fields(version, { lastName: "ParB" }))).status).toBe(404);

    await referralAcceptedByB(t.db, s, c.id, { shareIdentity: true });
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}`)).status).toBe(200);
    expect((await s.clients.workerB.get(path)).status).toBe(403);
    expect((await s.clients.workerB.post(path, fields(version, { lastName: "ParB" }))).status).toBe(403);

    const coach = await makeUser(t.db, { role: "coach" });
    const coachClient = await app.signedIn(coach.email!);
    expect((await coachClient.get(path)).status).toBe(403);
    expect((await coachClient.post(path, fields(version, { lastName: "ParCoach" }))).status).toBe(403);
    expect(await rowOf(c.id)).toEqual(before);
    expect(await corrections(c.id)).toEqual([]);
  });

  it("refuses an anonymised case with a clear message", async () => {
    const { c } = await personOfA();
    const { version } = await formOf(s.clients.workerA, c.id);
    await t.db.update(beneficiaryCases).set({ anonymisedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    const before = await rowOf(c.id);
    const page = await s.clients.workerA.get(`/protection/cases/${c.id}/identity`);
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain("Ce dossier est anonymisé\u00a0: il ne peut plus être corrigé.");
    expect(html).not.toContain('name="firstName"');
    const post = await s.clients.workerA.post(
      `/protection/cases/${c.id}/identity`,
      fields(version, { lastName: "Apres" }),
    );
    expect(post.status).toBe(409);
    expect(await post.text()).toContain("Ce dossier est anonymisé");
    expect(await rowOf(c.id)).toEqual(before);
  });

  it("of two corrections made from the same page at once, saves one and refuses the other as stale", async () => {
    const { c, first } = await personOfA();
    const { version } = await formOf(s.clients.workerA, c.id);
    const path = `/protection/cases/${c.id}/identity`;
    const [one, two] = await Promise.all([
      s.clients.workerA.post(path, fields(version, { firstName: first, lastName: "Premiere" })),
      s.clients.supervisorA.post(path, fields(version, { firstName: first, city: "tanger" })),
    ]);
    expect([one.status, two.status].sort()).toEqual([302, 409]);
    const refused = one.status === 409 ? one : two;
    expect(await refused.text()).toContain("Quelqu&#x27;un a corrigé ce dossier");
    const opened = openCase(await rowOf(c.id));
    // exactly one of the two, whole: the other did not undo it
    const kept = one.status === 302 ? { lastName: "Premiere", city: "rabat" } : { lastName: "Kone", city: "tanger" };
    expect({ lastName: opened.lastName, city: opened.city }).toEqual(kept);
    expect(await corrections(c.id)).toHaveLength(1);
  });

  it("keeps what a stale form typed, flags the fields the file now says otherwise, and saves it sent again", async () => {
    const { c, first } = await personOfA();
    const { version } = await formOf(s.clients.workerA, c.id);
    const path = `/protection/cases/${c.id}/identity`;
    // another case worker corrects the town, the nationality and the household notes first
    const other = { firstName: first, city: "tanger", nationality: "SN", householdNotes: "Avec sa soeur" };
    expect((await s.clients.supervisorA.post(path, fields(version, other))).status).toBe(302);
    // the stale page: a new last name; the town typed to what the file now says; the phone
    // on file typed in another shape; the nationality and notes as the page had them
    const typed = { firstName: first, lastName: "Kone Traore", city: "tanger", phone: "06 12 34 56 78" };
    const stale = await s.clients.workerA.post(path, fields(version, typed));
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Ce que vous avez saisi est gardé ci-dessous");
    expect(html).toContain('value="Kone Traore"');
    expect(html).toContain('value="06 12 34 56 78"');
    // flagged where the file now says otherwise than what was typed: the last name (typed),
    // the nationality and the notes (changed on file); not the town nor the phone (the same)
    const { flagged, onFile } = staleFlags(html);
    expect(flagged).toEqual(["householdNotes", "lastName", "nationality"]);
    // beside each, what the file holds now, as the form shows it (the country by its name)
    expect(onFile).toEqual({
      lastName: "Actuellement au dossier\u00a0: Kone",
      nationality: "Actuellement au dossier\u00a0: Sénégal",
      householdNotes: "Actuellement au dossier\u00a0: Avec sa soeur",
    });
    // the form now carries the file's version: sent again as it stands, it saves
    const again = /name="version" value="([^"]+)"/.exec(html)?.[1];
    expect(again).toBeTruthy();
    expect(again).not.toBe(version);
    const saved = await s.clients.workerA.post(path, fields(again!, typed));
    expect(saved.status).toBe(302);
    expect(openCase(await rowOf(c.id))).toMatchObject({
      lastName: "Kone Traore",
      city: "tanger",
      nationality: "ML",
      phone: "+212612345678",
      householdNotes: "Avec son frère",
    });
    const audited = await corrections(c.id);
    expect(audited).toHaveLength(2);
    // the second correction names what it changed back and the last name, never the phone
    expect(audited.map((a) => [...a.fields!].sort())).toContainEqual(["householdNotes", "lastName", "nationality"]);
  });
});
