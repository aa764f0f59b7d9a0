/**
 * Case files close and reopen with a reason (issue 15): closing goes through its
 * confirmation step and needs a reason; a closed file leaves the lists and the rounds
 * but stays in the reports of the time it was open; each change is audited, happens
 * once under concurrency, and only in the owning association.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, beneficiaryCases, caseStatusChanges } from "../../../db/schema";
import {
  findOrMakeItem,
  makeCase,
  makeRound,
  makeService,
  makeWarehouse,
  receiveStock,
} from "../../factories/protection";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { twoAssociations } from "./setup";

const t = useTestDb();
const app = useTestApp(t);
let s: Awaited<ReturnType<typeof twoAssociations>>;

beforeAll(async () => {
  s = await twoAssociations(t.db, app);
});

const caseOfA = (firstName = `Clos${Math.random().toString(36).slice(2, 8)}`) =>
  makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, firstName });

async function statusOf(caseId: string) {
  const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
  return row!.status;
}

const audits = (caseId: string, action: string) =>
  t.db.$count(auditLog, and(eq(auditLog.entityId, caseId), eq(auditLog.action, action)));

describe("closing a case file", () => {
  it("goes through its confirmation step and needs a reason; then it is closed, with its reason and audit row", async () => {
    const c = await caseOfA();
    const path = `/protection/cases/${c.id}`;
    const first = await s.clients.workerA.post(path, { intent: "close", reason: "moved" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${path}?confirm=close`);
    expect(await statusOf(c.id)).toBe("open");

    const step = await (await s.clients.workerA.get(`${path}?confirm=close`)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain("quitte la liste des dossiers");
    expect(step).toContain('name="reason"');

    const noReason = await s.clients.workerA.post(`${path}?confirm=close`, { intent: "close", confirm: "close" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Choisissez un motif dans la liste.");
    expect(await statusOf(c.id)).toBe("open");
    const notAReason = await s.clients.workerA.post(`${path}?confirm=close`, {
      intent: "close",
      confirm: "close",
      reason: "new_need",
    });
    expect(notAReason.status).toBe(400);

    const done = await s.clients.workerA.post(`${path}?confirm=close`, {
      intent: "close",
      confirm: "close",
      reason: "returned_home",
    });
    expect(done.status).toBe(302);
    expect(await statusOf(c.id)).toBe("closed");
    const history = await t.db.select().from(caseStatusChanges).where(eq(caseStatusChanges.caseId, c.id));
    expect(history.map((h) => [h.status, h.reason, h.changedById])).toEqual([
      ["closed", "returned_home", s.workerA.id],
    ]);
    expect(await audits(c.id, "protection.case.close")).toBe(1);
    const page = await (await s.clients.workerA.get(path)).text();
    expect(page).toContain("Retour au pays");
    expect(page).toContain("Rouvrir le dossier");
  });

  it("closes once out of 10 simultaneous confirmations", async () => {
    const c = await caseOfA();
    const path = `/protection/cases/${c.id}?confirm=close`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? s.clients.workerA : s.clients.supervisorA).post(path, {
          intent: "close",
          confirm: "close",
          reason: "lost_contact",
        }),
      ),
    );
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    expect(responses.filter((r) => r.status === 302)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(9);
    expect(await t.db.$count(caseStatusChanges, eq(caseStatusChanges.caseId, c.id))).toBe(1);
    expect(await audits(c.id, "protection.case.close")).toBe(1);
  });

  it("is for the owning association only", async () => {
    const c = await caseOfA();
    const other = await s.clients.workerB.post(`/protection/cases/${c.id}?confirm=close`, {
      intent: "close",
      confirm: "close",
      reason: "moved",
    });
    expect(other.status).toBe(404);
    expect(await statusOf(c.id)).toBe("open");
  });
});

describe("a closed case file", () => {
  it("leaves the list and the rounds, and is found under the closed files", async () => {
    const c = await caseOfA("Listeclose");
    const item = await findOrMakeItem(t.db, "hygiene_kit", "Kit d'hygiène (clôture)");
    const warehouse = await makeWarehouse(t.db, s.orgA.id);
    await receiveStock(t.db, warehouse.id, item.id, 10, s.workerA.id);
    const round = await makeRound(t.db, {
      organisationId: s.orgA.id,
      warehouseId: warehouse.id,
      itemId: item.id,
      createdById: s.workerA.id,
    });
    expect(await (await s.clients.workerA.get("/protection?q=Listeclose")).text()).toContain(c.reference);
    expect(await (await s.clients.workerA.get(`/aid/rounds/${round.id}?q=Listeclose`)).text()).toContain(c.reference);

    await s.clients.workerA.post(`/protection/cases/${c.id}?confirm=close`, {
      intent: "close",
      confirm: "close",
      reason: "services_completed",
    });
    expect(await (await s.clients.workerA.get("/protection?q=Listeclose")).text()).not.toContain(c.reference);
    expect(await (await s.clients.workerA.get("/protection?q=Listeclose&status=closed")).text()).toContain(c.reference);
    expect(await (await s.clients.workerA.get(`/aid/rounds/${round.id}?q=Listeclose`)).text()).not.toContain(
      c.reference,
    );
    const handOut = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" });
    expect(handOut.status).toBe(400);
    expect(await handOut.text()).toContain("Ce dossier est clos");
    // a status that is not offered is a clear 400
    expect((await s.clients.workerA.get("/protection?status=archived")).status).toBe(400);
  });

  it("stays in the reports of the time it was open", async () => {
    const c = await caseOfA();
    await makeService(t.db, {
      caseId: c.id,
      kind: "medical",
      serviceDate: "2026-02-10",
      status: "done",
      recordedById: s.workerA.id,
      details: { reasonCategory: "general" },
    });
    const events = () =>
      t.db.execute(
        sql`select activity, occurred_on::text as day from report_events where person_key = ${c.id} order by occurred_on`,
      ) as unknown as Promise<{ activity: string; day: string }[]>;
    const before = await events();
    expect(before).toEqual([{ activity: "medical_consultation", day: "2026-02-10" }]);
    await s.clients.workerA.post(`/protection/cases/${c.id}?confirm=close`, {
      intent: "close",
      confirm: "close",
      reason: "deceased",
    });
    expect(await statusOf(c.id)).toBe("closed");
    expect(await events()).toEqual(before);
  });

  it("opens again with a reason, back in the lists, with both changes in its history", async () => {
    const c = await caseOfA("Rouvert");
    const path = `/protection/cases/${c.id}`;
    await s.clients.workerA.post(`${path}?confirm=close`, { intent: "close", confirm: "close", reason: "moved" });
    const noReason = await s.clients.workerA.post(path, { intent: "reopen" });
    expect(noReason.status).toBe(400);
    expect(await statusOf(c.id)).toBe("closed");
    expect((await s.clients.workerB.post(path, { intent: "reopen", reason: "came_back" })).status).toBe(404);
    expect((await s.clients.workerA.post(path, { intent: "reopen", reason: "came_back" })).status).toBe(302);
    expect(await statusOf(c.id)).toBe("open");
    expect(await audits(c.id, "protection.case.reopen")).toBe(1);
    const page = await (await s.clients.workerA.get(path)).text();
    expect(page).toContain("La personne est revenue");
    expect(page).toContain("A quitté la ville");
    expect(await (await s.clients.workerA.get("/protection?q=Rouvert")).text()).toContain(c.reference);
    // already open: nothing more happens
    expect((await s.clients.workerA.post(path, { intent: "reopen", reason: "came_back" })).status).toBe(400);
    expect(await t.db.$count(caseStatusChanges, eq(caseStatusChanges.caseId, c.id))).toBe(2);
  });

  it("pairs each reason with its status in the database", async () => {
    const c = await caseOfA();
    await expect(
      t.db
        .insert(caseStatusChanges)
        .values({ caseId: c.id, status: "closed", reason: "came_back", changedById: s.workerA.id }),
    ).rejects.toThrow();
    await expect(
      t.db
        .insert(caseStatusChanges)
        .values({ caseId: c.id, status: "open", reason: "deceased", changedById: s.workerA.id }),
    ).rejects.toThrow();
  });
});
