/**
 * Issue 15, correct and close: a decision's receipt recorded for a person is corrected
 * (the day, how) or undone by staff who may act for the person, always with a reason;
 * one audit row names the fields and the reason's code, never the values.
 */
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  actsForPeople,
  auditLog,
  coachAssignments,
  grantApplications,
  notifications,
  outbox,
  users,
} from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { formatDate } from "../../../app/i18n/translate";
import { changeDecisionReceived, recordDecisionReceived } from "../../../app/modules/office/service.server";
import { receiptFieldsChanged, receiptVersion } from "../../../app/modules/office/rules";
import { makeOrganisation, makeUser } from "../../factories";
import { makeApplication, makeDecidedCall } from "../../factories/grants";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

/** A coach following a person whose award was published seven days ago and handed over today, in person. */
async function received() {
  const programme = await makeOrganisation(t.db, { kind: "programme" });
  const coachUser = await makeUser(t.db, { role: "coach", organisationId: programme.id, displayName: "Salma Coach" });
  const person = await makeUser(t.db, { displayName: "Awa Person" });
  await t.db.insert(coachAssignments).values({ coachId: coachUser.id, beneficiaryId: person.id });
  const coach = { id: coachUser.id, role: "coach" as const, organisationId: programme.id };
  // published a week ago: the corrections below pick days up to five days back, all after it
  const call = await makeDecidedCall(t.db, 7);
  const application = await makeApplication(t.db, { callId: call.id, applicantId: person.id, status: "awarded" });
  const done = await recordDecisionReceived(
    t.db,
    coach,
    person.id,
    { applicationId: application.id, receivedOn: moroccoToday(), how: "in_person" },
    meta,
  );
  expect(done.ok).toBe(true);
  // the version the person's page shows in each receipt's form
  const version = receiptVersion({ receivedOn: moroccoToday(), how: "in_person" });
  return { coachUser, coach, person, application, version };
}

const stored = async (applicationId: string) =>
  (await t.db.select().from(grantApplications).where(eq(grantApplications.id, applicationId)))[0]!;
/** What the person was told: their notifications and the outbox's messages to them. */
async function told(personId: string) {
  const inApp = await t.db.select().from(notifications).where(eq(notifications.userId, personId));
  const sent = await t.db.select().from(outbox).where(eq(outbox.userId, personId));
  return { kinds: inApp.map((n) => n.kind).filter((k) => k.startsWith("office.notify.")), sent };
}

const changes = (applicationId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(like(auditLog.action, "office.decision_received.%"), eq(auditLog.entityId, applicationId)));

describe("correcting a decision's receipt recorded for a person", () => {
  it("names only the fields a correction changes (pure rule)", () => {
    const before = { receivedOn: "2026-12-01", how: "in_person" };
    expect(receiptFieldsChanged(before, { receivedOn: "2026-12-01", how: "in_person" })).toEqual([]);
    expect(receiptFieldsChanged(before, { receivedOn: "2026-11-30", how: "in_person" })).toEqual([
      "decisionReceivedOn",
    ]);
    expect(receiptFieldsChanged(before, { receivedOn: "2026-12-01", how: "phone" })).toEqual(["decisionReceivedHow"]);
  });

  it("corrects the day and how with a reason: audited by field name and reason, the person reads the corrected day", async () => {
    const { coachUser, person, application, version } = await received();
    const client = await app.signedIn(coachUser.email!);
    const page = await (await client.get(`/office/people/${person.id}`)).text();
    expect(page).toContain("Corriger ou annuler une réception notée");
    expect(page).toContain("Annuler cette réception");
    const yesterday = addDays(moroccoToday(), -1);
    const res = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "correct",
      applicationId: application.id,
      receivedOn: yesterday,
      how: "phone",
      reason: "typing_error",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/office/people/${person.id}?done=receiptCorrected`);
    expect(await stored(application.id)).toMatchObject({ decisionReceivedOn: yesterday, decisionReceivedHow: "phone" });
    const [row, ...more] = await changes(application.id);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      action: "office.decision_received.correct",
      actorId: coachUser.id,
      actorRole: "coach",
      entityType: "grant_application",
      fields: ["decisionReceivedOn", "decisionReceivedHow"],
      reason: "typing_error",
    });
    // no value written on the row (its own timestamp aside: at night in Morocco it is yesterday's date in UTC)
    const { at: _at, ...written } = row!;
    expect(JSON.stringify(written)).not.toContain(yesterday);
    const home = await (await (await app.signedIn(person.email!)).get("/home")).text();
    expect(home).toContain("(par téléphone), noté par Salma Coach");
    // the person is told, in the app and by e-mail (the only contact they have), in French
    const { kinds, sent } = await told(person.id);
    expect(kinds).toEqual(["office.notify.receiptCorrected"]);
    const mail = sent.filter((m) => m.kind === "office.notify.receiptCorrected");
    expect(mail.map((m) => m.channel)).toEqual(["email"]);
    expect(mail[0]!.body).toContain(
      "Le bureau a corrigé le jour ou la manière dont vous avez reçu la décision sur «\u00a0Appel décidé\u00a0»",
    );
  });

  it("refuses without a reason or with a day in the future, translated, changing nothing; the same values write nothing", async () => {
    const { coachUser, person, application, version } = await received();
    const client = await app.signedIn(coachUser.email!);
    const noReason = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "correct",
      applicationId: application.id,
      receivedOn: moroccoToday(),
      how: "phone",
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Dites pourquoi vous corrigez ou annulez.");
    const arClient = await app.signedIn(coachUser.email!);
    await arClient.post("/lang", { lng: "ar", redirectTo: "/home" });
    const future = await arClient.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "correct",
      applicationId: application.id,
      receivedOn: addDays(moroccoToday(), 1),
      how: "phone",
      reason: "typing_error",
    });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("لا يمكن أن يكون تاريخ التسلّم في المستقبل.");
    const bogus = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "erase",
      applicationId: application.id,
      reason: "typing_error",
    });
    expect(bogus.status).toBe(400);
    expect(await stored(application.id)).toMatchObject({
      decisionReceivedOn: moroccoToday(),
      decisionReceivedHow: "in_person",
    });
    const same = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "correct",
      applicationId: application.id,
      receivedOn: moroccoToday(),
      how: "in_person",
      reason: "typing_error",
    });
    expect(same.headers.get("location")).toBe(`/office/people/${person.id}?done=receiptSame`);
    expect(await changes(application.id)).toHaveLength(0);
    // nothing changed: nobody is told anything
    expect((await told(person.id)).kinds).toEqual([]);
  });
});

describe("a receipt's form older than the receipt", () => {
  it("is refused (409), changing nothing and telling nobody; of five corrections from one page at once, one writes", async () => {
    const { coachUser, coach, person, application, version } = await received();
    const client = await app.signedIn(coachUser.email!);
    const page = await (await client.get(`/office/people/${person.id}`)).text();
    expect(page).toContain(`name="version" value="${version}"`);
    const days = [1, 2, 3, 4, 5].map((n) => addDays(moroccoToday(), -n));
    const results = await Promise.all(
      days.map((receivedOn) =>
        changeDecisionReceived(
          t.db,
          coach,
          person.id,
          {
            change: "correct",
            applicationId: application.id,
            receivedOn,
            how: "phone",
            reason: "typing_error",
            version,
          },
          meta,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toEqual({ ok: false, status: 409, errors: { form: "office.errors.receiptStale" } });
    const after = await stored(application.id);
    expect(days).toContain(after.decisionReceivedOn);
    expect(await changes(application.id)).toHaveLength(1);
    // the page is stale now: an undo from it is refused, translated, and the receipt stays
    const stale = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "undo",
      applicationId: application.id,
      reason: "not_received",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(
      "Cette réception a été corrigée entre-temps\u00a0: rien n&#x27;a été enregistré",
    );
    expect(await stored(application.id)).toMatchObject({ decisionReceivedOn: after.decisionReceivedOn });
    expect((await told(person.id)).kinds).toEqual(["office.notify.receiptCorrected"]);
    // reloaded, the form carries the new version and the undo goes through
    const fresh = receiptVersion({ receivedOn: after.decisionReceivedOn, how: "phone" });
    expect(await (await client.get(`/office/people/${person.id}`)).text()).toContain(`name="version" value="${fresh}"`);
    const undo = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version: fresh,
      change: "undo",
      applicationId: application.id,
      reason: "not_received",
    });
    expect(undo.status).toBe(302);
  });
});

describe("a receipt's correction sent from a page made stale", () => {
  it("keeps what was chosen, flags where the receipt now says otherwise with what it holds, and saves sent again", async () => {
    const { coachUser, coach, person, application, version } = await received();
    const client = await app.signedIn(coachUser.email!);
    const yesterday = addDays(moroccoToday(), -1);
    // a colleague corrects the day first (the receipt: yesterday, in person)
    const first = await changeDecisionReceived(
      t.db,
      coach,
      person.id,
      {
        change: "correct",
        applicationId: application.id,
        receivedOn: yesterday,
        how: "in_person",
        reason: "typing_error",
        version,
      },
      meta,
    );
    expect(first.ok).toBe(true);
    // the page opened before sends today's day, and "by phone"
    const sent = { intent: "receipt", change: "correct", applicationId: application.id, reason: "typing_error" };
    const refused = await client.post(`/office/people/${person.id}`, {
      ...sent,
      version,
      receivedOn: moroccoToday(),
      how: "phone",
    });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("Vos choix sont gardés ci-dessous");
    // what was chosen stays
    const id = `f-receipt-${application.id}`;
    expect(html).toMatch(new RegExp(`id="${id}-receivedOn"[^>]*value="${moroccoToday()}"`));
    expect(html).toContain('<option value="phone" selected="">');
    // both differ from the receipt now: flagged, each with what it holds, in the reader's words
    const flagged = [...html.matchAll(/id="(f-receipt-[\w-]+)-error"[^>]*>La réception notée dit maintenant/g)].map(
      (m) => m[1],
    );
    expect(flagged.sort()).toEqual([`${id}-how`, `${id}-receivedOn`]);
    expect(html).toMatch(
      new RegExp(`id="${id}-how-on-file"[^>]*>Actuellement au dossier\u00a0: \u2068en personne, au bureau\u2069<`),
    );
    expect(html).toMatch(
      new RegExp(
        `id="${id}-receivedOn-on-file"[^>]*>Actuellement au dossier\u00a0: \u2068${formatDate("fr", yesterday)}\u2069<`,
      ),
    );
    // nothing changed, nobody told of the refused one
    expect(await stored(application.id)).toMatchObject({
      decisionReceivedOn: yesterday,
      decisionReceivedHow: "in_person",
    });
    expect((await told(person.id)).kinds).toEqual(["office.notify.receiptCorrected"]);
    // the form carries the receipt's current version: having looked, the coach keeps the
    // colleague's day and sends "by phone" again: saved, and told
    const again = new RegExp(`name="version" value="([0-9a-f]{8})"`).exec(html)![1]!;
    expect(again).toBe(receiptVersion({ receivedOn: yesterday, how: "in_person" }));
    const saved = await client.post(`/office/people/${person.id}`, {
      ...sent,
      version: again,
      receivedOn: yesterday,
      how: "phone",
    });
    expect(saved.status).toBe(302);
    expect(await stored(application.id)).toMatchObject({ decisionReceivedOn: yesterday, decisionReceivedHow: "phone" });
    expect((await told(person.id)).kinds).toEqual(["office.notify.receiptCorrected", "office.notify.receiptCorrected"]);
    expect(await changes(application.id)).toHaveLength(2);
  });
});

describe("undoing a decision's receipt recorded for a person", () => {
  it("clears it with a reason: the person no longer reads it, it waits to be recorded again, audited once", async () => {
    const { coachUser, coach, person, application, version } = await received();
    // the person reads Arabic and has a phone: the SMS and the e-mail are in Arabic
    await t.db.update(users).set({ locale: "ar", phone: "+212611223344" }).where(eq(users.id, person.id));
    const client = await app.signedIn(coachUser.email!);
    const res = await client.post(`/office/people/${person.id}`, {
      intent: "receipt",
      version,
      change: "undo",
      applicationId: application.id,
      reason: "not_received",
    });
    expect(res.headers.get("location")).toBe(`/office/people/${person.id}?done=receiptUndone`);
    expect(await stored(application.id)).toMatchObject({ decisionReceivedOn: null, decisionReceivedHow: null });
    const acts = await t.db
      .select()
      .from(actsForPeople)
      .where(and(eq(actsForPeople.entityId, application.id), eq(actsForPeople.kind, "decision_received")));
    expect(acts).toHaveLength(0);
    expect(await changes(application.id)).toMatchObject([
      {
        action: "office.decision_received.undo",
        actorId: coachUser.id,
        fields: ["decisionReceivedOn", "decisionReceivedHow"],
        reason: "not_received",
      },
    ]);
    const { kinds, sent } = await told(person.id);
    expect(kinds).toEqual(["office.notify.receiptUndone"]);
    const messages = sent.filter((m) => m.kind === "office.notify.receiptUndone");
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(messages.find((m) => m.channel === "sms")!.body).toContain("ألغى المكتب تسجيل تسلّم القرار");
    expect(messages.find((m) => m.channel === "email")!.body).toContain(
      "ألغى المكتب التسجيل الذي يقول إنك تسلّمت القرار",
    );
    await t.db.update(users).set({ locale: "fr" }).where(eq(users.id, person.id));
    const home = await (await (await app.signedIn(person.email!)).get("/home")).text();
    expect(home).not.toContain("Décision sur «\u00a0Appel décidé\u00a0» reçue le");
    const page = await (await client.get(`/office/people/${person.id}`)).text();
    expect(page).toContain("Aucune réception de décision notée pour cette personne.");
    // recorded again, as it was never recorded
    const again = await recordDecisionReceived(
      t.db,
      coach,
      person.id,
      { applicationId: application.id, receivedOn: moroccoToday(), how: "phone" },
      meta,
    );
    expect(again.ok).toBe(true);
  });

  it("of five undos sent together, one changes it; the others are told it is no longer recorded", async () => {
    const { coach, person, application, version } = await received();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        changeDecisionReceived(
          t.db,
          coach,
          person.id,
          { change: "undo", applicationId: application.id, reason: "wrong_application", version },
          meta,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // told once, by the undo that won
    expect((await told(person.id)).kinds).toEqual(["office.notify.receiptUndone"]);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toEqual({ ok: false, status: 409, errors: { form: "office.errors.receiptNotRecorded" } });
    expect(await changes(application.id)).toHaveLength(1);
  });

  it("is 404 for staff who may not act for the person; another person's application is refused; nothing changes", async () => {
    const { person, application, version } = await received();
    const other = await received();
    const stranger = await makeUser(t.db, { role: "coach" });
    const worker = await makeUser(t.db, { role: "case_worker" });
    for (const who of [stranger, worker]) {
      const client = await app.signedIn(who.email!);
      const res = await client.post(`/office/people/${person.id}`, {
        intent: "receipt",
        version,
        change: "undo",
        applicationId: application.id,
        reason: "typing_error",
      });
      expect(res.status).toBe(404);
    }
    const crossed = await changeDecisionReceived(
      t.db,
      other.coach,
      other.person.id,
      { change: "undo", applicationId: application.id, reason: "typing_error", version },
      meta,
    );
    expect(crossed).toEqual({ ok: false, status: 409, errors: { form: "office.errors.receiptNotRecorded" } });
    expect(await stored(application.id)).toMatchObject({ decisionReceivedHow: "in_person" });
    expect(await changes(application.id)).toHaveLength(0);
  });
});
