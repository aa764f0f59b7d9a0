/**
 * Sign-up tells no one whether a phone or e-mail has an account: the same answer and the
 * same work either way, the owner told instead, the account made only when the code
 * comes back; and the throttle holds in the database under concurrent requests
 * (docs/decisions/0102-sign-up-without-enumeration.md).
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, codeRequests, outbox, pendingSignUps, privacyAcceptances, users } from "../../db/schema";
import { startSignUp } from "../../app/modules/auth/sign-up.server";
import { CODES } from "../../app/modules/auth/rules";
import { makeUser } from "../factories";
import { TestClient, useTestApp } from "./helpers/app";
import { uniquePhoneNumber } from "./helpers/messages";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

const newPhone = () => uniquePhoneNumber("6");

const PASSWORD = "une phrase assez longue";
const form = (contact: { phone?: string; email?: string }, name = "Awa Traoré") => ({
  displayName: name,
  phone: contact.phone ?? "",
  email: contact.email ?? "",
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  acceptPrivacy: "on",
});

/** The code in the newest message the outbox holds for a phone or an address. */
async function codeFor(recipient: string): Promise<string> {
  const rows = await t.db
    .select({ body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), eq(outbox.kind, "notify.signUpCode")));
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const code = newest && /\b(\d{6})\b/.exec(newest.body)?.[1];
  if (!code) throw new Error(`no sign-up code for ${recipient}`);
  return code;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

/** The page as a reader compares it: the contact and the per-request nonce taken out. */
function shape(html: string, contact: string): string {
  return html
    .split(contact)
    .join("<contact>")
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/cspNonce\\",\\"[^\\]*\\"/, "cspNonce");
}

/** What one sign-up wrote for a contact: the rows a timing or a count could tell apart. */
async function written(contact: { e164?: string; email?: string }) {
  const recipient = contact.e164 ?? contact.email ?? "";
  const key = contact.e164 ? `phone:${contact.e164}` : `email:${contact.email}`;
  return {
    pending: await t.db.$count(
      pendingSignUps,
      contact.e164 ? eq(pendingSignUps.phone, contact.e164) : eq(pendingSignUps.email, recipient),
    ),
    messages: await t.db.$count(outbox, eq(outbox.recipient, recipient)),
    counted: await t.db.$count(codeRequests, eq(codeRequests.identifierKey, key)),
  };
}

describe("sign-up answers the same whether the phone or e-mail has an account", () => {
  it("same status, same page, same rows written; the owner is told and no second account is made", async () => {
    const owner = await makeUser(t.db, { phone: newPhone().e164, email: `owner-${Date.now()}@masar.test` });
    const ownerPhone = owner.phone!;
    const free = newPhone();
    const usersBefore = await t.db.$count(users);

    const registered = app.client();
    const unregistered = app.client();
    const a = await registered.post("/signup", form({ phone: ownerPhone }));
    const b = await unregistered.post("/signup", form({ phone: free.local }));
    for (const r of [a, b]) {
      expect(r.status).toBe(302);
      expect(r.headers.get("location")).toBe("/signup/code");
      // the same cookie, but for its random token and the second its expiry falls on
      const cookie = (c: string) => c.replace(/=[^;]*/, "=<token>").replace(/Expires=[^;]*/, "Expires=<10 min>");
      expect(r.headers.getSetCookie().map(cookie)).toEqual(b.headers.getSetCookie().map(cookie));
    }
    const pageA = await registered.get("/signup/code");
    const pageB = await unregistered.get("/signup/code");
    expect([pageA.status, pageB.status]).toEqual([200, 200]);
    const htmlA = await pageA.text();
    const htmlB = await pageB.text();
    expect(htmlA).toContain(ownerPhone);
    expect(htmlB).toContain(free.e164);
    expect(htmlA).toContain("Nous avons envoyé un code à");
    expect(shape(htmlA, ownerPhone)).toBe(shape(htmlB, free.e164));

    // the same work: one waiting sign-up, one message to the phone, one count of the throttle
    expect(await written({ e164: ownerPhone })).toEqual({ pending: 1, messages: 1, counted: 1 });
    expect(await written({ e164: free.e164 })).toEqual({ pending: 1, messages: 1, counted: 1 });

    // the owner gets an SMS saying someone tried, with the way back in; no code
    const [notice] = await t.db.select().from(outbox).where(eq(outbox.recipient, ownerPhone));
    expect(notice).toMatchObject({ kind: "notify.signUpAttempt", userId: owner.id, channel: "sms" });
    expect(notice!.body).toContain("quelqu'un a voulu créer un compte avec ce numéro");
    expect(notice!.body).toContain("page de connexion");
    expect(notice!.body).not.toMatch(/\d{6}/);
    expect(
      await t.db.$count(
        auditLog,
        and(eq(auditLog.entityId, owner.id), eq(auditLog.action, "auth.sign_up_on_taken_contact")),
      ),
    ).toBe(1);

    // nothing made yet; the registered phone's sign-up cannot be finished with any code
    expect(await t.db.$count(users)).toBe(usersBefore);
    const guess = await registered.post("/signup/code", { code: "123456" });
    expect(guess.status).toBe(400);
    const bad = await unregistered.post("/signup/code", { code: wrong(await codeFor(free.e164)) });
    expect(bad.status).toBe(400);
    expect(shape(await guess.text(), ownerPhone)).toBe(shape(await bad.text(), free.e164));
    expect(await t.db.$count(users, eq(users.phone, ownerPhone))).toBe(1);
    expect(await t.db.$count(users)).toBe(usersBefore);
  });

  it("the same for an e-mail: its owner gets an e-mail, the free address a code", async () => {
    const owner = await makeUser(t.db, { email: `taken-${Date.now()}@masar.test`, phone: null });
    const freeEmail = `free-${Date.now()}@masar.test`;
    const a = await app.client().post("/signup", form({ email: owner.email! }));
    const b = await app.client().post("/signup", form({ email: freeEmail }));
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await written({ email: owner.email! })).toEqual({ pending: 1, messages: 1, counted: 1 });
    expect(await written({ email: freeEmail })).toEqual({ pending: 1, messages: 1, counted: 1 });
    const [notice] = await t.db.select().from(outbox).where(eq(outbox.recipient, owner.email!));
    expect(notice).toMatchObject({ kind: "notify.signUpAttempt", userId: owner.id, channel: "email" });
    expect(notice!.body).toContain("Mot de passe oublié");
    const [code] = await t.db.select().from(outbox).where(eq(outbox.recipient, freeEmail));
    expect(code).toMatchObject({ kind: "notify.signUpCode", userId: null, channel: "email" });
  });

  it("the right code makes the account, phone confirmed, signed in, notice accepted; once", async () => {
    const phone = newPhone();
    const client = app.client();
    await client.post("/signup", form({ phone: phone.local }, "Aïcha Koné"));
    const code = await codeFor(phone.e164);
    expect(await t.db.$count(users, eq(users.phone, phone.e164))).toBe(0);
    const done = await client.post("/signup/code", { code: code.replace(/^(\d{3})/, "$1 ") });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/home");
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    expect(user).toMatchObject({ role: "applicant", displayName: "Aïcha Koné", email: null });
    expect(user!.phoneConfirmedAt).not.toBeNull();
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const [acceptance] = await t.db.select().from(privacyAcceptances).where(eq(privacyAcceptances.userId, user!.id));
    expect(acceptance?.noticeVersion).toBe("2026-11");
    const home = await client.get("/home");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Aïcha Koné");
    // the sign-up is gone with its password hash
    expect(await t.db.$count(pendingSignUps, eq(pendingSignUps.phone, phone.e164))).toBe(0);
    // and signs in with the password typed at sign-up
    const again = new TestClient(app.url);
    expect((await again.login(phone.local, PASSWORD)).status).toBe(302);
  });

  it("with a phone and an e-mail, each gets its own code; the e-mail joins the account only when its code is typed", async () => {
    const phone = newPhone();
    const email = `both-${Date.now()}@masar.test`;
    const client = app.client();
    await client.post("/signup", form({ phone: phone.local, email }));
    const page = await (await client.get("/signup/code")).text();
    expect(page).toContain(email);
    const smsCode = await codeFor(phone.e164);
    const mailCode = await codeFor(email);
    const badMail = await client.post("/signup/code", { code: smsCode, emailCode: wrong(mailCode) });
    expect(badMail.status).toBe(400);
    expect(await t.db.$count(users, eq(users.phone, phone.e164))).toBe(0);
    expect((await client.post("/signup/code", { code: smsCode, emailCode: mailCode })).status).toBe(302);
    const [user] = await t.db.select().from(users).where(eq(users.phone, phone.e164));
    expect(user?.email).toBe(email);

    // without the e-mail's code, the account is made with the phone alone
    const other = newPhone();
    const otherEmail = `later-${Date.now()}@masar.test`;
    const c2 = app.client();
    await c2.post("/signup", form({ phone: other.local, email: otherEmail }));
    expect((await c2.post("/signup/code", { code: await codeFor(other.e164), emailCode: "" })).status).toBe(302);
    const [phoneOnly] = await t.db.select().from(users).where(eq(users.phone, other.e164));
    expect(phoneOnly?.email).toBeNull();
  });

  it("five wrong codes end the sign-up, and the right one no longer works", async () => {
    const phone = newPhone();
    const client = app.client();
    await client.post("/signup", form({ phone: phone.local }));
    const code = await codeFor(phone.e164);
    for (let i = 0; i < CODES.maxTries; i++) {
      expect((await client.post("/signup/code", { code: wrong(code) })).status).toBe(400);
    }
    const late = await client.post("/signup/code", { code });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Demandez un nouveau code");
    expect(await t.db.$count(users, eq(users.phone, phone.e164))).toBe(0);
  });

  it("two right answers at once make one account", async () => {
    const phone = newPhone();
    const client = app.client();
    await client.post("/signup", form({ phone: phone.local }));
    const code = await codeFor(phone.e164);
    const answers = await Promise.all([1, 2, 3].map(() => client.post("/signup/code", { code })));
    // the losers find no sign-up left: back to the form
    expect(answers.map((r) => r.headers.get("location")).sort()).toEqual(["/home", "/signup", "/signup"]);
    expect(await t.db.$count(users, eq(users.phone, phone.e164))).toBe(1);
  });

  it("the code page without a sign-up goes back to the form", async () => {
    const page = await app.client().get("/signup/code");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/signup");
    const forged = new TestClient(app.url, { Cookie: "masar_signup=forged" });
    expect((await forged.get("/signup/code")).headers.get("location")).toBe("/signup");
    const post = await forged.post("/signup/code", { code: "123456" });
    expect(post.headers.get("location")).toBe("/signup");
    expect(post.headers.getSetCookie().join()).not.toContain("masar_session");
  });
});

describe("sign-up is throttled in the database", () => {
  it("concurrent sign-ups for one phone: one passes, the others get a translated 429 with Retry-After", async () => {
    const phone = newPhone();
    const clients = Array.from({ length: 6 }, () => new TestClient(app.url, { "Accept-Language": "en" }));
    const answers = await Promise.all(clients.map((c) => c.post("/signup", form({ phone: phone.local }))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 429, 429, 429, 429, 429]);
    for (const refused of answers.filter((r) => r.status === 429)) {
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      const html = await refused.text();
      expect(html).toContain("Too many sign-ups for this phone or e-mail, or from this connection.");
      expect(html).toContain(phone.local); // what was typed is kept
    }
    expect(await t.db.$count(codeRequests, eq(codeRequests.identifierKey, `phone:${phone.e164}`))).toBe(1);
    expect(await t.db.$count(pendingSignUps, eq(pendingSignUps.phone, phone.e164))).toBe(1);
    expect(await t.db.$count(outbox, eq(outbox.recipient, phone.e164))).toBe(1);
  });

  it("the registered phone is throttled the same way as a free one", async () => {
    const owner = await makeUser(t.db, { phone: newPhone().e164 });
    const free = newPhone();
    const run = (phone: string) =>
      Promise.all(Array.from({ length: 3 }, () => app.client().post("/signup", form({ phone }))));
    const [taken, open] = await Promise.all([run(owner.phone!), run(free.local)]);
    expect(taken.map((r) => r.status).sort()).toEqual(open.map((r) => r.status).sort());
    expect(taken.map((r) => r.status).sort()).toEqual([302, 429, 429]);
  });

  it(`concurrent sign-ups from one address stop at ${CODES.perIp} in the window`, async () => {
    const ip = "203.0.113.77";
    const phones = Array.from({ length: CODES.perIp + 4 }, () => newPhone().e164);
    const meta = { ip, locale: "fr" as const };
    const results = await Promise.all(
      phones.map((phone) => startSignUp(t.db, { displayName: "N", phone, email: null, password: PASSWORD }, meta)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(CODES.perIp);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r).toMatchObject({ status: 429, errors: { form: "errors.signup.throttled" } });
    expect(await t.db.$count(codeRequests, eq(codeRequests.ip, ip))).toBe(CODES.perIp);
    expect(await t.db.$count(pendingSignUps, inArray(pendingSignUps.phone, phones))).toBe(CODES.perIp);
  });
});
