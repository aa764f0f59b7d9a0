/** The fake mail server of the end-to-end run (tests/e2e/server.ts starts it): where it listens, what it got. */
import { newestCode } from "./inbox";

/** Beside the app's port (the SMS gateway is at +1000), so that runs on different E2E_PORTs do not meet. */
export function mailServerPorts(appPort: number): { smtp: number; http: number } {
  return { smtp: appPort + 2000, http: appPort + 2001 };
}

const mailUrl = `http://127.0.0.1:${mailServerPorts(Number(process.env.E2E_PORT ?? 3210)).http}`;

/** The six-digit code in the newest e-mail to an address, once the portal's worker has handed it over. */
export function codeMailedTo(address: string): Promise<string> {
  return newestCode(`${mailUrl}/messages?to=${encodeURIComponent(address)}`);
}
