/**
 * The acknowledgement after sending: the reference travels to `/feedback/sent` in a
 * short-lived cookie of that page alone, never in the address, where the browser's
 * history or a shared phone would keep it. It stays 15 minutes, so a reload still shows
 * it; a new message replaces it.
 */
import { readCookie } from "~/modules/auth/session.server";
import { canonicalReference } from "./rules";

const NAME = "masar_feedback_sent";
const PATH = "/feedback/sent";
const MAX_AGE_S = 15 * 60;

export function ackCookie(ack: { reference: string; confidential: boolean }, secure: boolean): string {
  const parts = [
    `${NAME}=${ack.reference}.${ack.confidential ? "c" : "o"}`,
    `Path=${PATH}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${MAX_AGE_S}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** The reference the cookie carries, if it is one (a forged cookie shows its owner nothing but itself). */
export function readAck(request: Request): { reference: string; confidential: boolean } | null {
  const value = readCookie(request.headers.get("cookie"), NAME);
  const match = value ? /^([^.]+)\.([co])$/.exec(value) : null;
  const reference = match?.[1] ? canonicalReference(match[1]) : null;
  return reference ? { reference, confidential: match?.[2] === "c" } : null;
}
