/**
 * Delivery reports: a gateway tells us, after accepting a message, whether it reached
 * the phone. Reports only move a message forward: "delivered" wins over everything (a
 * later "rejected duplicate" report for a re-sent id must not undo it), "failed" only
 * follows "sending" or "accepted".
 */
import { timingSafeEqual } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { outbox } from "~db/schema";
import { isUuid } from "~/lib/ids";

export type DeliveryReport = { id: string; outcome: "delivered" | "failed"; reason?: string };

/** Apply reports; unknown or malformed ids are ignored. Returns how many messages changed. */
export async function applyDeliveryReports(db: Database, reports: DeliveryReport[], now = new Date()) {
  let changed = 0;
  for (const report of reports) {
    if (!isUuid(report.id)) continue;
    const rows =
      report.outcome === "delivered"
        ? await db
            .update(outbox)
            .set({
              state: "delivered",
              deliveredAt: now,
              acceptedAt: sql`coalesce(${outbox.acceptedAt}, ${now.toISOString()}::timestamptz)`,
              failReason: null,
              body: sql`${outbox.preview}`,
            })
            .where(and(eq(outbox.id, report.id), inArray(outbox.state, ["sending", "accepted", "failed"])))
            .returning({ id: outbox.id })
        : await db
            .update(outbox)
            .set({
              state: "failed",
              failReason: "undeliverable",
              lastError: (report.reason ?? "").slice(0, 200) || null,
              body: sql`${outbox.preview}`,
            })
            .where(and(eq(outbox.id, report.id), inArray(outbox.state, ["sending", "accepted"])))
            .returning({ id: outbox.id });
    changed += rows.length;
  }
  return changed;
}

/**
 * The generic gateway's reports: `{ "id": "<outbox id>", "status": "delivered" | "failed",
 * "reason": "…" }`, one object or an array of them.
 */
export function parseGenericReports(body: unknown): DeliveryReport[] {
  const items = Array.isArray(body) ? body : [body];
  const reports: DeliveryReport[] = [];
  for (const item of items as { id?: unknown; status?: unknown; reason?: unknown }[]) {
    if (typeof item?.id !== "string") continue;
    if (item.status === "delivered") reports.push({ id: item.id, outcome: "delivered" });
    else if (item.status === "failed") {
      reports.push({
        id: item.id,
        outcome: "failed",
        reason: typeof item.reason === "string" ? item.reason : undefined,
      });
    }
  }
  return reports;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A Bearer token, compared in constant time. */
export function checkBearer(header: string | null, token: string): boolean {
  if (!header?.startsWith("Bearer ")) return false;
  return sameSecret(header.slice(7).trim(), token);
}

/** HTTP Basic credentials (Infobip's notification profile), compared in constant time. */
export function checkBasicAuth(header: string | null, expected: { user: string; password: string }): boolean {
  if (!header?.startsWith("Basic ")) return false;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  return sameSecret(decoded, `${expected.user}:${expected.password}`);
}

/** A report's JSON body, at most `max` bytes; null when it is too large or not JSON. */
export async function readJsonBody(request: Request, max = 256 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > max) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export type WebhookAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/**
 * One delivery-report request, for either webhook: 404 while its secret is not set (the
 * route does not exist for this portal), 401 without the right credentials, 400 for a
 * body that is not JSON, else the reports applied.
 */
export async function receiveReports(
  db: Database,
  request: Request,
  auth: { secretSet: boolean; check: (authorization: string | null) => boolean; challenge: string },
  parse: (body: unknown) => DeliveryReport[],
): Promise<WebhookAnswer> {
  if (!auth.secretSet) return { status: 404, body: { error: "not configured" } };
  if (!auth.check(request.headers.get("authorization"))) {
    return { status: 401, body: { error: "unauthorized" }, headers: { "WWW-Authenticate": auth.challenge } };
  }
  const body = await readJsonBody(request);
  if (body === null) return { status: 400, body: { error: "not JSON" } };
  const updated = await applyDeliveryReports(db, parse(body));
  return { status: 200, body: { updated } };
}
