/**
 * Pure rules of message delivery: how many SMS segments a text costs, when to try
 * again, when to give up, what people reading the outbox may see. No database here.
 */
import type { OutboxState } from "~db/schema/notifications";
import type { Locale } from "~/i18n/config";
import { LOCALES } from "~/i18n/config";
import type { LocalizedText } from "~/lib/localized";
import { formatMoney } from "~/lib/money";
import { moroccoDateTime } from "~/lib/morocco-time";

// ---------------------------------------------------------------- the recipient's language

/**
 * A message's parameters: a title staff keep in three languages (a call, a training, an
 * offer) or an amount travels as `{ fr, ar, en }`, and each message is written with its
 * recipient's value.
 */
export type NotifyParams = Record<string, string | number | LocalizedText>;

/** The parameters in one language. */
export function paramsIn(params: NotifyParams, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === "object" ? value[locale] : value;
  return out;
}

/** An amount as each language writes it; plain spaces, so a French SMS stays in the GSM alphabet. */
export function amountText(centimes: number): LocalizedText {
  const one = (locale: Locale) => formatMoney(locale, centimes).replace(/[\u202f\u00a0]/g, " ");
  return Object.fromEntries(LOCALES.map((l) => [l, one(l)])) as LocalizedText;
}

/**
 * A moment as a message says it: the day as 27/03/2026 and the time as 10:30, on
 * Morocco's clock, in digits every language of the portal reads (and the GSM alphabet).
 */
export function whenParams(at: Date): { date: string; time: string } {
  const { date, time } = moroccoDateTime(at);
  const [y, m, d] = date.split("-");
  return { date: `${d}/${m}/${y}`, time };
}

// ---------------------------------------------------------------- SMS segments

/** The GSM 03.38 default alphabet (one septet each), without the escape character. */
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** The extension table: two septets each (escape + character). */
const GSM7_EXTENSION = new Set("^{}\\[~]|€\f");

export type SmsEncoding = "gsm7" | "ucs2";
export type SmsSize = { encoding: SmsEncoding; units: number; segments: number };

/**
 * What a text costs as SMS. GSM-7 when every character is in the GSM alphabet: 160
 * septets in one message, 153 a part when concatenated. Anything else (Arabic, most
 * accents outside the alphabet, emoji) makes the whole message UCS-2: 70 UTF-16 units
 * alone, 67 a part.
 */
export function smsSize(text: string): SmsSize {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1;
    else if (GSM7_EXTENSION.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: "gsm7", units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length;
  return { encoding: "ucs2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** Templates stay within this many segments with realistic content (a unit test holds it). */
export const MAX_TEMPLATE_SEGMENTS = 2;

/** A title or a name inside an SMS: long ones are cut, so the message stays short. */
export const SMS_PARAM_MAX = 32;

/** Cut with "..." (not "…", which is outside the GSM alphabet and would make a French SMS UCS-2). */
export function clipForSms(value: string, max = SMS_PARAM_MAX): string {
  const chars = [...value.trim()];
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 3)
        .join("")
        .trimEnd()}...`;
}

// ---------------------------------------------------------------- secrets

/** The text with each secret (a code) replaced by dots, its dashes kept: what the outbox page shows. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (!secret) continue;
    masked = masked.split(secret).join(secret.replace(/[^-\s]/g, "•"));
  }
  return masked;
}

// ---------------------------------------------------------------- retries and expiry

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DELIVERY = {
  /** a claim older than this is taken again (a worker that died mid-send) */
  leaseMs: 5 * MINUTE,
  /** a gateway that has not answered by then counts as a failed try */
  requestTimeoutMs: 10 * SECOND,
  firstRetryMs: 30 * SECOND,
  maxRetryMs: HOUR,
  maxAttempts: 8,
  /** retries stop this long after the message was written, whatever its expiry */
  retryWindowMs: 24 * HOUR,
  /** codes are short-lived; other news is still worth sending for three days */
  codeTtlMs: 10 * MINUTE,
  newsTtlMs: 72 * HOUR,
  /** per phone number: at most this many SMS claimed in the window */
  perNumber: { count: 6, windowMs: 10 * MINUTE },
  batch: 20,
} as const;

/** Exponential backoff: 30 s, 1 min, 2 min, … up to an hour, after the n-th failed try. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, attempts);
  return Math.min(DELIVERY.maxRetryMs, DELIVERY.firstRetryMs * 2 ** (n - 1));
}

export type AfterFailure =
  { state: "queued"; nextAttemptAt: Date } | { state: "failed"; failReason: "gave_up" } | { state: "expired" };

/** After a try the gateway did not accept: try again later, or stop. */
export function afterTemporaryFailure(
  message: { attempts: number; createdAt: Date; expiresAt: Date },
  now: Date,
): AfterFailure {
  const next = new Date(now.getTime() + retryDelayMs(message.attempts));
  if (next.getTime() >= message.expiresAt.getTime()) return { state: "expired" };
  if (message.attempts >= DELIVERY.maxAttempts || next.getTime() - message.createdAt.getTime() > DELIVERY.retryWindowMs)
    return { state: "failed", failReason: "gave_up" };
  return { state: "queued", nextAttemptAt: next };
}

/** States from which nothing more happens (delivery reports aside). */
export const SETTLED: readonly OutboxState[] = ["accepted", "delivered", "failed", "expired"];

/** States a staff member may call "sent": a gateway accepted them. */
export function wasAccepted(state: OutboxState): boolean {
  return state === "accepted" || state === "delivered";
}

/** Global budget left this minute, given how many SMS were claimed in the last minute. */
export function globalBudget(perMinute: number, claimedLastMinute: number): number {
  return Math.max(0, perMinute - claimedLastMinute);
}

/**
 * Which due SMS may go now: the global budget for this minute, and at most
 * `perNumber.count` per phone number in its window (counting what was already claimed).
 * E-mail is not limited here. Order is kept (codes first).
 */
export function pickWithinLimits<T extends { channel: "email" | "sms"; recipient: string }>(
  due: readonly T[],
  limits: { globalLeft: number; perNumberMax: number; claimedPerNumber: ReadonlyMap<string, number>; batch: number },
): T[] {
  const picked: T[] = [];
  const perNumber = new Map(limits.claimedPerNumber);
  let globalLeft = limits.globalLeft;
  for (const message of due) {
    if (picked.length >= limits.batch) break;
    if (message.channel === "sms") {
      const used = perNumber.get(message.recipient) ?? 0;
      if (globalLeft <= 0 || used >= limits.perNumberMax) continue;
      perNumber.set(message.recipient, used + 1);
      globalLeft -= 1;
    }
    picked.push(message);
  }
  return picked;
}
