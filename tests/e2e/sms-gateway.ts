/** The fake SMS gateway of the end-to-end run (tests/e2e/server.ts starts it): where it listens, what it got. */
import type { FakeSms } from "../../scripts/sms-fake-gateway";
import { newestCode, newestFound } from "./inbox";

/** Beside the app's port, so that runs on different E2E_PORTs do not meet. */
export function smsGatewayPort(appPort: number): number {
  return appPort + 1000;
}

const gatewayUrl = `http://127.0.0.1:${smsGatewayPort(Number(process.env.E2E_PORT ?? 3210))}`;

/** The six-digit code in the newest SMS to a number (E.164), once the portal's worker has handed it over. */
export function codeSentTo(phone: string, after = 0): Promise<string> {
  return newestCode(`${gatewayUrl}/messages?to=${encodeURIComponent(phone)}`, after);
}

/** How many SMS a number got so far. */
export async function smsCount(phone: string): Promise<number> {
  const response = await fetch(`${gatewayUrl}/messages?to=${encodeURIComponent(phone)}`);
  return ((await response.json()) as FakeSms[]).length;
}

/** The newest SMS to a number whose text contains `part`, once the portal's worker has handed it over. */
export function smsContaining(phone: string, part: string): Promise<string> {
  return newestFound(`${gatewayUrl}/messages?to=${encodeURIComponent(phone)}`, (text) =>
    text.includes(part) ? text : undefined,
  );
}
