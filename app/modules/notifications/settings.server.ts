/**
 * Which transports this server has, from its settings (app/server/env.server.ts):
 * SMS through the generic HTTP gateway (SMS_URL) or Infobip (INFOBIP_*), never both;
 * e-mail through SMTP (SMTP_URL). With none, messages wait as "not configured".
 */
import type { Env } from "~/server/env.server";
import { parseEnv } from "~/server/env.server";
import { infobipSmsTransport } from "./infobip.server";
import { httpSmsTransport, smtpTransport, type SmsTransport, type Transports } from "./transports.server";

type SmsEnv = Pick<
  Env,
  "SMS_URL" | "SMS_TOKEN" | "INFOBIP_BASE_URL" | "INFOBIP_API_KEY" | "INFOBIP_SENDER" | "SMTP_URL" | "MAIL_FROM"
>;

/** parseEnv has already refused both gateways at once, and Infobip without its key. */
export function smsTransportFromEnv(env: SmsEnv): SmsTransport | null {
  if (env.INFOBIP_BASE_URL && env.INFOBIP_API_KEY) {
    return infobipSmsTransport({
      baseUrl: env.INFOBIP_BASE_URL,
      apiKey: env.INFOBIP_API_KEY,
      sender: env.INFOBIP_SENDER,
    });
  }
  if (env.SMS_URL) return httpSmsTransport({ url: env.SMS_URL, token: env.SMS_TOKEN });
  return null;
}

export function transportsFromEnv(env: SmsEnv): Transports {
  return {
    email: env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : null,
    sms: smsTransportFromEnv(env),
  };
}

export type ReportSettings = {
  genericToken: string | null;
  infobip: { user: string; password: string } | null;
};

/** The secrets delivery reports must carry; a webhook without its secret set answers 404. */
export function reportSettings(env: Env = parseEnv()): ReportSettings {
  return {
    genericToken: env.SMS_WEBHOOK_TOKEN ?? null,
    infobip:
      env.INFOBIP_WEBHOOK_USER && env.INFOBIP_WEBHOOK_PASSWORD
        ? { user: env.INFOBIP_WEBHOOK_USER, password: env.INFOBIP_WEBHOOK_PASSWORD }
        : null,
  };
}
