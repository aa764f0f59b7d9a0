/**
 * Case notes, the vulnerability assessment and service notes are encrypted by the
 * application: the raw columns (and the whole rows as text) hold no clear text.
 * Every view, export and change writes an audit row; supervisors see who viewed, on the
 * file's page of viewers.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../db/schema";
import { VIEWERS_PER_PAGE } from "~/modules/protection/viewers.server";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { caseIdFrom, registration, twoAssociations } from "./setup";

const t = useTestDb();
const app = useTestApp(t);
let s: Awaited<ReturnType<typeof twoAssociations>>;
let caseId: string;

const NOTE = "Confidentiel-note-survivante-violence";
const VULN = "Confidentiel-evaluation-traite";
const SERVICE = "Confidentiel-service-psy";

beforeAll(async () => {
  s = await twoAssociations(t.db, app);
  caseId = caseIdFrom(await s.clients.workerA.post("/protection/cases/new", registration({ firstName: "Rokia" })));
  expect((await s.clients.workerA.post(`/protection/cases/${caseId}`, { intent: "note", body: NOTE })).status).toBe(
    302,
  );
  expect(
    (
      await s.clients.workerA.post(`/protection/cases/${caseId}/assessment`, {
        intent: "vulnerability",
        flags: ["trafficking_victim", "gbv_survivor"],
        notes: VULN,
        assessedOn: "2026-11-20",
      })
    ).status,
  ).toBe(302);
  expect(
    (
      await s.clients.workerA.post(`/protection/cases/${caseId}/services/new`, {
        kind: "mental_health",
        serviceDate: "2026-11-20",
        sessionType: "individual",
        notes: SERVICE,
      })
    ).status,
  ).toBe(302);
});

describe("encryption at rest", () => {
  it("stores no clear text in the raw columns or rows", async () => {
    const rows = await t.sql<{ row: string }[]>`
      select t::text as row from case_notes t
      union all select t::text from vulnerability_assessments t
      union all select t::text from case_services t`;
    expect(rows.length).toBe(3);
    const dump = rows.map((r) => r.row).join("\n");
    for (const secret of [NOTE, VULN, SERVICE, "trafficking_victim", "gbv_survivor"])
      expect(dump).not.toContain(secret);
    const [note] = await t.sql<{ body_enc: string }[]>`select body_enc from case_notes where case_id = ${caseId}`;
    expect(note!.body_enc).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
  });

  it("refuses clear text at the database itself", async () => {
    await expect(
      t.sql`insert into case_notes (case_id, author_id, body_enc) values (${caseId}, ${s.workerA.id}, 'plain text')`,
    ).rejects.toThrow(/case_notes_enc_check/);
  });

  it("shows the decrypted text to the case worker", async () => {
    const html = await (await s.clients.workerA.get(`/protection/cases/${caseId}`)).text();
    for (const secret of [NOTE, VULN, SERVICE]) expect(html).toContain(secret);
    expect(html).toContain("Victime de traite");
  });
});

describe("audit", () => {
  it("writes a row for each change and each view", async () => {
    const before = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "protection.case.view")));
    await s.clients.workerA.get(`/protection/cases/${caseId}`);
    const after = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "protection.case.view")));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.actorId).toBe(s.workerA.id);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, caseId))).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "protection.case.create",
        "protection.note.add",
        "protection.vulnerability.assess",
        "protection.service.mental_health.add",
      ]),
    );
  });

  it("never copies the values into the audit log", async () => {
    const rows = await t.sql<{ row: string }[]>`select t::text as row from audit_log t`;
    const dump = rows.map((r) => r.row).join("\n");
    for (const secret of [NOTE, VULN, SERVICE, "Rokia"]) expect(dump).not.toContain(secret);
  });

  it("records exports, and shows who viewed to supervisors only", async () => {
    expect((await s.clients.supervisorA.get(`/protection/cases/${caseId}/export.json`)).status).toBe(200);
    const exports = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "protection.case.export")));
    expect(exports).toHaveLength(1);
    const supervisorFile = await (await s.clients.supervisorA.get(`/protection/cases/${caseId}`)).text();
    const viewersLink = `href="/protection/cases/${caseId}/viewers"`;
    expect(supervisorFile).toContain(viewersLink);
    // the file itself lists no one: the list is on its own page
    expect(supervisorFile).not.toContain('data-testid="viewers"');
    const supervisorPage = await (await s.clients.supervisorA.get(`/protection/cases/${caseId}/viewers`)).text();
    expect(supervisorPage).toContain('data-testid="viewers"');
    expect(supervisorPage).toContain(s.workerA.displayName);
    // the person is not named on it: its reference only
    expect(supervisorPage).not.toContain("Rokia");
    const workerFile = await (await s.clients.workerA.get(`/protection/cases/${caseId}`)).text();
    expect(workerFile).not.toContain(viewersLink);
    const refused = await s.clients.workerA.get(`/protection/cases/${caseId}/viewers`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('data-testid="viewers"');
  });

  it("pages the supervisor's list of viewers by links that work without JavaScript", async () => {
    const page = (n?: number) =>
      s.clients.supervisorA.get(`/protection/cases/${caseId}/viewers${n ? `?page=${n}` : ""}`).then((r) => r.text());
    expect(await page()).not.toContain('data-testid="viewers-pages"');
    await t.db.insert(auditLog).values(
      Array.from({ length: VIEWERS_PER_PAGE + 5 }, (_, i) => ({
        actorId: s.workerA.id,
        actorRole: "case_worker" as const,
        action: "protection.case.view",
        entityType: "beneficiary_case",
        entityId: caseId,
        at: new Date(Date.UTC(2026, 0, 1, 9, i)),
      })),
    );
    const first = await page();
    const items = (html: string) => html.split('data-testid="viewers"')[1]!.split("</ul>")[0]!.split("<li").length - 1;
    expect(items(first)).toBe(VIEWERS_PER_PAGE);
    expect(first).toContain(`href="/protection/cases/${caseId}/viewers?page=2"`);
    const second = await page(2);
    expect(items(second)).toBeGreaterThan(0);
    expect(second).toContain(`href="/protection/cases/${caseId}/viewers?page=1"`);
    // the oldest opening (10:00 in Morocco) on the last page, which offers no older one
    expect(second).toMatch(/1 janv?\. 2026, 10:00/);
    expect(second).not.toContain("page=3");
    // past the last page: no one listed, said so, and the way back
    const past = await page(9);
    expect(past).not.toContain('data-testid="viewers"');
    expect(past).toContain("Aucune consultation à afficher.");
    expect(past).toContain(`href="/protection/cases/${caseId}/viewers?page=8"`);
  });
});
