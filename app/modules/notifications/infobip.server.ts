/**
 * Infobip's SMS API (v3), chosen for Morocco (docs/decisions/0063-sms-provider-infobip.md):
 * it reaches the three Moroccan operators, takes our outbox id as its `messageId`, which
 * makes a retry idempotent once Infobip has turned idempotency on for the account, and
 * posts delivery reports to a webhook protected by HTTP Basic credentials.
 */
import { postJson, type SendOutcome, type SmsTransport } from "./transports.server";
import type { DeliveryReport } from "./delivery-reports.server";

export type InfobipSettings = { baseUrl: string; apiKey: string; sender: string; timeoutMs?: number };

type InfobipStatus = { groupName?: string; name?: string; description?: string };

/** Status groups: 1 PENDING, 2 UNDELIVERABLE, 3 DELIVERED, 4 EXPIRED, 5 REJECTED. */
function outcomeOfStatus(status: InfobipStatus | undefined): SendOutcome {
  const group = status?.groupName ?? "";
  if (group === "PENDING" || group === "DELIVERED") return { status: "accepted" };
  if (group === "REJECTED" || group === "UNDELIVERABLE") {
    return { status: "rejected", error: `${status?.name ?? group}`.slice(0, 200) };
  }
  return { status: "retry", error: `unexpected status ${group || "none"}` };
}

export function infobipSmsTransport(settings: InfobipSettings, fetchImpl: typeof fetch = fetch): SmsTransport {
  const url = `${settings.baseUrl.replace(/\/+$/, "")}/sms/3/messages`;
  const headers = { Authorization: `App ${settings.apiKey}` };
  return {
    name: "infobip",
    async send({ id, to, text }) {
      const body = {
        messages: [
          {
            sender: settings.sender,
            destinations: [{ to: to.replace(/^\+/, ""), messageId: id }],
            content: { text },
          },
        ],
      };
      const answer = await postJson(fetchImpl, url, headers, body, settings.timeoutMs);
      if (!answer.ok) return { status: "retry", error: answer.error };
      // a malformed request will not get better by itself; a wrong key or a busy API may
      if (answer.status === 400) return { status: "rejected", error: "HTTP 400" };
      if (answer.status < 200 || answer.status >= 300) return { status: "retry", error: `HTTP ${answer.status}` };
      try {
        const parsed = JSON.parse(answer.text) as { messages?: { messageId?: string; status?: InfobipStatus }[] };
        const first = parsed.messages?.[0];
        const outcome = outcomeOfStatus(first?.status);
        return outcome.status === "accepted"
          ? { status: "accepted", providerMessageId: first?.messageId ?? id }
          : outcome;
      } catch {
        return { status: "retry", error: "unreadable answer" };
      }
    },
  };
}

/** Reports Infobip posts: `{ results: [{ messageId, status: { groupName, name }, error }] }`. */
export function parseInfobipReports(body: unknown): DeliveryReport[] {
  const results = (body as { results?: unknown })?.results;
  if (!Array.isArray(results)) return [];
  const reports: DeliveryReport[] = [];
  for (const item of results as { messageId?: unknown; status?: InfobipStatus; error?: { name?: string } }[]) {
    if (typeof item?.messageId !== "string") continue;
    const group = item.status?.groupName;
    if (group === "DELIVERED") reports.push({ id: item.messageId, outcome: "delivered" });
    else if (group === "UNDELIVERABLE" || group === "EXPIRED" || group === "REJECTED") {
      const reason = [item.status?.name, item.error?.name].filter(Boolean).join(" / ") || String(group);
      reports.push({ id: item.messageId, outcome: "failed", reason: reason.slice(0, 200) });
    }
  }
  return reports;
}
