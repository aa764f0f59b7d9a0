/** What the fake mail server and the fake SMS gateway of the end-to-end run share. */
import { expect } from "@playwright/test";

/**
 * What `pick` finds in the newest message listed at `messagesUrl` (a fake server's
 * `/messages?to=…`, each message with its `text`) that it finds anything in, skipping
 * the first `after` messages: polled until the portal's worker has handed it over.
 */
export async function newestFound(
  messagesUrl: string,
  pick: (text: string) => string | undefined,
  after = 0,
): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(messagesUrl);
        const messages = ((await response.json()) as { text: string }[]).slice(after);
        found = messages
          .map((m) => pick(m.text))
          .filter(Boolean)
          .pop();
        return found;
      },
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return found!;
}

/** The six-digit code in the newest message that has one (see newestFound). */
export function newestCode(messagesUrl: string, after = 0): Promise<string> {
  return newestFound(messagesUrl, (text) => /\b(\d{6})\b/.exec(text)?.[1], after);
}
