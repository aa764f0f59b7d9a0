/**
 * Every opening of a case file is audited, whoever reads it and whichever statement
 * writes the row: the owner's row is written by the statement that reads the case (a
 * data-modifying CTE), a receiving association's once its requests are read. A reader
 * the case is refused to writes none. The supervisor's list of viewers shows the opening
 * it is part of, and every opening, a page of 20 at a time (decision 0190-viewers-paged).
 */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseReferrals } from "../../../db/schema";
import { loadCaseFile } from "~/modules/protection/case-file/data.server";
import { ownerSections } from "~/modules/protection/case-file/owner-sections.server";
import { asActor, makeOrganisation, makeUser } from "../../factories";
import { makeCase, makeSupervisor } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

const viewsOf = (caseId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "protection.case.view")))
    .orderBy(auditLog.id);

describe("an opening of a case file", () => {
  it("writes one audit row for the owner and for a receiving association, none for a refused reader", async () => {
    const orgA = await makeOrganisation(t.db);
    const orgB = await makeOrganisation(t.db);
    const orgC = await makeOrganisation(t.db);
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: orgA.id });
    const supervisor = await makeUser(t.db, { role: "case_worker", organisationId: orgA.id });
    await makeSupervisor(t.db, supervisor.id);
    const partner = await makeUser(t.db, { role: "case_worker", organisationId: orgB.id });
    const stranger = await makeUser(t.db, { role: "case_worker", organisationId: orgC.id });
    const c = await makeCase(t.db, { organisationId: orgA.id, createdById: worker.id }, { partners: [orgB.id] });
    const other = await makeCase(t.db, { organisationId: orgA.id, createdById: worker.id });
    await t.db.insert(caseReferrals).values({
      caseId: c.id,
      kind: "referral",
      fromOrganisationId: orgA.id,
      toOrganisationId: orgB.id,
      requestedById: worker.id,
      shareNotes: true,
    });
    const open = (user: typeof worker, caseId: string, ip: string) =>
      loadCaseFile(t.db, asActor(user), caseId, { ip, locale: "fr" });

    await open(worker, c.id, "10.0.0.1");
    expect((await viewsOf(c.id)).map((r) => [r.actorId, r.actorRole, r.organisationId, r.ip])).toEqual([
      [worker.id, "case_worker", orgA.id, "10.0.0.1"],
    ]);

    const shared = await open(partner, c.id, "10.0.0.2");
    expect(shared.reach).toBe("pending");
    expect((await viewsOf(c.id)).map((r) => [r.actorId, r.organisationId, r.ip])).toEqual([
      [worker.id, orgA.id, "10.0.0.1"],
      [partner.id, orgB.id, "10.0.0.2"],
    ]);

    // refused: not found, and nothing written (nor for a case of A not referred to B)
    await expect(open(stranger, c.id, "10.0.0.3")).rejects.toMatchObject({ status: 404 });
    await expect(open(partner, other.id, "10.0.0.4")).rejects.toMatchObject({ status: 404 });
    expect(await viewsOf(c.id)).toHaveLength(2);
    expect(await viewsOf(other.id)).toHaveLength(0);

    // the supervisor's list holds the opening it is read by, first
    const seen = await open(supervisor, c.id, "10.0.0.5");
    expect(await viewsOf(c.id)).toHaveLength(3);
    expect(seen.viewers).toHaveLength(3);
    expect(seen.viewers[0]!.name).toBe(supervisor.displayName);
    expect(seen.viewers.map((v) => v.action)).toEqual(Array(3).fill("protection.case.view"));
  });

  it("lists the supervisor every opening, newest first, 20 a page, each on one page only", async () => {
    const org = await makeOrganisation(t.db);
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    const supervisor = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    await makeSupervisor(t.db, supervisor.id);
    const c = await makeCase(t.db, { organisationId: org.id, createdById: worker.id });
    // 44 openings and exports a minute apart, the last two at the same instant (then newest row first)
    const start = Date.UTC(2026, 10, 2, 9, 0);
    await t.db.insert(auditLog).values(
      Array.from({ length: 44 }, (_, i) => ({
        actorId: i % 2 ? worker.id : supervisor.id,
        actorRole: "case_worker" as const,
        organisationId: org.id,
        action: i % 11 === 0 ? "protection.case.export" : "protection.case.view",
        entityType: "beneficiary_case",
        entityId: c.id,
        at: new Date(start + Math.min(i, 42) * 60_000),
      })),
    );
    const all = await t.db
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, c.id))
      .orderBy(desc(auditLog.at), desc(auditLog.id));
    expect(all).toHaveLength(44);

    const pages = await Promise.all([1, 2, 3, 4].map((page) => ownerSections(t.db, c, supervisor.id, 1, page)));
    expect(pages.map((p) => [p.viewers.length, p.olderViewers])).toEqual([
      [20, true],
      [20, true],
      [4, false],
      [0, false],
    ]);
    expect(pages.flatMap((p) => p.viewers.map((v) => [v.at.toISOString(), v.action]))).toEqual(
      all.map((r) => [r.at.toISOString(), r.action]),
    );
    // a case worker who does not supervise sees no list
    expect(await ownerSections(t.db, c, worker.id, 1, 1)).toMatchObject({ viewers: [], olderViewers: false });

    // the page's opening comes first, so page 2 of the file starts one row later
    const second = await loadCaseFile(t.db, asActor(supervisor), c.id, { ip: null, locale: "fr" }, { viewers: 2 });
    expect(second.viewersPage).toBe(2);
    expect(second.olderViewers).toBe(true);
    expect(second.viewers.map((v) => v.at)).toEqual(all.slice(19, 39).map((r) => r.at.toISOString()));
  });
});
