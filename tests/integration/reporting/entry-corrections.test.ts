/**
 * A budget entry corrected by the admin (issue 15, "correct and close"): from the entry's
 * own form on /admin/budget (a link, no JavaScript), every field; the audit row names the
 * fields changed, never the values; bad input keeps what was typed; no one else may.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, budgetEntries } from "../../../db/schema";
import { makeUser, uniqueSuffix } from "../../factories";
import { useTestApp, type TestClient } from "../helpers/app";
import { everyoneButTheAdmin, refusalFor, versionOn } from "../helpers/corrections";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function admin() {
  const user = await makeUser(t.db, { role: "admin" });
  return app.signedIn(user.email!);
}

async function entry() {
  const [row] = await t.db
    .insert(budgetEntries)
    .values({
      lineKey: "staff_operations",
      kind: "spending",
      amountMadCentimes: 120_000,
      occurredOn: "2026-03-10",
      reference: `Loyer mars ${uniqueSuffix()}`,
    })
    .returning();
  return row!;
}

const stored = async (id: string) => (await t.db.select().from(budgetEntries).where(eq(budgetEntries.id, id)))[0]!;
const corrections = (id: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "budget_entry.correct")));

type Entry = Awaited<ReturnType<typeof entry>>;

/** Post a correction where its form posts it: the budget page with the entry open. */
function send(client: TestClient, body: Record<string, string>) {
  return client.post(`/admin/budget?entry=${body.entryId}`, body);
}

/** The entry's form as the admin's page shows it now, with `changes` typed over it. */
async function form(c: TestClient, e: Entry, changes: Record<string, string> = {}) {
  const version = versionOn(await (await c.get(`/admin/budget?entry=${e.id}`)).text());
  return {
    intent: "correctEntry",
    entryId: e.id,
    version,
    lineKey: e.lineKey,
    kind: e.kind,
    amount: String(e.amountMadCentimes / 100),
    occurredOn: e.occurredOn,
    reference: e.reference,
    ...changes,
  };
}

describe("correcting a budget entry", () => {
  it("opens the entry's form from the list, corrects what changed, and audits the field names only", async () => {
    const c = await admin();
    const e = await entry();
    const list = await (await c.get("/admin/budget")).text();
    expect(list).toContain(`/admin/budget?entry=${e.id}`);
    const page = await (await c.get(`/admin/budget?entry=${e.id}`)).text();
    expect(page).toContain('value="correctEntry"');
    expect(page).toContain('value="1200"');
    const res = await send(c, await form(c, e, { amount: "1 250,50", occurredOn: "2026-03-12" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/budget?done=corrected");
    expect(await stored(e.id)).toMatchObject({
      amountMadCentimes: 125_050,
      occurredOn: "2026-03-12",
      reference: e.reference,
    });
    const rows = await corrections(e.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields).toEqual(["amountMadCentimes", "occurredOn"]);
    expect(JSON.stringify(rows[0])).not.toContain("125050");
    expect(await (await c.get("/admin/budget?done=corrected")).text()).toContain("Saisie corrigée.");
    const again = await send(c, await form(c, await stored(e.id)));
    expect(again.headers.get("location")).toBe("/admin/budget?done=unchanged");
    expect(await corrections(e.id)).toHaveLength(1);
  });

  it("refuses bad input with the error summary, keeps what was typed, and changes nothing", async () => {
    const c = await admin();
    const e = await entry();
    const before = await stored(e.id);
    const cases: Record<string, string>[] = [
      { amount: "0" },
      { amount: "-5" },
      { amount: "12,5,0" },
      { lineKey: "yachts" },
      { kind: "gift" },
      { occurredOn: "2026-02-31" },
      { reference: "   " },
    ];
    for (const changes of cases) {
      const res = await send(c, await form(c, e, { ...changes, reference: changes.reference ?? "Gardé tel quel" }));
      expect(res.status, JSON.stringify(changes)).toBe(400);
      const html = await res.text();
      expect(html, JSON.stringify(changes)).toContain('data-testid="error-summary"');
      expect(html, JSON.stringify(changes)).toContain('aria-invalid="true"');
      if (!changes.reference) expect(html).toContain('value="Gardé tel quel"');
    }
    expect(await stored(e.id)).toEqual(before);
    const body = await form(c, before);
    const missing = await send(c, { ...body, entryId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
    expect((await c.get("/admin/budget?entry=00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await c.get("/admin/budget?entry=abc")).status).toBe(400);
  });

  it("is the admin's only: every other role is refused and nothing changes", async () => {
    const e = await entry();
    const body = await form(await admin(), e, { amount: "1" });
    for (const [who, client] of await everyoneButTheAdmin(t.db, app)) {
      expect((await send(client, body)).status, who).toBe(refusalFor(who));
      expect((await client.get(`/admin/budget?entry=${e.id}`)).status, who).toBe(refusalFor(who));
    }
    expect((await stored(e.id)).amountMadCentimes).toBe(120_000);
  });

  it("two corrections from the same view at once: one stands whole, the other is refused, nothing put back", async () => {
    const c = await admin();
    const e = await entry();
    const first = await form(c, e, { amount: "1300" });
    const second = await form(c, e, { reference: `${e.reference} (corrigé)` });
    const answers = await Promise.all([send(c, first), send(c, second)]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
    const late = answers.find((r) => r.status === 409)!;
    const html = await late.text();
    expect(html).toContain("modifiée entre-temps");
    const after = await stored(e.id);
    // the refused form shows the entry as it is now
    expect(html).toContain(`value="${after.reference}"`);
    const rows = await corrections(e.id);
    expect(rows).toHaveLength(1);
    expect([after.amountMadCentimes === 130_000, after.reference !== e.reference].filter(Boolean)).toHaveLength(1);
  });
});
