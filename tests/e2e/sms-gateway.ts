/** The fake SMS gateway of the end-to-end run (tests/e2e/server.ts starts it): where it listens, what it got. */
import { expect } from "@playwright/test";
import type { FakeSms } from "../../scripts/sms-fake-gateway";

/** Beside the app's port, so that runs on different E2E_PORTs do not meet. */
export function smsGatewayPort(appPort: number): number {
  return appPort + 1000;
}

const gatewayUrl = `http://127.0.0.1:${smsGatewayPort(Number(process.env.E2E_PORT ?? 3210))}`;

/** The six-digit code in the newest SMS to a number (E.164), once the portal's worker has handed it over. */
export async function codeSentTo(phone: string, after = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${gatewayUrl}/messages?to=${encodeURIComponent(phone)}`);
        const messages = ((await response.json()) as FakeSms[]).slice(after);
        code = messages
          .map((m) => /\b(\d{6})\b/.exec(m.text)?.[1])
          .filter(Boolean)
          .pop();
        return code;
      },
      { timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/** How many SMS a number got so far. */
export async function smsCount(phone: string): Promise<number> {
  const response = await fetch(`${gatewayUrl}/messages?to=${encodeURIComponent(phone)}`);
  return ((await response.json()) as FakeSms[]).length;
}

/** The newest SMS to a number whose text contains `part`, once the portal's worker has handed it over. */
export async function smsContaining(phone: string, part: string): Promise<string> {
  let text: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${gatewayUrl}/messages?to=${encodeURIComponent(phone)}`);
        text = ((await response.json()) as FakeSms[])
          .map((m) => m.text)
          .filter((t) => t.includes(part))
          .pop();
        return text;
      },
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return text!;
}
