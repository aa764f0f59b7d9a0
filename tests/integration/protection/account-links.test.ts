/**
 * Linking a case file to the applicant account of the same person (issue 15): consent
 * required (who, when, the notice's language), audited; unlinked with a reason; shown to
 * the case's own association only; what it enables (acting for the person at the
 * office). And the duplicate check across associations and accounts: identity only, a
 * yes or no about another association's files, never which or whose.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, beneficiaryCases, caseAccountLinks, coachAssignments, profiles } from "../../../db/schema";
import { asActor, makeUser } from "../../factories";
import { possibleMatchElsewhere } from "~/modules/protection/duplicates.server";
import {
  documentHashes,
  nameWordHashes,
  openCase,
  phoneHashes,
  sealIdentity,
  storedPersonHashes,
} from "~/modules/protection/identity.server";
import type { PersonKey } from "~/modules/protection/rules";
import {
  caseIdFrom,
  caseOfA,
  correctionForm,
  postReferral,
  referralAcceptedByB,
  registration,
  useTwoAssociations,
} from "./setup";

const { t, app, s } = useTwoAssociations();

const link = (caseId: string, fields: Record<string, string>) =>
  s.clients.workerA.post(`/protection/cases/${caseId}/account`, { intent: "link", ...fields });

async function applicant(phone: string) {
  return makeUser(t.db, { role: "applicant", phone, displayName: `Applicant ${phone.slice(-4)}` });
}

const auditRows = (caseId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, action)));

describe("linking a case to an applicant account", () => {
  it("needs the person's consent and a known account; refused, it changes nothing", async () => {
    const c = await caseOfA(t.db, s);
    const person = await applicant("+212677100001");
    const noConsent = await link(c.id, { account: "0677100001", noticeLanguage: "ary" });
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain("Sans l&#x27;accord de la personne");
    const unknown = await link(c.id, { account: "0677999999", noticeLanguage: "ary", consent: "on" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Aucun compte candidat");
    const noLanguage = await link(c.id, { account: "0677100001", consent: "on" });
    expect(noLanguage.status).toBe(400);
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(row!.applicantUserId).toBeNull();
    expect(await t.db.select().from(caseAccountLinks).where(eq(caseAccountLinks.caseId, c.id))).toEqual([]);
    expect(await auditRows(c.id, "protection.case.link_account")).toEqual([]);
    expect(person.id).toBeTruthy();
  });

  it("records who linked, when and in which language, audits it, and shows it to the own association only", async () => {
    const c = await caseOfA(t.db, s);
    const person = await applicant("+212677100002");
    const linked = await link(c.id, { account: "06 77 10 00 02", noticeLanguage: "bm", consent: "on" });
    expect(linked.status).toBe(302);
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(row!.applicantUserId).toBe(person.id);
    const [history] = await t.db.select().from(caseAccountLinks).where(eq(caseAccountLinks.caseId, c.id));
    expect(history).toMatchObject({
      userId: person.id,
      linkedById: s.workerA.id,
      noticeLanguage: "bm",
      unlinkedAt: null,
    });
    const [audit] = await auditRows(c.id, "protection.case.link_account");
    expect(audit!.actorId).toBe(s.workerA.id);

    const own = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(own).toContain('data-testid="linked-account"');
    expect(own).toContain(person.displayName);
    expect(own).toMatch(/Lié par .* le .*, notice lue en (<!-- -->)?Bambara/);
    // in Arabic the language's name keeps its own article: never "بـال…"
    const arabic = await app.signedIn(s.workerA.email!);
    await arabic.post("/lang", { lng: "ar", redirectTo: "/home" });
    const ownAr = (await (await arabic.get(`/protection/cases/${c.id}`)).text()).replace(/<!-- -->/g, "");
    expect(ownAr).toMatch(/ولغة قراءة الإشعار: [^<]+\./);
    expect(ownAr).not.toContain("بـال");
    await arabic.post("/lang", { lng: "fr", redirectTo: "/home" });

    // a partner reading the shared identity learns nothing of the account
    expect((await postReferral(s, c.id, { share: ["identity"] })).status).toBe(302);
    const partner = await s.clients.workerB.get(`/protection/cases/${c.id}`);
    expect(partner.status).toBe(200);
    const partnerHtml = await partner.text();
    expect(partnerHtml).toContain(c.firstName);
    expect(partnerHtml).not.toContain("linked-account");
    expect(partnerHtml).not.toContain(person.displayName);
    expect(partnerHtml).not.toContain('id="account"');
  });

  it("lets the association's case workers act for the person, and nobody else learns of the case", async () => {
    const c = await caseOfA(t.db, s);
    const person = await applicant("+212677100003");
    const page = `/office/people/${person.id}`;
    expect((await s.clients.workerA.get(page)).status).toBe(404);
    expect((await link(c.id, { account: "+212677100003", noticeLanguage: "fr", consent: "on" })).status).toBe(302);
    expect((await s.clients.workerA.get(page)).status).toBe(200);
    expect(await (await s.clients.workerA.get("/office")).text()).toContain(person.displayName);
    // another association's case worker: as if the person did not exist
    expect((await s.clients.workerB.get(page)).status).toBe(404);
    // the person's coach acts for them, and reads nothing of the case
    const coach = await makeUser(t.db, { role: "coach" });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
    const coachClient = await app.signedIn(coach.email!);
    const coachView = await coachClient.get(page);
    expect(coachView.status).toBe(200);
    const coachHtml = await coachView.text();
    for (const secret of [c.reference, c.id, s.orgA.name, "/protection/"]) expect(coachHtml).not.toContain(secret);
    // the case file answers as any other id does
    const unknownId = "00000000-0000-4000-8000-000000000000";
    const coachCase = await coachClient.get(`/protection/cases/${c.id}`);
    expect(coachCase.status).toBe((await coachClient.get(`/protection/cases/${unknownId}`)).status);
    // the committee neither
    const member = await makeUser(t.db, { role: "committee_member" });
    const memberClient = await app.signedIn(member.email!);
    expect((await memberClient.get(page)).status).toBe((await memberClient.get(`/office/people/${unknownId}`)).status);
    expect((await memberClient.get(`/protection/cases/${c.id}`)).status).toBe(
      (await memberClient.get(`/protection/cases/${unknownId}`)).status,
    );
    // and the person's own pages say nothing of it (someone else may be holding their phone)
    const own = await (await app.signedIn(person.phone!)).get("/");
    const ownHtml = await own.text();
    for (const secret of [c.reference, s.orgA.name]) expect(ownHtml).not.toContain(secret);
  });

  it("unlinks with a reason, audited, and the case worker no longer acts for the person", async () => {
    const c = await caseOfA(t.db, s);
    const person = await applicant("+212677100004");
    expect((await link(c.id, { account: "0677100004", noticeLanguage: "wo", consent: "on" })).status).toBe(302);
    const noReason = await s.clients.workerA.post(`/protection/cases/${c.id}/account`, {
      intent: "unlink",
      reason: "bored",
    });
    expect(noReason.status).toBe(400);
    const unlinked = await s.clients.workerA.post(`/protection/cases/${c.id}/account`, {
      intent: "unlink",
      reason: "wrong_person",
    });
    expect(unlinked.status).toBe(302);
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(row!.applicantUserId).toBeNull();
    const [history] = await t.db.select().from(caseAccountLinks).where(eq(caseAccountLinks.caseId, c.id));
    expect(history).toMatchObject({ unlinkedById: s.workerA.id, unlinkReason: "wrong_person" });
    expect(history!.unlinkedAt).toBeInstanceOf(Date);
    expect(await auditRows(c.id, "protection.case.unlink_account")).toHaveLength(1);
    // the person's export (asked of a supervisor) holds the link: who linked, when, the notice's language, its end
    const exported = await (await s.clients.supervisorA.get(`/protection/cases/${c.id}/export.json`)).json();
    expect(exported.accountLinks).toEqual([
      {
        linkedAt: history!.linkedAt.toISOString(),
        linkedBy: s.workerA.displayName,
        noticeLanguage: "wo",
        unlinkedAt: history!.unlinkedAt!.toISOString(),
        unlinkedBy: s.workerA.displayName,
        unlinkReason: "wrong_person",
      },
    ]);
    expect((await s.clients.workerA.get(`/office/people/${person.id}`)).status).toBe(404);
    // another association cannot link or unlink A's case
    expect(
      (await s.clients.workerB.post(`/protection/cases/${c.id}/account`, { intent: "unlink", reason: "wrong_person" }))
        .status,
    ).toBe(404);
    const byB = await s.clients.workerB.post(`/protection/cases/${c.id}/account`, {
      intent: "link",
      account: "0677100004",
      noticeLanguage: "fr",
      consent: "on",
    });
    expect(byB.status).toBe(404);
  });

  it("of many case workers linking one case at once, exactly one wins", async () => {
    const c = await caseOfA(t.db, s);
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => applicant(`+2126772000${10 + i}`)));
    const answers = await Promise.all(
      people.map((p, i) =>
        (i % 2 ? s.clients.workerA : s.clients.supervisorA).post(`/protection/cases/${c.id}/account`, {
          intent: "link",
          account: p.phone!,
          noticeLanguage: "fr",
          consent: "on",
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 302)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 400)).toHaveLength(9);
    const live = await t.db
      .select()
      .from(caseAccountLinks)
      .where(and(eq(caseAccountLinks.caseId, c.id), isNull(caseAccountLinks.unlinkedAt)));
    expect(live).toHaveLength(1);
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(row!.applicantUserId).toBe(live[0]!.userId);
  });

  it("anonymising the case removes its link and the link's history", async () => {
    const c = await caseOfA(t.db, s);
    await applicant("+212677100005");
    expect((await link(c.id, { account: "0677100005", noticeLanguage: "fr", consent: "on" })).status).toBe(302);
    const done = await s.clients.supervisorA.post(`/protection/cases/${c.id}`, {
      intent: "anonymise",
      confirm: "anonymise",
    });
    expect(done.status).toBe(302);
    expect(await t.db.select().from(caseAccountLinks).where(eq(caseAccountLinks.caseId, c.id))).toEqual([]);
  });
});

describe("duplicates across associations and accounts", () => {
  it("tells association A a possible match exists in B, by phone, with nothing of B's file", async () => {
    const inB = await caseOfA(t.db, s, {
      organisationId: s.orgB.id,
      createdById: s.workerB.id,
      firstName: "Kadiatou",
      lastName: "Camara",
      phone: "+212655443322",
    });
    const inA = await caseOfA(t.db, s, { firstName: "Kadi", lastName: "Kamara", phone: "0655443322" });
    const html = await (await s.clients.workerA.get(`/protection/cases/${inA.id}`)).text();
    expect(html).toContain('data-testid="match-elsewhere"');
    expect(html).toContain("Une correspondance possible existe dans une autre association");
    // (B's name is on the page anyway, as a partner a referral may go to: it says nothing of the person)
    for (const secret of [inB.reference, inB.id, "Kadiatou", "Camara"]) expect(html).not.toContain(secret);
    // a different person in A: no such notice
    const other = await caseOfA(t.db, s, { firstName: "Someone", lastName: "Else", phone: "0655000111" });
    expect(await (await s.clients.workerA.get(`/protection/cases/${other.id}`)).text()).not.toContain(
      "match-elsewhere",
    );
  });

  it("matches an estimated age within two years and a name folded across scripts, not three years off", async () => {
    await caseOfA(t.db, s, {
      organisationId: s.orgB.id,
      createdById: s.workerB.id,
      firstName: "Ibrahima",
      lastName: "Soumahoro",
      dateOfBirth: null,
      estimatedAge: 40,
    });
    const near = await caseOfA(t.db, s, {
      firstName: "X",
      lastName: "Y",
      nameArabic: "إبراهيما سوماهورو",
      dateOfBirth: null,
      estimatedAge: 42,
    });
    const far = await caseOfA(t.db, s, {
      firstName: "Ibrahima",
      lastName: "Soumahoro",
      dateOfBirth: null,
      estimatedAge: 43,
    });
    expect(await (await s.clients.workerA.get(`/protection/cases/${near.id}`)).text()).toContain("match-elsewhere");
    const farHtml = await (await s.clients.workerA.get(`/protection/cases/${far.id}`)).text();
    expect(farHtml).not.toContain("match-elsewhere");
  });

  it("matches elsewhere by document or by a day of birth written the other way round, never the case itself", async () => {
    const inB = await caseOfA(t.db, s, {
      organisationId: s.orgB.id,
      createdById: s.workerB.id,
      firstName: "Fatoumata",
      lastName: "Diallo",
      dateOfBirth: "1990-04-07",
      documentNumber: "AB 123456",
      phone: null,
    });
    const ask = (person: Partial<PersonKey>, except?: string) =>
      possibleMatchElsewhere(
        t.db,
        asActor(s.workerA),
        {
          firstName: "Fatoumata",
          lastName: "Diallo",
          nameArabic: null,
          dateOfBirth: null,
          estimatedAge: null,
          ...person,
        },
        except,
      );
    expect(await ask({ documentNumber: "ab-123456" })).toBe(true);
    expect(await ask({ dateOfBirth: "1990-07-04" })).toBe(true);
    expect(await ask({ dateOfBirth: "1990-04-07" })).toBe(true);
    expect(await ask({ dateOfBirth: "1991-07-04" })).toBe(false);
    expect(await ask({ firstName: "Awa", lastName: "Sow", dateOfBirth: "1990-04-07" })).toBe(false);
    expect(await ask({ documentNumber: "ab-123456" }, inB.id)).toBe(false);
    // an estimated age against B's date of birth: within two years of 1990, a name word in common
    const aged = (years: number) => ({ dateOfBirth: null, estimatedAge: years, ageGivenIn: 2020 });
    expect(await ask(aged(28))).toBe(true);
    expect(await ask(aged(32))).toBe(true);
    expect(await ask(aged(27))).toBe(false);
    expect(await ask({ ...aged(30), firstName: "Awa", lastName: "Sow" })).toBe(false);
    // B's own workers: a case of their own association is not elsewhere
    expect(
      await possibleMatchElsewhere(t.db, asActor(s.workerB), {
        firstName: "Fatoumata",
        lastName: "Diallo",
        documentNumber: "AB123456",
      }),
    ).toBe(false);
  });

  it("does not count as elsewhere a case whose identity a referral accepted by the reader's association shares", async () => {
    const asB = (documentNumber: string) =>
      possibleMatchElsewhere(t.db, asActor(s.workerB), { firstName: "Néné", lastName: "Bah", documentNumber });
    const shared = await caseOfA(t.db, s, { firstName: "Néné", lastName: "Bah", documentNumber: "CD 900001" });
    const unshared = await caseOfA(t.db, s, { firstName: "Néné", lastName: "Bah", documentNumber: "CD 900002" });
    await referralAcceptedByB(t.db, s, shared.id, { shareIdentity: true });
    await referralAcceptedByB(t.db, s, unshared.id, { shareServices: true });
    // B reads the first one's identity: a case in its reach, not another association's
    expect(await asB("CD900001")).toBe(false);
    expect(await asB("CD900002")).toBe(true);
  });

  it("suggests the applicant accounts that may be the person, to the own association only", async () => {
    const person = await makeUser(t.db, { role: "applicant", displayName: "Mariam Koné (compte)" });
    await t.db
      .insert(profiles)
      .values({ userId: person.id, givenName: "Mariam", familyName: "Koné", birthDate: "1991-06-01" });
    const c = await caseOfA(t.db, s, {
      firstName: "Maryam",
      lastName: "Kone",
      dateOfBirth: null,
      estimatedAge: new Date().getUTCFullYear() - 1990,
    });
    expect((await postReferral(s, c.id, { share: ["identity"] })).status).toBe(302);
    // the accounts that may be the person's: on the account's page, linked from the file
    const file = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(file).toContain(`href="/protection/cases/${c.id}/account"`);
    // the file neither shows nor looks for them (not even in its loader data)
    expect(file).not.toContain("Mariam Koné (compte)");
    const html = await (await s.clients.workerA.get(`/protection/cases/${c.id}/account`)).text();
    expect(html).toContain('data-testid="possible-accounts"');
    expect(html).toContain("Mariam Koné (compte)");
    expect((await s.clients.workerB.get(`/protection/cases/${c.id}/account`)).status).toBe(403);
    const partnerHtml = await (await s.clients.workerB.get(`/protection/cases/${c.id}`)).text();
    expect(partnerHtml).not.toContain("Mariam Koné (compte)");
  });
});

describe("the known-elsewhere check from the hashes a case's row stores", () => {
  const KEY_ONE = process.env.MASAR_ENCRYPTION_KEY!;
  const KEY_TWO = `2:${randomBytes(32).toString("base64")}`;
  afterEach(() => {
    process.env.MASAR_ENCRYPTION_KEY = KEY_ONE;
    delete process.env.MASAR_ENCRYPTION_OLD_KEYS;
  });

  const rowOf = async (caseId: string) => {
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
    return row!;
  };
  /** What the check computes from the decrypted identity (under every key held). */
  const computed = (row: typeof beneficiaryCases.$inferSelect) => {
    const c = openCase(row);
    return {
      phones: phoneHashes(c.phone),
      documents: documentHashes(c.documentNumber),
      names: nameWordHashes([`${c.firstName} ${c.lastName}`, c.nameArabic]),
    };
  };
  /** Seals these cases again under the key now current, as `npm run keys:rotate` does a row. */
  const reseal = async (...ids: string[]) => {
    for (const id of ids)
      await t.db
        .update(beneficiaryCases)
        .set(sealIdentity(openCase(await rowOf(id))))
        .where(eq(beneficiaryCases.id, id));
  };

  it("are what the identity gives, as registered and as corrected, names of every shape", async () => {
    const typed: Record<string, string>[] = [
      {
        firstName: "Aïssatou",
        lastName: "Barry",
        nameArabic: "عائشة باري",
        phone: "06 11 00 01 01",
        documentNumber: "ab-12 34/5",
      },
      { firstName: "Abd al-Lah", lastName: "El Mansouri", phone: "0033 6 12 34 56 78" },
      {
        firstName: "Mamadou",
        lastName: "N'Diaye-Sow",
        nameArabic: "محمد",
        phone: "+224 620 00 00 12",
      },
    ];
    const ids: string[] = [];
    for (const [i, person] of typed.entries()) {
      const created = await s.clients.workerA.post(
        "/protection/cases/new",
        registration({ dateOfBirth: `1961-0${i + 1}-2${i}`, ...person }),
      );
      ids.push(caseIdFrom(created));
    }
    const { version } = await correctionForm(s.clients.workerA, `/protection/cases/${ids[0]}/identity`);
    const corrected = await s.clients.workerA.post(`/protection/cases/${ids[0]}/identity`, {
      version,
      firstName: "Ousmane",
      lastName: "Ould Cheikh",
      nameArabic: "عثمان ولد الشيخ",
      sex: "male",
      dateOfBirth: "1961-01-20",
      nationality: "ML",
      phone: "+212 699-88-77-00",
      documentNumber: "zz 998877",
      householdSize: "1",
    });
    expect(corrected.status).toBe(302);
    for (const id of ids) {
      const row = await rowOf(id);
      const stored = storedPersonHashes(row);
      expect(stored).toEqual(computed(row));
      expect(stored!.names.length).toBeGreaterThan(2);
      expect(stored!.phones).toHaveLength(1);
    }
    expect(openCase(await rowOf(ids[0]!))).toMatchObject({ firstName: "Ousmane", documentNumber: "ZZ998877" });
    expect(storedPersonHashes(await rowOf(ids[0]!))!.documents).toHaveLength(1);
  });

  it("are computed under every key held while a rotation is under way: a case not yet rotated is still found", async () => {
    const phone = "0677300001";
    const inB = await caseOfA(t.db, s, {
      organisationId: s.orgB.id,
      createdById: s.workerB.id,
      firstName: "Rokia",
      lastName: "Traoré",
      phone,
      dateOfBirth: "1980-02-03",
      estimatedAge: null,
    });
    const ofA = await caseOfA(t.db, s, {
      firstName: "Kadi",
      lastName: "Sidibé",
      phone,
      dateOfBirth: "1991-06-07",
      estimatedAge: null,
    });
    const shown = async () =>
      (await (await s.clients.workerA.get(`/protection/cases/${ofA.id}`)).text()).includes("match-elsewhere");
    try {
      expect(storedPersonHashes(await rowOf(ofA.id))).toEqual(computed(await rowOf(ofA.id)));
      expect(await shown()).toBe(true);
      // key 2 current, key 1 kept: A's case is rotated, B's not yet
      process.env.MASAR_ENCRYPTION_KEY = KEY_TWO;
      process.env.MASAR_ENCRYPTION_OLD_KEYS = `1:${KEY_ONE}`;
      await reseal(ofA.id);
      const rotated = await rowOf(ofA.id);
      expect(storedPersonHashes(rotated)).toBeNull();
      // A's stored phone hash is under key 2 only: B's row, under key 1, is found by the key-1 hash
      const person = { ...openCase(rotated), ageGivenIn: 2026 };
      const asA = asActor(s.workerA);
      const onlyStored = { phones: [rotated.phoneHash!], documents: [], names: rotated.nameKeys };
      expect(await possibleMatchElsewhere(t.db, asA, person, ofA.id, onlyStored)).toBe(false);
      expect(await possibleMatchElsewhere(t.db, asA, person, ofA.id)).toBe(true);
      expect(await shown()).toBe(true);
      // the rotation done and key 1 let go: the stored hashes are read again, and still find B's case
      await reseal(inB.id);
      delete process.env.MASAR_ENCRYPTION_OLD_KEYS;
      expect(storedPersonHashes(await rowOf(ofA.id))).toEqual(computed(await rowOf(ofA.id)));
      expect(await shown()).toBe(true);
    } finally {
      // back under key 1, which the other tests of this file hold
      process.env.MASAR_ENCRYPTION_KEY = `1:${KEY_ONE}`;
      process.env.MASAR_ENCRYPTION_OLD_KEYS = KEY_TWO;
      await reseal(ofA.id, inB.id);
    }
  });
});
