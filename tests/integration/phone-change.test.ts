/**
 * A change of number on /account tells no one whether another account has the number
 * (issue 18, as sign-up does: decision 0102 and 0108-phone-change-without-enumeration):
 * the same answer, page, rows and "wrong code" for a free and a taken number, in every
 * way a number can be typed; the owner is told by SMS; the throttle counts per number
 * (whatever its format) and per account, and holds under concurrent requests.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, codeRequests, notifications, outbox, users, verificationCodes } from "../../db/schema";
import { requestPhoneChange } from "../../app/modules/auth/phone.server";
import { makeUser } from "../factories";
import type { TestClient } from "./helpers/app";
import { useTestApp } from "./helpers/app";
import { uniqueMobile } from "./helpers/messages";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** The ways a Moroccan mobile number is typed: +212, 00212, 0, with spaces, dashes, dots, a doubled 0. */
function formats(e164: string): string[] {
  const national = e164.slice(4); // 6XXXXXXXX
  const pairs = national.slice(1).match(/../g)!.join(" ");
  return [
    e164,
    `00212${national}`,
    `0${national}`,
    `0${national[0]} ${pairs}`,
    `+212 ${national[0]} ${pairs}`,
    `+212-${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`,
    `0${national.slice(0, 3)}.${national.slice(3, 6)}.${national.slice(6)}`,
    `+2120${national}`,
    ` ${e164} `,
  ];
}

/** A person signed in with a phone of her own; all of them carry the same name, so their pages compare. */
async function someone(locale: "fr" | "ar" = "fr") {
  const user = await makeUser(t.db, { phone: uniqueMobile(), displayName: "Awa Traoré", locale });
  const client = await app.signedIn(user.phone!);
  return { user, client };
}

/** The page as a reader compares it: the number, the per-request nonce and the SMS's instant taken out. */
function shape(html: string, phone: string): string {
  return html
    .split(phone)
    .join("<phone>")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<instant>")
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/cspNonce\\",\\"[^\\]*\\"/, "cspNonce");
}

/** What one request for a number wrote, as the asker could ever tell it apart. */
async function written(userId: string, phone: string) {
  return {
    codes: await t.db.$count(
      verificationCodes,
      and(eq(verificationCodes.userId, userId), eq(verificationCodes.target, phone)),
    ),
    messages: await t.db.$count(outbox, eq(outbox.recipient, phone)),
    counted: await t.db.$count(codeRequests, eq(codeRequests.identifierKey, `phone:${phone}`)),
    byAccount: await t.db.$count(codeRequests, eq(codeRequests.identifierKey, `account:${userId}`)),
  };
}

const ask = (client: TestClient, phone: string) => client.post("/account", { intent: "phone", phone });

describe("a change of number answers the same whether another account has the number", () => {
  it("same answer, page, rows and wrong-code answer; the owner is told in her language; nothing changes", async () => {
    const owner = await makeUser(t.db, { phone: uniqueMobile(), locale: "ar" });
    const free = uniqueMobile();
    const taker = await someone();
    const honest = await someone();

    const a = await ask(taker.client, `0${owner.phone!.slice(4)}`);
    const b = await ask(honest.client, `0${free.slice(4)}`);
    for (const r of [a, b]) {
      expect(r.status).toBe(302);
      expect(r.headers.get("location")).toBe("/confirm-phone");
    }
    const pageA = await (await taker.client.get("/confirm-phone")).text();
    const pageB = await (await honest.client.get("/confirm-phone")).text();
    expect(pageA).toContain(owner.phone!);
    expect(pageA).toContain("SMS du code\u00a0: En attente");
    expect(shape(pageA, owner.phone!)).toBe(shape(pageB, free));

    // the same work: one code held for the asker, one SMS to the number, one count for the number and the account
    const same = { codes: 1, messages: 1, counted: 1, byAccount: 1 };
    expect(await written(taker.user.id, owner.phone!)).toEqual(same);
    expect(await written(honest.user.id, free)).toEqual(same);

    // the number's owner gets an SMS in her language saying someone tried; no code reaches the number
    const [notice] = await t.db.select().from(outbox).where(eq(outbox.recipient, owner.phone!));
    expect(notice).toMatchObject({ kind: "notify.phoneChangeAttempt", userId: owner.id, locale: "ar" });
    expect(notice!.body).toContain("حاول شخص وضع هذا الرقم في حساب آخر");
    expect(notice!.body).not.toMatch(/\d{6}/);
    expect(await t.db.$count(notifications, eq(notifications.userId, owner.id))).toBe(1);
    expect(
      await t.db.$count(
        auditLog,
        and(eq(auditLog.entityId, owner.id), eq(auditLog.action, "auth.phone_change_on_taken_number")),
      ),
    ).toBe(1);

    // every code is wrong for the taken number, answered as a wrong code for the free one
    const guessA = await taker.client.post("/confirm-phone", { intent: "confirm", code: "123456" });
    const guessB = await honest.client.post("/confirm-phone", { intent: "confirm", code: "123456" });
    expect([guessA.status, guessB.status]).toEqual([400, 400]);
    expect(shape(await guessA.text(), owner.phone!)).toBe(shape(await guessB.text(), free));
    const [after] = await t.db.select().from(users).where(eq(users.id, taker.user.id));
    expect(after!.phone).toBe(taker.user.phone);
    const [kept] = await t.db.select().from(users).where(eq(users.id, owner.id));
    expect(kept!.phone).toBe(owner.phone);
  });

  it("in every way the number can be typed: the same answer as a free number typed that way", async () => {
    const owner = await makeUser(t.db, { phone: uniqueMobile() });
    const start = Date.now();
    const variants = formats(owner.phone!);
    for (const [i, typed] of variants.entries()) {
      // one request per number in each throttle window, from a new account and address each time
      const meta = { ip: `10.18.0.${i}`, now: new Date(start + i * 16 * 60_000) };
      const free = uniqueMobile();
      const taker = await makeUser(t.db, { phone: uniqueMobile() });
      const honest = await makeUser(t.db, { phone: uniqueMobile() });
      const actor = (u: typeof taker) => ({ id: u.id, role: u.role, organisationId: null });
      const taken = await requestPhoneChange(t.db, actor(taker), { phone: typed }, meta);
      const freeTyped = formats(free)[i]!;
      const unused = await requestPhoneChange(t.db, actor(honest), { phone: freeTyped }, meta);
      expect(taken, typed).toEqual({ ok: true });
      expect(unused, freeTyped).toEqual({ ok: true });
      // the number it was read as: the owner's, waiting for a code no one received
      const [held] = await t.db.select().from(verificationCodes).where(eq(verificationCodes.userId, taker.id));
      expect(held?.target, typed).toBe(owner.phone);
    }
    const toOwner = await t.db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.recipient, owner.phone!));
    expect(toOwner.map((m) => m.kind)).toEqual(variants.map(() => "notify.phoneChangeAttempt"));
  });

  it("the owner's own number, typed another way, is still the person's own: no notice, a plain refusal", async () => {
    const me = await someone();
    const answer = await ask(me.client, `00212${me.user.phone!.slice(4)}`);
    expect(answer.status).toBe(400);
    expect(await t.db.$count(outbox, eq(outbox.recipient, me.user.phone!))).toBe(0);
  });
});

describe("the throttle of a change of number", () => {
  it("counts per number whatever its format and whichever account asks, as for a free number", async () => {
    for (const owned of [true, false]) {
      const phone = uniqueMobile();
      if (owned) await makeUser(t.db, { phone });
      const start = Date.now();
      const answers = [];
      for (const [i, typed] of formats(phone).slice(0, 5).entries()) {
        const asker = await makeUser(t.db, { phone: uniqueMobile() });
        const meta = { ip: `10.19.${owned ? 1 : 2}.${i}`, now: new Date(start + i * 90_000) };
        answers.push((await requestPhoneChange(t.db, asker, { phone: typed }, meta)).ok);
      }
      // three in the window, then the number waits, whoever asks and however it is typed
      expect(answers, owned ? "taken" : "free").toEqual([true, true, true, false, false]);
    }
  });

  it("counts per account: one account cannot try number after number", async () => {
    const asker = await makeUser(t.db, { phone: uniqueMobile() });
    const start = Date.now();
    const at = (minutes: number, i: number) => ({ ip: `10.20.0.${i}`, now: new Date(start + minutes * 60_000) });
    const taken = await makeUser(t.db, { phone: uniqueMobile() });
    const tries = [
      [0, taken.phone!],
      [0.5, uniqueMobile()], // within the minute
      [1.5, uniqueMobile()],
      [3, uniqueMobile()],
      [4.5, taken.phone!], // the fourth in the window
    ] as const;
    const answers = [];
    for (const [i, [minutes, phone]] of tries.entries())
      answers.push((await requestPhoneChange(t.db, asker, { phone }, at(minutes, i))).ok);
    expect(answers).toEqual([true, false, true, true, false]);
  });

  it("holds under concurrent requests: one account asking for ten numbers at once gets one code", async () => {
    const asker = await makeUser(t.db, { phone: uniqueMobile() });
    const owners = await Promise.all([0, 1, 2, 3, 4].map(() => makeUser(t.db, { phone: uniqueMobile() })));
    const numbers = [...owners.map((o) => o.phone!), ...[0, 1, 2, 3, 4].map(() => uniqueMobile())];
    const now = new Date();
    const results = await Promise.all(
      numbers.map((phone, i) => requestPhoneChange(t.db, asker, { phone }, { ip: `10.21.0.${i}`, now })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 429)).toBe(true);
    expect(await t.db.$count(codeRequests, eq(codeRequests.identifierKey, `account:${asker.id}`))).toBe(1);
    expect(await t.db.$count(verificationCodes, eq(verificationCodes.userId, asker.id))).toBe(1);
  });

  it("holds under concurrent requests: ten accounts asking for one taken number at once tell its owner once", async () => {
    const owner = await makeUser(t.db, { phone: uniqueMobile() });
    const askers = await Promise.all([...Array(10).keys()].map(() => makeUser(t.db, { phone: uniqueMobile() })));
    const typed = formats(owner.phone!);
    const now = new Date();
    const results = await Promise.all(
      askers.map((asker, i) =>
        requestPhoneChange(t.db, asker, { phone: typed[i % typed.length]! }, { ip: `10.22.0.${i}`, now }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.db.$count(outbox, eq(outbox.recipient, owner.phone!))).toBe(1);
    expect(await t.db.$count(codeRequests, eq(codeRequests.identifierKey, `phone:${owner.phone}`))).toBe(1);
  });

  it("over HTTP, a second request at once is a 429 for a taken number as for a free one", async () => {
    for (const owned of [true, false]) {
      const phone = uniqueMobile();
      if (owned) await makeUser(t.db, { phone });
      const { client } = await someone();
      const answers = await Promise.all([ask(client, phone), ask(client, `0${phone.slice(4)}`)]);
      expect(answers.map((r) => r.status).sort()).toEqual([302, 429]);
    }
  });
});
