import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../../db/schema";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { infobipSmsTransport } from "../../../app/modules/notifications/infobip.server";
import { notify } from "../../../app/modules/notifications/service.server";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { startFakeGateway } from "../../../scripts/sms-fake-gateway";
import { makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { startFakeInfobip } from "./fake-infobip";

// the webhooks read their secrets from the settings at each request; set for this file only
// (files share a process: tests/vitest.config.ts)
const SECRETS = {
  SMS_WEBHOOK_TOKEN: "generic-webhook-token-0123456789",
  INFOBIP_WEBHOOK_USER: "infobip",
  INFOBIP_WEBHOOK_PASSWORD: "infobip-webhook-password-0123",
};
const before = Object.fromEntries(Object.keys(SECRETS).map((name) => [name, process.env[name]]));
beforeAll(() => void Object.assign(process.env, SECRETS));
afterAll(() => {
  for (const [name, value] of Object.entries(before)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const t = useTestDb();
const app = useTestApp(t);

async function queued(phone: string, locale: "fr" | "ar" = "fr") {
  const user = await makeUser(t.db, { phone, locale });
  const [id] = await notify(t.db, {
    userId: user.id,
    kind: "notify.trainingSeat",
    params: { training: "Couture" },
    channels: ["sms"],
  });
  return id!;
}

async function state(id: string) {
  const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
}

function postReport(path: string, body: unknown, authorization?: string) {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(body),
  });
}

describe("generic gateway reports", () => {
  it("move an accepted message to delivered or failed, with the token only", async () => {
    const gateway = await startFakeGateway({
      log: false,
      report: { url: `${app.url}/webhooks/sms`, token: process.env.SMS_WEBHOOK_TOKEN! },
    });
    try {
      const id = await queued("+212611000001");
      await deliverOutbox(t.db, { email: null, sms: httpSmsTransport({ url: `${gateway.url}/sms` }) });
      await expect.poll(async () => (await state(id)).state).toBe("delivered");
      expect((await state(id)).deliveredAt).not.toBeNull();
    } finally {
      await gateway.close();
    }
    const failing = await queued("+212611000002");
    await t.db.update(outbox).set({ state: "accepted" }).where(eq(outbox.id, failing));
    const bearer = `Bearer ${process.env.SMS_WEBHOOK_TOKEN}`;
    expect(
      (await postReport("/webhooks/sms", { id: failing, status: "failed", reason: "absent subscriber" })).status,
    ).toBe(401);
    expect(
      (await postReport("/webhooks/sms", { id: failing, status: "failed" }, "Bearer wrong-token-0123456789")).status,
    ).toBe(401);
    expect((await state(failing)).state).toBe("accepted");
    const answer = await postReport(
      "/webhooks/sms",
      [{ id: failing, status: "failed", reason: "absent subscriber" }],
      bearer,
    );
    expect(answer.status).toBe(200);
    expect(await state(failing)).toMatchObject({
      state: "failed",
      failReason: "undeliverable",
      lastError: "absent subscriber",
    });
    // a late "delivered" wins; nothing goes back after it
    await postReport("/webhooks/sms", { id: failing, status: "delivered" }, bearer);
    await postReport("/webhooks/sms", { id: failing, status: "failed" }, bearer);
    expect((await state(failing)).state).toBe("delivered");
    // not JSON, or ids that are not ours: refused or ignored, never a 500
    expect(
      (await fetch(`${app.url}/webhooks/sms`, { method: "POST", headers: { Authorization: bearer }, body: "{" }))
        .status,
    ).toBe(400);
    expect(
      (await postReport("/webhooks/sms", { id: "'; drop table outbox", status: "delivered" }, bearer)).status,
    ).toBe(200);
  });
});

describe("Infobip", () => {
  it("sends with our id as messageId, reads its answer, and takes its reports with Basic credentials", async () => {
    const infobip = await startFakeInfobip({
      apiKey: "test-key",
      rejectNumbers: ["212611000099"],
      report: {
        url: `${app.url}/webhooks/infobip`,
        user: process.env.INFOBIP_WEBHOOK_USER!,
        password: process.env.INFOBIP_WEBHOOK_PASSWORD!,
      },
    });
    try {
      const sms = infobipSmsTransport({ baseUrl: infobip.url, apiKey: "test-key", sender: "Masar" });
      const good = await queued("+212611000010", "ar");
      const bad = await queued("+212611000099");
      await deliverOutbox(t.db, { email: null, sms });
      await infobip.settled();
      expect(infobip.sent.find((s) => s.messageId === good)).toMatchObject({ to: "212611000010", sender: "Masar" });
      expect(await state(good)).toMatchObject({ state: "delivered", providerMessageId: good });
      expect(await state(bad)).toMatchObject({
        state: "failed",
        failReason: "rejected",
        lastError: "REJECTED_DESTINATION",
      });

      // a re-send of an accepted id (a crash before the database heard) is dropped by Infobip,
      // whose REJECTED report for the copy does not undo "delivered"
      expect((await sms.send({ id: good, to: "+212611000010", text: "x" })).status).toBe("accepted");
      await infobip.settled();
      expect(infobip.sent.filter((s) => s.messageId === good)).toHaveLength(1);
      expect((await state(good)).state).toBe("delivered");

      const wrongKey = infobipSmsTransport({ baseUrl: infobip.url, apiKey: "nope", sender: "Masar" });
      expect(await wrongKey.send({ id: good, to: "+212611000010", text: "x" })).toEqual({
        status: "retry",
        error: "HTTP 401",
      });
    } finally {
      await infobip.close();
    }
    const basic = `Basic ${Buffer.from("infobip:wrong").toString("base64")}`;
    expect((await postReport("/webhooks/infobip", { results: [] }, basic)).status).toBe(401);
  });

  it("a webhook whose secret is not set does not exist", async () => {
    const saved = process.env.SMS_WEBHOOK_TOKEN;
    delete process.env.SMS_WEBHOOK_TOKEN;
    try {
      expect((await postReport("/webhooks/sms", { id: "x", status: "delivered" }, `Bearer ${saved}`)).status).toBe(404);
    } finally {
      process.env.SMS_WEBHOOK_TOKEN = saved;
    }
  });
});
