/**
 * Every opening of a case file is audited, whoever reads it and whichever statement
 * writes the row: the owner's row is written by the statement that reads the case (a
 * data-modifying CTE), a receiving association's once its requests are read. A reader
 * the case is refused to writes none. The supervisors' page of viewers shows every
 * opening, newest first, a page at a time (decisions 0190-viewers-paged and
 * 0214), to the supervisors of the owning association only, and its
 * own reading is audited.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseReferrals } from "../../../db/schema";
import { loadCaseFile } from "~/modules/protection/case-file/data.server";
import {
  caseViewers,
  VIEWER_ACTIONS,
  VIEWERS_PER_PAGE,
  VIEWERS_READ_ACTION,
} from "~/modules/protection/viewers.server";
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

    // the supervisor's page lists the openings, the latest first
    await open(supervisor, c.id, "10.0.0.5");
    const seen = await caseViewers(t.db, asActor(supervisor), c.id, 1, { ip: "10.0.0.6" });
    expect(seen.viewers.map((v) => [v.name, v.action])).toEqual([
      [supervisor.displayName, "protection.case.view"],
      [partner.displayName, "protection.case.view"],
      [worker.displayName, "protection.case.view"],
    ]);
  });

  it("lists the supervisor every opening, newest first, a page at a time, each on one page only", async () => {
    const org = await makeOrganisation(t.db);
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    const supervisor = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    await makeSupervisor(t.db, supervisor.id);
    const c = await makeCase(t.db, { organisationId: org.id, createdById: worker.id });
    // two pages and four openings and exports a minute apart, the last two at the same
    // instant (then newest row first), and a reading of some other kind, not listed
    const count = 2 * VIEWERS_PER_PAGE + 4;
    const start = Date.UTC(2026, 10, 2, 9, 0);
    await t.db.insert(auditLog).values(
      Array.from({ length: count }, (_, i) => ({
        actorId: i % 2 ? worker.id : supervisor.id,
        actorRole: "case_worker" as const,
        organisationId: org.id,
        action: VIEWER_ACTIONS[i % 7 === 0 ? (i % 2) + 1 : 0]!,
        entityType: "beneficiary_case",
        entityId: c.id,
        at: new Date(start + Math.min(i, count - 2) * 60_000),
      })),
    );
    await t.db.insert(auditLog).values({
      actorId: worker.id,
      actorRole: "case_worker",
      organisationId: org.id,
      action: "protection.case.assign",
      entityType: "beneficiary_case",
      entityId: c.id,
      at: new Date(start),
    });
    const all = await t.db
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), inArray(auditLog.action, [...VIEWER_ACTIONS])))
      .orderBy(desc(auditLog.at), desc(auditLog.id));
    expect(all).toHaveLength(count);

    const read = (page: number) => caseViewers(t.db, asActor(supervisor), c.id, page, { ip: null });
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(await read(page));
    expect(pages.map((p) => [p.viewers.length, p.olderViewers])).toEqual([
      [VIEWERS_PER_PAGE, true],
      [VIEWERS_PER_PAGE, true],
      [4, false],
      [0, false],
    ]);
    expect(pages.flatMap((p) => p.viewers.map((v) => [v.at.toISOString(), v.action]))).toEqual(
      all.map((r) => [r.at.toISOString(), r.action]),
    );
    // each reading of the page is audited, and not listed
    const readings = await t.db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, VIEWERS_READ_ACTION)));
    expect(readings).toEqual(Array(4).fill({ actorId: supervisor.id }));

    // a case worker of the association who does not supervise is refused, and nothing is written
    await expect(caseViewers(t.db, asActor(worker), c.id, 1, { ip: null })).rejects.toMatchObject({ status: 403 });
    const stranger = await makeUser(t.db, { role: "case_worker", organisationId: (await makeOrganisation(t.db)).id });
    await makeSupervisor(t.db, stranger.id);
    await expect(caseViewers(t.db, asActor(stranger), c.id, 1, { ip: null })).rejects.toMatchObject({ status: 404 });
    const after = await t.db
      .select({ n: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, VIEWERS_READ_ACTION)));
    expect(after).toHaveLength(4);
  });
});
