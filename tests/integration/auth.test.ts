import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, loginAttempts, outbox, sessions, users } from "../../db/schema";
import { DEMO_PASSWORD, makeUser } from "../factories";
import { type TestClient, useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("sign-up", () => {
  // what a sign-up makes, and when: tests/integration/sign-up.test.ts
  it("welcomes by e-mail, in the person's language, an account made with one, once its code came back", async () => {
    const client = new (app.client().constructor as typeof TestClient)(app.url, { "Accept-Language": "en" });
    const address = `welcome-${Date.now()}@masar.test`;
    const byMail = await client.post("/signup", {
      displayName: "Grace Mensah",
      email: address,
      password: "une phrase assez longue",
      passwordConfirm: "une phrase assez longue",
      acceptPrivacy: "on",
    });
    expect(byMail.status).toBe(302);
    const [code] = await t.db
      .select({ subject: outbox.subject, body: outbox.body })
      .from(outbox)
      .where(and(eq(outbox.recipient, address), eq(outbox.kind, "notify.signUpCode")));
    expect(code?.subject).toBe("Your code to create a Masar account");
    const done = await client.post("/signup/code", { code: /\b(\d{6})\b/.exec(code!.body)![1]! });
    expect(done.headers.get("location")).toBe("/home");
    const mails = await t.db
      .select({ channel: outbox.channel, subject: outbox.subject })
      .from(outbox)
      .where(and(eq(outbox.recipient, address), eq(outbox.kind, "notify.welcome")));
    expect(mails).toEqual([{ channel: "email", subject: "Welcome to Masar" }]);
    const [user] = await t.db.select().from(users).where(eq(users.email, address));
    expect(user?.locale).toBe("en");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("answers bad input with each field's translated error, and creates nothing", async () => {
    const before = await t.db.$count(users);
    const client = new (app.client().constructor as typeof TestClient)(app.url, {
      "Accept-Language": "ar",
    });
    const response = await client.post("/signup", {
      displayName: "",
      phone: "12345",
      email: "not-an-email",
      password: "short",
      passwordConfirm: "other",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("هذا الحقل إلزامي."); // name required
    expect(html).toContain("رقم الهاتف غير صالح"); // phone
    expect(html).toContain("عنوان البريد الإلكتروني غير صالح."); // e-mail
    expect(html).toContain("يجب أن تتكون كلمة المرور من 8 أحرف على الأقل."); // password
    expect(html).toContain("كلمتا المرور غير متطابقتين."); // confirmation
    expect(html).toContain("يجب أن توافق على إشعار حماية المعطيات"); // unticked notice
    expect(await t.db.$count(users)).toBe(before);
  });

  it("refuses a common password; a phone that already has an account gets the same next step as any", async () => {
    const existing = await makeUser(t.db, { phone: "+212699887766" });
    const client = app.client();
    const common = await client.post("/signup", {
      displayName: "X",
      phone: "0612000000",
      password: "password123",
      passwordConfirm: "password123",
      acceptPrivacy: "on",
    });
    expect(common.status).toBe(400);
    expect(await common.text()).toContain("Ce mot de passe est trop courant");
    const taken = await client.post("/signup", {
      displayName: "Y",
      phone: "0699887766",
      password: "une phrase assez longue",
      passwordConfirm: "une phrase assez longue",
      acceptPrivacy: "on",
    });
    expect(taken.status).toBe(302);
    expect(taken.headers.get("location")).toBe("/signup/code");
    expect(await t.db.$count(users, eq(users.phone, existing.phone!))).toBe(1);
  });
});

describe("sign-in", () => {
  it("signs in with e-mail or phone, audits it, and signs out", async () => {
    const user = await makeUser(t.db, { phone: "+212655443322", email: "mariam@masar.test" });
    for (const identifier of ["mariam@masar.test", "0655443322", "+212 655 44 33 22"]) {
      const client = await app.signedIn(identifier);
      expect((await client.get("/home")).status).toBe(200);
      const out = await client.post("/logout", {});
      expect(out.status).toBe(302);
      expect((await client.get("/home")).status).toBe(302);
    }
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.sign_in")));
    expect(rows).toHaveLength(3);
    expect(rows[0]?.actorRole).toBe("applicant");
    expect(rows[0]?.ip).toBeTruthy();
    expect(await t.db.$count(auditLog, and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.sign_out")))).toBe(
      3,
    );
  });

  it("gives an unknown identifier and a wrong password the same answer, and audits the failure", async () => {
    const user = await makeUser(t.db, { email: "same-answer@masar.test" });
    const client = app.client();
    const wrong = await client.post("/login", { identifier: "same-answer@masar.test", password: "wrong password!" });
    const unknown = await client.post("/login", { identifier: "nobody-here@masar.test", password: "wrong password!" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    // the error summary at the top says it, the same way for both
    const a = (await wrong.text()).match(/data-testid="error-summary">.*?<li>(.*?)<\/li>/)?.[1];
    const b = (await unknown.text()).match(/data-testid="error-summary">.*?<li>(.*?)<\/li>/)?.[1];
    expect(a).toBe("Identifiant ou mot de passe incorrect. Après 5 essais manqués, un compte attend 15 minutes.");
    expect(b).toBe(a);
    expect(
      await t.db.$count(auditLog, and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.sign_in_failed"))),
    ).toBe(1);
  });

  it("issues a new session token at each sign-in and stores only its hash", async () => {
    const user = await makeUser(t.db);
    const first = await app.signedIn(user.email!);
    const second = await app.signedIn(user.email!);
    const tokenA = first.cookies.get("masar_session");
    const tokenB = second.cookies.get("masar_session");
    expect(tokenA).toBeTruthy();
    expect(tokenA).not.toBe(tokenB);
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(2);
    for (const s of stored) {
      expect(s.id).toMatch(/^[0-9a-f]{64}$/);
      expect([tokenA, tokenB]).not.toContain(s.id);
    }
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const user = await makeUser(t.db);
    const client = app.client();
    const response = await client.login(user.email!, DEMO_PASSWORD);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("masar_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

describe("throttling", () => {
  it("answers 429 after 5 failures for one identifier, leaves other accounts alone, and tells when to retry", async () => {
    const victim = await makeUser(t.db, { email: "victim@masar.test" });
    const other = await makeUser(t.db, { email: "bystander@masar.test" });
    const client = app.client();
    for (let i = 0; i < 5; i++) {
      const r = await client.post("/login", { identifier: victim.email!, password: `wrong-${i}-password` });
      expect(r.status).toBe(400);
    }
    // the right password no longer helps while the identifier is locked
    const locked = await client.post("/login", { identifier: victim.email!, password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await locked.text()).toContain("Trop de tentatives. Réessayez après");
    // the same address can still sign in another account
    const ok = await client.post("/login", { identifier: other.email!, password: DEMO_PASSWORD });
    expect(ok.status).toBe(302);
  });

  it("holds the limit under concurrent guesses: at most 5 are checked", async () => {
    const victim = await makeUser(t.db, { email: "concurrent-victim@masar.test" });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.client().post("/login", { identifier: victim.email!, password: `guess-${i}-wrong` }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await t.db.$count(loginAttempts, eq(loginAttempts.identifierKey, `email:${victim.email}`))).toBe(5);
  });

  it("keeps counters in the database, shared by every app server", async () => {
    const victim = await makeUser(t.db, { email: "two-servers@masar.test" });
    const { startTestApp } = await import("./helpers/app");
    const second = await startTestApp(t.db);
    try {
      for (let i = 0; i < 5; i++) {
        const server = i % 2 === 0 ? app : second;
        await server.client().post("/login", { identifier: victim.email!, password: `wrong-${i}-password` });
      }
      expect(
        (await second.client().post("/login", { identifier: victim.email!, password: DEMO_PASSWORD })).status,
      ).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe("sessions", () => {
  it("ends a staff session after 30 idle minutes", async () => {
    const staff = await makeUser(t.db, { role: "coach" });
    const client = await app.signedIn(staff.email!);
    expect((await client.get("/home")).status).toBe(200);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, staff.id));
    const after = await client.get("/home");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    expect(await t.db.$count(sessions, eq(sessions.userId, staff.id))).toBe(0);
  });

  it("gives applicants 30 days and staff at most 12 hours", async () => {
    const applicant = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "admin" });
    await app.client().login(applicant.email!, DEMO_PASSWORD);
    await app.client().login(staff.email!, DEMO_PASSWORD);
    const [a] = await t.db.select().from(sessions).where(eq(sessions.userId, applicant.id));
    const [s] = await t.db.select().from(sessions).where(eq(sessions.userId, staff.id));
    const days = (a!.expiresAt.getTime() - a!.createdAt.getTime()) / 86_400_000;
    const minutes = (s!.expiresAt.getTime() - s!.createdAt.getTime()) / 60_000;
    expect(days).toBeCloseTo(30, 1);
    expect(minutes).toBeCloseTo(30, 0);
  });

  it("sends the session cookie again only when a request moves the session's expiry", async () => {
    const applicant = await makeUser(t.db);
    const client = await app.signedIn(applicant.email!);
    const sessionCookie = (r: Response) => r.headers.getSetCookie().find((c) => c.startsWith("masar_session="));
    // just signed in: nothing to gain, nothing sent
    const fresh = await client.get("/home");
    expect(fresh.status).toBe(200);
    expect(sessionCookie(fresh)).toBeUndefined();
    // two days closer to its end: this request renews it, and the browser gets the new expiry
    const [before] = await t.db.select().from(sessions).where(eq(sessions.userId, applicant.id));
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(before!.expiresAt.getTime() - 2 * 86_400_000) })
      .where(eq(sessions.id, before!.id));
    const renewing = await client.get("/home");
    expect(renewing.status).toBe(200);
    const [after] = await t.db.select().from(sessions).where(eq(sessions.id, before!.id));
    const cookie = sessionCookie(renewing);
    expect(cookie).toContain(`Expires=${after!.expiresAt.toUTCString()}`);
    expect(cookie).toContain(`masar_session=${client.cookies.get("masar_session")}`);
    // renewed: the next answers send nothing again
    expect(sessionCookie(await client.get("/home"))).toBeUndefined();
  });

  it("takes deactivation and a role change into account on the very next request", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const target = await makeUser(t.db, { role: "coach" });
    const adminClient = await app.signedIn(admin.email!);
    const targetClient = await app.signedIn(target.email!);
    expect((await targetClient.get("/home")).status).toBe(200);

    const off = await adminClient.post(`/admin/users/${target.id}`, { intent: "deactivate", confirm: "deactivate" });
    expect(off.status).toBe(302);
    expect((await targetClient.get("/home")).status).toBe(302);
    expect((await app.client().post("/login", { identifier: target.email!, password: DEMO_PASSWORD })).status).toBe(
      400,
    );

    await adminClient.post(`/admin/users/${target.id}`, { intent: "reactivate" });
    await targetClient.login(target.email!, DEMO_PASSWORD);
    expect((await targetClient.get("/admin/users")).status).toBe(403);
    await adminClient.post(`/admin/users/${target.id}`, { intent: "role", role: "admin" });
    // the old session is gone; signing in again gives the new role
    expect((await targetClient.get("/admin/users")).status).toBe(302);
    await targetClient.login(target.email!, DEMO_PASSWORD);
    expect((await targetClient.get("/admin/users")).status).toBe(200);
  });
});
