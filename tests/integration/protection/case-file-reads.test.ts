/**
 * The case file's reads are built once per database handle (`runPrepared`, decision
 * 0178-page-statements-built-once): a value taken from the first case opened instead of a
 * placeholder would show every later reader that case. Two case files are opened in turn
 * (the first, the second, the first again) through the same handle, and each must show
 * its own person, notes (and page of them), services, consent and SMS panel, and the
 * supervisor's page of viewers its own openings.
 */
import { describe, expect, it } from "vitest";
import { loadCaseFile } from "~/modules/protection/case-file/data.server";
import { caseViewers } from "~/modules/protection/viewers.server";
import { asActor, makeOrganisation, makeUser } from "../../factories";
import { makeCase, makeNote, makeService, makeSupervisor } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

describe("the case file's reads built once", () => {
  it("show each case its own sections, page by page, whatever was opened before", async () => {
    const org = await makeOrganisation(t.db);
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    await makeSupervisor(t.db, worker.id);
    const base = { organisationId: org.id, createdById: worker.id, estimatedAge: 30 };
    const first = await makeCase(t.db, { ...base, firstName: "Awa" }, { sms: true, language: "fr" });
    const second = await makeCase(t.db, { ...base, firstName: "Binta" }, { sms: true, language: "ar" });
    for (let n = 1; n <= 21; n++) await makeNote(t.db, first.id, worker.id, `Awa ${n}`);
    await makeNote(t.db, second.id, worker.id, "Binta 1");
    await makeService(t.db, {
      caseId: first.id,
      kind: "legal",
      serviceDate: "2026-01-15",
      status: "open",
      recordedById: worker.id,
      details: { legalType: "documents" },
    });
    await makeService(t.db, {
      caseId: second.id,
      kind: "mental_health",
      serviceDate: "2026-02-15",
      status: "open",
      recordedById: worker.id,
    });
    const actor = asActor(worker);
    const open = (caseId: string, page = 1) =>
      loadCaseFile(t.db, actor, caseId, { ip: null, locale: "fr" }, { notes: page });

    const views = new Map<string, number>();
    for (const [c, name, language, kind, page, notes] of [
      [first, "Awa", "fr", "legal", 1, 20],
      [second, "Binta", "ar", "mental_health", 1, 1],
      [first, "Awa", "fr", "legal", 2, 1],
      [second, "Binta", "ar", "mental_health", 1, 1],
    ] as const) {
      const d = await open(c.id, page);
      views.set(c.id, (views.get(c.id) ?? 0) + 1);
      expect(d.case.id).toBe(c.id);
      expect(d.identity?.firstName).toBe(name);
      expect(d.notes).toHaveLength(notes);
      expect(d.notes.every((note) => note.body.startsWith(name))).toBe(true);
      expect(d.pageCounts.notes).toBe(name === "Awa" ? 2 : 1);
      expect(d.services.map((s) => s.kind)).toEqual([kind]);
      expect(d.consent?.language).toBe(language);
      expect(d.sms?.language).toBe(language);
      expect(d.account).not.toBeNull();
      expect(d.organisationName).toBe(org.name);
      // the supervisor's page of viewers lists this case's openings only, this one included
      const seen = await caseViewers(t.db, actor, c.id, 1, { ip: null });
      expect(seen.viewers).toHaveLength(views.get(c.id)!);
    }
    const lastPage = await open(first.id, 2);
    expect(lastPage.notes.map((n) => n.body)).toEqual(["Awa 1"]);
  });
});
