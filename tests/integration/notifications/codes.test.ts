/**
 * Six-digit codes through the real pages, with a real HTTP server standing in for the SMS
 * gateway: a phone confirmed by its code, a password recovered by SMS or e-mail, never
 * a code sent twice or sent late, and never a word about whether an account exists.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, users, verificationCodes } from "../../../db/schema";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { DELIVERY } from "../../../app/modules/notifications/rules";
import { confirmPhone, resendPhoneCode } from "../../../app/modules/auth/phone.server";
import { requestPasswordReset } from "../../../app/modules/auth/recovery.server";
import { CODES, normalizePhone } from "../../../app/modules/auth/rules";
import { submitApplication } from "../../../app/modules/grants/service.server";
import { startFakeGateway, type FakeGateway } from "../../../scripts/sms-fake-gateway";
import { makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { uniquePhoneNumber } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
let gateway: FakeGateway;
beforeAll(async () => {
  gateway = await startFakeGateway({ log: false });
});
afterAll(() => gateway.close());

const deliver = (now?: Date) =>
  deliverOutbox(t.db, { email: null, sms: httpSmsTransport({ url: `${gateway.url}/sms` }) }, now ? { now } : {});

const newPhone = () => uniquePhoneNumber("7");

/** The code in the newest SMS the fake gateway accepted for a number. */
function codeSentTo(phone: string): string {
  const texts = gateway
    .messages()
    .filter((m) => m.to === phone)
    .map((m) => m.text);
  const code = texts.reverse().map((text) => /\b(\d{6})\b/.exec(text)?.[1])[0];
  if (!code) throw new Error(`no code sent to ${phone}: ${JSON.stringify(texts)}`);
  return code;
}

/** A page's text as a reader sees it (React escapes quotes in the HTML). */
async function read(response: Response | Promise<Response>): Promise<string> {
  const html = await (await response).text();
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

/**
 * An account whose phone waits for its code (one made by staff, or from before phones
 * were proved at sign-up: a sign-up's own phone is proved before its account exists,
 * tests/integration/sign-up.test.ts), signed in, with the first code asked for.
 */
async function signUp(phone: string) {
  const e164 = normalizePhone(phone)!;
  const { client } = await app.asNewUser({ phone: e164, phoneConfirmedAt: null, displayName: "Fanta Keïta" });
  const asked = await client.post("/confirm-phone", { intent: "resend" });
  expect(asked.status).toBe(302);
  return client;
}

describe("proof of the phone", () => {
  it("one code by SMS; a wrong one is refused, the right one confirms the phone once", async () => {
    const phone = newPhone();
    const client = await signUp(phone.local);
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    expect(user!.phoneConfirmedAt).toBeNull();
    // before any gateway round: the page says the SMS is only waiting
    expect(await read(client.get("/confirm-phone"))).toContain("En attente d'envoi");
    await deliver();
    const code = codeSentTo(phone.e164);
    expect(gateway.messages().filter((m) => m.to === phone.e164)[0]!.text).toMatch(/^Masar : votre code/);
    const page = await read(client.get("/confirm-phone"));
    expect(page).toContain("Accepté par la passerelle");
    expect(page).not.toContain(code);

    const bad = await client.post("/confirm-phone", { intent: "confirm", code: wrong(code) });
    expect(bad.status).toBe(400);
    expect(await read(bad)).toContain("Ce code n'est pas le bon");
    const good = await client.post("/confirm-phone", { intent: "confirm", code: code.replace(/^(\d{3})/, "$1 ") });
    expect(good.status).toBe(302);
    const [confirmed] = await t.db.select().from(users).where(eq(users.id, user!.id));
    expect(confirmed!.phoneConfirmedAt).not.toBeNull();
    // single use
    const again = await client.post("/confirm-phone", { intent: "confirm", code });
    expect(again.status).toBe(400);

    // the code's SMS went once; the next round sends the "confirmed" SMS, and nothing twice
    await deliver();
    await deliver();
    const mine = gateway.requests().filter((r) => r.to === phone.e164);
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((r) => r.id)).size).toBe(2);
  });

  it("an unconfirmed phone may not apply for a grant: the refusal says why and links to the code", async () => {
    const phone = newPhone();
    const client = await signUp(phone.local);
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    const refused = await submitApplication(
      t.db,
      { id: user!.id, role: "applicant", organisationId: null },
      {
        callId: "00000000-0000-4000-8000-000000000000",
        planId: null,
        planSnapshot: {},
        requestedCentimes: 100,
        facts: { dateOfBirth: null, region: null, isMigrant: null, sex: null, completedTrainings: [] },
      },
    );
    expect(refused).toMatchObject({ ok: false, status: 403, errors: { form: "errors.grants.phoneUnconfirmed" } });
    const grants = await read(client.get("/grants"));
    expect(grants).toContain('href="/confirm-phone"');
    expect(grants).toContain("Confirmez votre numéro de téléphone pour pouvoir déposer une candidature.");
    const home = await read(client.get("/home"));
    expect(home).toContain('href="/confirm-phone"');
  });

  it("five wrong tries kill the code, and a new one is throttled for a minute", async () => {
    const phone = newPhone();
    const client = await signUp(phone.local);
    await deliver();
    const code = codeSentTo(phone.e164);
    for (let i = 0; i < 5; i++) {
      const r = await client.post("/confirm-phone", { intent: "confirm", code: wrong(code) });
      expect(r.status).toBe(400);
    }
    const late = await client.post("/confirm-phone", { intent: "confirm", code });
    expect(late.status).toBe(400);
    expect(await read(late)).toContain("Demandez un nouveau code");
    const resend = await client.post("/confirm-phone", { intent: "resend" });
    expect(resend.status).toBe(429);
    expect(await read(resend)).toContain("Trop de codes demandés");
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    expect(user!.phoneConfirmedAt).toBeNull();
  });

  it("a code is not sent after its 10 minutes, and no longer works then", async () => {
    const phone = newPhone();
    await signUp(phone.local);
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    const later = new Date(Date.now() + DELIVERY.codeTtlMs + 1000);
    await deliver(later);
    const [sms] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, user!.id), eq(outbox.kind, "notify.phoneCode")));
    expect(sms!.state).toBe("expired");
    expect(gateway.requests().filter((r) => r.to === phone.e164)).toEqual([]);
    const actor = { id: user!.id, role: user!.role, organisationId: null };
    const result = await confirmPhone(t.db, actor, { code: "123456" }, { ip: "127.0.0.1", now: later });
    expect(result).toMatchObject({ ok: false, errors: { code: "errors.code.dead" } });
  });

  it("a new number replaces the old one only once its code comes back", async () => {
    const old = newPhone();
    const next = newPhone();
    const person = await makeUser(t.db, { phone: old.e164 });
    const client = app.client();
    await client.login(old.e164, person.password!);
    const asked = await client.post("/account", { intent: "phone", phone: next.local });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe("/confirm-phone");
    const [meanwhile] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(meanwhile!.phone).toBe(old.e164);
    await deliver();
    const code = codeSentTo(next.e164);
    expect((await client.post("/confirm-phone", { intent: "confirm", code })).status).toBe(302);
    const [after] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(after!.phone).toBe(next.e164);
    expect(after!.phoneConfirmedAt).not.toBeNull();
  });

  it("a number changed by any other road than its code is not confirmed (the database sees to it)", async () => {
    const old = newPhone();
    const person = await makeUser(t.db, { phone: old.e164 });
    expect(person.phoneConfirmedAt).not.toBeNull();
    const next = newPhone();
    await t.db.update(users).set({ phone: next.e164 }).where(eq(users.id, person.id));
    const [changed] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(changed!.phoneConfirmedAt).toBeNull();
    // other changes to the account leave a confirmation alone
    const now = new Date();
    await t.db.update(users).set({ phoneConfirmedAt: now }).where(eq(users.id, person.id));
    await t.db.update(users).set({ displayName: "Awa Traoré", locale: "ar" }).where(eq(users.id, person.id));
    const [kept] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(kept!.phoneConfirmedAt?.getTime()).toBe(now.getTime());
  });
});

describe("password recovery", () => {
  it("by SMS: the same answer with or without an account; the code sets a new password once", async () => {
    const phone = newPhone();
    const person = await makeUser(t.db, { phone: phone.e164, email: null });
    const stranger = newPhone();
    const visitor = app.client();
    const known = await visitor.post("/forgot-password", { identifier: phone.local });
    const unknown = await visitor.post("/forgot-password", { identifier: stranger.local });
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(302);
    expect(known.headers.get("location")).toBe(`/reset-password?to=${encodeURIComponent(phone.e164)}`);
    expect(unknown.headers.get("location")).toBe(`/reset-password?to=${encodeURIComponent(stranger.e164)}`);
    expect(await t.db.$count(outbox, eq(outbox.recipient, stranger.e164))).toBe(0);
    await deliver();
    const code = codeSentTo(phone.e164);
    expect(gateway.messages().find((m) => m.to === phone.e164)!.text).toContain("mot de passe");

    const fields = {
      identifier: phone.e164,
      password: "nouvelle phrase secrète",
      passwordConfirm: "nouvelle phrase secrète",
    };
    const bad = await visitor.post("/reset-password", { ...fields, code: wrong(code) });
    const nobody = await visitor.post("/reset-password", { ...fields, identifier: stranger.e164, code });
    expect(bad.status).toBe(400);
    expect(nobody.status).toBe(400);
    const badText = await read(bad);
    expect(badText).toContain("Ce code n'est pas le bon, ou il a expiré");
    expect(await read(nobody)).toContain("Ce code n'est pas le bon, ou il a expiré");

    const elsewhere = app.client();
    await elsewhere.login(phone.e164, person.password!);
    const good = await visitor.post("/reset-password", { ...fields, code });
    expect(good.status).toBe(302);
    expect(good.headers.get("location")).toBe("/home");
    // every other session ends; the new password works, the code does not twice
    expect((await elsewhere.get("/home")).status).toBe(302);
    await app.client().login(phone.e164, "nouvelle phrase secrète");
    const twice = await app.client().post("/reset-password", { ...fields, code });
    expect(twice.status).toBe(400);
  });

  it("shares one throttle with the phone's confirmation codes: one number, one count", async () => {
    const phone = newPhone();
    await signUp(phone.local); // the confirmation code: the first request for this number
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    const actor = { id: user!.id, role: user!.role, organisationId: null };
    const at = (minutes: number) => ({ ip: "10.0.0.9", now: new Date(Date.now() + minutes * 60_000) });
    // straight after the confirmation code, recovery waits its minute like a resend would
    const soon = await requestPasswordReset(t.db, { identifier: phone.local }, at(0.5));
    expect(soon).toMatchObject({ ok: false });
    expect(await requestPasswordReset(t.db, { identifier: phone.e164 }, at(2))).toMatchObject({ ok: true });
    expect(await resendPhoneCode(t.db, actor, at(4))).toMatchObject({ ok: true });
    expect(CODES.perIdentifier).toBe(3);
    // the fourth code for this number within the window, whichever page asks
    const fourth = await requestPasswordReset(t.db, { identifier: phone.local }, at(6));
    expect(fourth).toMatchObject({ ok: false, retryAt: expect.any(Date) });
    expect(await resendPhoneCode(t.db, actor, at(7))).toMatchObject({ ok: false });
  });

  it("by e-mail for people who have one; a staff account's longer rule speaks only after the right code", async () => {
    const person = await makeUser(t.db, { role: "coach", email: `coach-${Date.now()}@masar.test`, phone: null });
    const visitor = app.client();
    expect((await visitor.post("/forgot-password", { identifier: person.email! })).status).toBe(302);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.recipient, person.email!));
    expect(mail).toMatchObject({ channel: "email", kind: "notify.resetCode" });
    const code = /\b(\d{6})\b/.exec(mail!.body)![1]!;
    expect(mail!.preview).not.toContain(code);
    const short = { identifier: person.email!, password: "dix lettres", passwordConfirm: "dix lettres" };
    const wrongAndShort = await visitor.post("/reset-password", { ...short, code: wrong(code) });
    expect(await read(wrongAndShort)).toContain("Ce code n'est pas le bon, ou il a expiré");
    const rightAndShort = await visitor.post("/reset-password", { ...short, code });
    expect(rightAndShort.status).toBe(400);
    expect(await read(rightAndShort)).toContain("12 caractères");
    const long = {
      identifier: person.email!,
      password: "une très longue phrase",
      passwordConfirm: "une très longue phrase",
    };
    expect((await visitor.post("/reset-password", { ...long, code })).status).toBe(302);
    const [used] = await t.db.select().from(verificationCodes).where(eq(verificationCodes.userId, person.id));
    expect(used!.usedAt).not.toBeNull();
  });
});

describe("staff see the state of the messages they trigger", () => {
  it("a set-up code an admin sent says 'not sent' while no gateway is configured, then 'accepted'", async () => {
    const admin = await makeUser(t.db, { role: "admin", email: `admin-${Date.now()}@masar.test`, phone: null });
    const phone = newPhone();
    const person = await makeUser(t.db, { role: "coach", phone: phone.e164, email: null });
    const client = app.client();
    await client.login(admin.email!, admin.password!);
    expect((await client.post(`/admin/users/${person.id}`, { intent: "setup-code" })).status).toBe(200);
    await deliverOutbox(t.db, { email: null, sms: null });
    const page = await read(client.get(`/admin/users/${person.id}`));
    expect(page).toContain("Non envoyé\u00a0: aucune passerelle SMS configurée");
    expect(page).not.toContain("Accepté par la passerelle");
    await deliver();
    expect(await read(client.get(`/admin/users/${person.id}`))).toContain("Accepté par la passerelle");
    expect(gateway.messages().filter((m) => m.to === phone.e164)).toHaveLength(1);
  });
});
