import nodemailer from "nodemailer";
import { DELIVERY } from "./rules";

/** What a gateway said about one message. */
export type SendOutcome =
  | { status: "accepted"; providerMessageId?: string | null }
  /** not accepted this time (an error, a timeout, 5xx): try again later with the same id */
  | { status: "retry"; error: string }
  /** refused for good (a bad number, a blocked sender): never tried again */
  | { status: "rejected"; error: string };

export type OutgoingSms = { id: string; to: string; text: string };
export type OutgoingEmail = { id: string; to: string; subject: string; text: string };

/** One interface for every SMS gateway: the generic HTTP contract, Infobip, a test double. */
export interface SmsTransport {
  readonly name: string;
  send(message: OutgoingSms): Promise<SendOutcome>;
}

export interface EmailTransport {
  send(message: OutgoingEmail): Promise<SendOutcome>;
}

export type Transports = { email: EmailTransport | null; sms: SmsTransport | null };

export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send({ id, to, subject, text }) {
      try {
        // the outbox id as Message-ID: a mail re-sent after a crash is recognisable as the same one
        await transporter.sendMail({ from, to, subject, text, messageId: `<${id}@masar.outbox>` });
        return { status: "accepted" };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx from the SMTP server is a permanent refusal (RFC 5321); the rest may pass later
        if (typeof code === "number" && code >= 500) return { status: "rejected", error: `SMTP ${code}` };
        return { status: "retry", error: String(error).slice(0, 300) };
      }
    },
  };
}

type FetchLike = typeof fetch;

/** POST JSON with a deadline; a network error or the deadline is a "retry". */
export async function postJson(
  fetchImpl: FetchLike,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  timeoutMs: number = DELIVERY.requestTimeoutMs,
): Promise<{ ok: true; status: number; text: string } | { ok: false; error: string }> {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: true, status: response.status, text: await response.text() };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { ok: false, error: name === "TimeoutError" ? "timeout" : String(error).slice(0, 300) };
  }
}

/**
 * The generic gateway contract (docs/modules/notifications.md): POST `{id, to, text}`
 * as JSON, `Authorization: Bearer <token>` when a token is set; any 2xx means accepted,
 * anything else or no answer in time means "try again", with the same id, which lets the
 * gateway drop a duplicate.
 */
export function httpSmsTransport(options: { url: string; token?: string; fetch?: FetchLike; timeoutMs?: number }) {
  const fetchImpl = options.fetch ?? fetch;
  const headers: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const transport: SmsTransport = {
    name: "http",
    async send({ id, to, text }) {
      const answer = await postJson(fetchImpl, options.url, headers, { id, to, text }, options.timeoutMs);
      if (!answer.ok) return { status: "retry", error: answer.error };
      if (answer.status >= 200 && answer.status < 300) return { status: "accepted" };
      return { status: "retry", error: `HTTP ${answer.status}` };
    },
  };
  return transport;
}
