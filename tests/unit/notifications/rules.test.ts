import { describe, expect, it } from "vitest";
import {
  afterTemporaryFailure,
  clipForSms,
  DELIVERY,
  maskSecrets,
  pickWithinLimits,
  retryDelayMs,
  smsSize,
  whenParams,
} from "../../../app/modules/notifications/rules";

describe("SMS segments", () => {
  it("counts GSM-7 text in septets: 160 alone, 153 a part", () => {
    expect(smsSize("a".repeat(160))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(smsSize("a".repeat(161))).toEqual({ encoding: "gsm7", units: 161, segments: 2 });
    expect(smsSize("a".repeat(306)).segments).toBe(2);
    expect(smsSize("a".repeat(307)).segments).toBe(3);
    // French accents of the GSM alphabet stay GSM-7
    expect(smsSize("Masar : votre dossier est complété, à bientôt").encoding).toBe("ucs2"); // ô is not GSM
    expect(smsSize("Masar : votre dossier est complété, à demain").encoding).toBe("gsm7");
  });

  it("counts the extension table twice", () => {
    expect(smsSize("€".repeat(80))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(smsSize("€".repeat(81)).segments).toBe(2);
  });

  it("makes any other character UCS-2: 70 alone, 67 a part", () => {
    const arabic = "م".repeat(70);
    expect(smsSize(arabic)).toEqual({ encoding: "ucs2", units: 70, segments: 1 });
    expect(smsSize(`${arabic}م`).segments).toBe(2);
    expect(smsSize("م".repeat(134)).segments).toBe(2);
    expect(smsSize("م".repeat(135)).segments).toBe(3);
    // one curly quote turns a Latin text into UCS-2
    expect(smsSize("Masar: “x”").encoding).toBe("ucs2");
  });

  it("clips long titles with three dots, which stay in the GSM alphabet", () => {
    const clipped = clipForSms("Appel à projets pour les activités génératrices de revenus 2026");
    expect([...clipped].length).toBeLessThanOrEqual(32);
    expect(clipped.endsWith("...")).toBe(true);
    expect(clipForSms("Court")).toBe("Court");
  });
});

describe("codes on the outbox page", () => {
  it("are masked, dashes kept", () => {
    expect(maskSecrets("Masar : votre code est 123456.", ["123456"])).toBe("Masar : votre code est ••••••.");
    expect(maskSecrets("code abcd-efgh", ["abcd-efgh"])).toBe("code ••••-••••");
    expect(maskSecrets("rien", [])).toBe("rien");
  });
});

describe("retries", () => {
  const created = new Date("2026-03-01T10:00:00Z");
  const expires = new Date(created.getTime() + DELIVERY.newsTtlMs);

  it("back off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(DELIVERY.maxRetryMs);
  });

  it("stop after the last try, or when the next would come after the expiry", () => {
    const now = new Date(created.getTime() + 60_000);
    expect(afterTemporaryFailure({ attempts: 1, createdAt: created, expiresAt: expires }, now)).toEqual({
      state: "queued",
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
    expect(
      afterTemporaryFailure({ attempts: DELIVERY.maxAttempts, createdAt: created, expiresAt: expires }, now),
    ).toEqual({ state: "failed", failReason: "gave_up" });
    const code = { attempts: 3, createdAt: created, expiresAt: new Date(created.getTime() + 100_000) };
    expect(afterTemporaryFailure(code, now)).toEqual({ state: "expired" });
  });
});

describe("rate limits", () => {
  const sms = (recipient: string) => ({ channel: "sms" as const, recipient });
  it("keep to the global budget and to the per-number window, codes first as given", () => {
    const due = [sms("+1"), sms("+1"), sms("+2"), { channel: "email" as const, recipient: "a@b.c" }, sms("+3")];
    const picked = pickWithinLimits(due, {
      globalLeft: 2,
      perNumberMax: 1,
      claimedPerNumber: new Map(),
      batch: 10,
    });
    expect(picked.map((m) => m.recipient)).toEqual(["+1", "+2", "a@b.c"]);
    const busy = pickWithinLimits([sms("+1"), sms("+2")], {
      globalLeft: 10,
      perNumberMax: 6,
      claimedPerNumber: new Map([["+1", 6]]),
      batch: 10,
    });
    expect(busy.map((m) => m.recipient)).toEqual(["+2"]);
  });
});

describe("a moment in a message", () => {
  it("is the day and time Morocco's clock reads, in digits every language reads", () => {
    // UTC+1 in June; UTC+0 during Ramadan 2026 (about 18 February to 19 March)
    expect(whenParams(new Date("2030-06-12T13:30:00Z"))).toEqual({ date: "12/06/2030", time: "14:30" });
    expect(whenParams(new Date("2026-03-01T09:05:00Z"))).toEqual({ date: "01/03/2026", time: "09:05" });
    expect(whenParams(new Date("2026-12-31T23:30:00Z"))).toEqual({ date: "01/01/2027", time: "00:30" });
  });
});
