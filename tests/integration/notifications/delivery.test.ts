import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../../db/schema";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { notify } from "../../../app/modules/notifications/service.server";
import { DELIVERY } from "../../../app/modules/notifications/rules";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import type { Behaviour } from "../../../scripts/sms-fake-gateway";
import { makeUser } from "../../factories";
import { useFakeGateway } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const startGateway = useFakeGateway();

let phoneSeq = 0;
async function personWithPhone(locale: "fr" | "ar" | "en" = "fr") {
  phoneSeq += 1;
  const phone = `+2126${String(Date.now() % 1e6).padStart(6, "0")}${String(phoneSeq).padStart(2, "0")}`;
  return makeUser(t.db, { phone, locale });
}

async function queueSms(userId: string) {
  const [id] = await notify(t.db, {
    userId,
    kind: "grants.notify.submitted",
    params: { call: { fr: "Appel AGR 2026", ar: "طلب مشاريع 2026", en: "IGA call 2026" } },
    channels: ["sms"],
  });
  return id!;
}

async function row(id: string) {
  const [message] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  return message!;
}

async function fakeGateway(behaviour?: Behaviour) {
  return startGateway({ behaviour, log: false });
}

const later = (ms: number) => new Date(Date.now() + ms);

describe("delivery through a gateway", () => {
  it("hands each message over once, in the person's language, and says so only once accepted", async () => {
    const fake = await fakeGateway();
    const person = await personWithPhone("ar");
    const id = await queueSms(person.id);
    expect((await row(id)).state).toBe("queued");
    const result = await deliverOutbox(t.db, { email: null, sms: httpSmsTransport({ url: `${fake.url}/sms` }) });
    expect(result.accepted).toBeGreaterThanOrEqual(1);
    const mine = fake.messages().filter((m) => m.id === id);
    expect(mine).toEqual([
      expect.objectContaining({ to: person.phone, text: expect.stringContaining("طلب مشاريع 2026") }),
    ]);
    const message = await row(id);
    expect(message).toMatchObject({ state: "accepted", attempts: 1, encoding: "ucs2", segments: 1 });
    expect(message.acceptedAt).not.toBeNull();
    // a second round sends nothing again
    await deliverOutbox(t.db, { email: null, sms: httpSmsTransport({ url: `${fake.url}/sms` }) });
    expect(fake.requests().filter((r) => r.id === id)).toHaveLength(1);
  });

  it("a gateway answering 500, then 200, gets the message once, after a backoff", async () => {
    const fake = await fakeGateway((_sms, attempt) => (attempt === 1 ? "fail" : "accept"));
    const id = await queueSms((await personWithPhone()).id);
    const sms = httpSmsTransport({ url: `${fake.url}/sms` });
    await deliverOutbox(t.db, { email: null, sms });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ state: "queued", attempts: 1, lastError: "HTTP 500" });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // not before its time
    await deliverOutbox(t.db, { email: null, sms });
    expect((await row(id)).state).toBe("queued");
    await deliverOutbox(t.db, { email: null, sms }, { now: later(31_000) });
    expect(await row(id)).toMatchObject({ state: "accepted", attempts: 2 });
    expect(fake.messages().filter((m) => m.id === id)).toHaveLength(1);
  });

  it("a gateway that accepts but answers too late sees the same id again, and drops it", async () => {
    const fake = await fakeGateway((_sms, attempt) => (attempt === 1 ? { acceptAfterMs: 1500 } : "accept"));
    const id = await queueSms((await personWithPhone()).id);
    const sms = httpSmsTransport({ url: `${fake.url}/sms`, timeoutMs: 200 });
    await deliverOutbox(t.db, { email: null, sms });
    expect(await row(id)).toMatchObject({ state: "queued", lastError: "timeout" });
    await deliverOutbox(t.db, { email: null, sms }, { now: later(31_000) });
    expect((await row(id)).state).toBe("accepted");
    const requests = fake.requests().filter((r) => r.id === id);
    expect(requests.map((r) => r.id)).toEqual([id, id]);
    expect(fake.messages().filter((m) => m.id === id)).toHaveLength(1);
  });

  it("gives up after the last try with the reason, and never sends a message past its expiry", async () => {
    const fake = await fakeGateway(() => "fail");
    const id = await queueSms((await personWithPhone()).id);
    await t.db
      .update(outbox)
      .set({ attempts: DELIVERY.maxAttempts - 1 })
      .where(eq(outbox.id, id));
    await deliverOutbox(t.db, { email: null, sms: httpSmsTransport({ url: `${fake.url}/sms` }) });
    expect(await row(id)).toMatchObject({ state: "failed", failReason: "gave_up", lastError: "HTTP 500" });

    const person = await personWithPhone();
    const [code] = await notify(t.db, {
      userId: person.id,
      kind: "notify.phoneCode",
      params: { code: "123456" },
      channels: ["sms"],
      inApp: false,
    });
    const ok = await fakeGateway();
    await deliverOutbox(
      t.db,
      { email: null, sms: httpSmsTransport({ url: `${ok.url}/sms` }) },
      { now: later(DELIVERY.codeTtlMs + 1000) },
    );
    const expired = await row(code!);
    expect(expired.state).toBe("expired");
    expect(expired.body).not.toContain("123456");
    expect(ok.requests().filter((r) => r.id === code)).toEqual([]);
  });

  it("without a gateway, messages are 'not configured', then go once one is set", async () => {
    const id = await queueSms((await personWithPhone()).id);
    await deliverOutbox(t.db, { email: null, sms: null });
    expect(await row(id)).toMatchObject({ state: "not_configured", attempts: 0, acceptedAt: null });
    const fake = await fakeGateway();
    await deliverOutbox(t.db, { email: null, sms: httpSmsTransport({ url: `${fake.url}/sms` }) });
    expect((await row(id)).state).toBe("accepted");
  });

  it("two workers at once send every message exactly once", async () => {
    const fake = await fakeGateway();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await queueSms((await personWithPhone()).id));
    const sms = httpSmsTransport({ url: `${fake.url}/sms` });
    const options = { batch: 10, smsPerMinute: 1000 };
    await Promise.all([
      deliverOutbox(t.db, { email: null, sms }, options),
      deliverOutbox(t.db, { email: null, sms }, options),
    ]);
    await deliverOutbox(t.db, { email: null, sms }, options);
    for (const id of ids) expect(fake.requests().filter((r) => r.id === id)).toHaveLength(1);
  });

  it("keeps to the per-number and the global rate limits", async () => {
    const fake = await fakeGateway();
    const sms = httpSmsTransport({ url: `${fake.url}/sms` });
    // drain what earlier tests left
    await deliverOutbox(t.db, { email: null, sms }, { now: later(10 * 60_000), smsPerMinute: 1000, batch: 100 });
    const person = await personWithPhone();
    const ids: string[] = [];
    for (let i = 0; i < DELIVERY.perNumber.count + 2; i++) ids.push(await queueSms(person.id));
    const round = await deliverOutbox(t.db, { email: null, sms }, { smsPerMinute: 1000 });
    expect(round.claimed).toBe(DELIVERY.perNumber.count);
    const others = [];
    for (let i = 0; i < 5; i++) others.push(await queueSms((await personWithPhone()).id));
    // an hour later (earlier claims out of every window), three a minute: three go, the rest wait
    const limited = await deliverOutbox(t.db, { email: null, sms }, { now: later(2 * 3600_000), smsPerMinute: 3 });
    expect(limited.claimed).toBe(3);
    const next = await deliverOutbox(t.db, { email: null, sms }, { now: later(2 * 3600_000 + 1000), smsPerMinute: 3 });
    expect(next.claimed).toBe(0);
  });
});

function runChild(env: Record<string, string>): Promise<string> {
  const child = spawn("npx", ["tsx", path.join(import.meta.dirname, "outbox-child.ts")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child never stopped: ${out}`));
    }, 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("STOPPED")) {
        // the process dies here, without a word to the database
        child.kill("SIGKILL");
        clearTimeout(timer);
        child.once("exit", () => resolve(out));
      }
    });
  });
}

describe("a worker killed in the middle of a round", () => {
  for (const stop of ["after-accept", "before-send"] as const) {
    it(`loses nothing and sends nothing twice (${stop})`, async () => {
      const fake = await fakeGateway();
      const sms = httpSmsTransport({ url: `${fake.url}/sms` });
      await deliverOutbox(t.db, { email: null, sms }, { now: later(60 * 60_000), smsPerMinute: 1000, batch: 100 });
      const id = await queueSms((await personWithPhone()).id);
      const said = await runChild({ CHILD_DB_URL: t.url, CHILD_GATEWAY_URL: `${fake.url}/sms`, CHILD_STOP: stop });
      expect(said).toContain(stop === "after-accept" ? "STOPPED accepted" : "STOPPED");
      const orphan = await row(id);
      expect(orphan.state).toBe("sending");
      // within the lease nobody touches it
      await deliverOutbox(t.db, { email: null, sms });
      expect((await row(id)).state).toBe("sending");
      // after it, the message goes again with the same id
      await deliverOutbox(t.db, { email: null, sms }, { now: later(DELIVERY.leaseMs + 1000) });
      expect((await row(id)).state).toBe("accepted");
      expect(fake.messages().filter((m) => m.id === id)).toHaveLength(1);
      const tries = fake.requests().filter((r) => r.id === id);
      expect(tries).toHaveLength(stop === "after-accept" ? 2 : 1);
    });
  }
});
