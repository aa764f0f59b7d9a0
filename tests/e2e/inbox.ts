/** What the fake mail server and the fake SMS gateway of the end-to-end run share. */
import { expect } from "@playwright/test";

/**
 * The six-digit code in the newest message listed at `messagesUrl` (a fake server's
 * `/messages?to=…`, each message with its `text`), skipping the first `after`: polled
 * until the portal's worker has handed the message over.
 */
export async function newestCode(messagesUrl: string, after = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(messagesUrl);
        const messages = ((await response.json()) as { text: string }[]).slice(after);
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
