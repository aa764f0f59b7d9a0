/**
 * Every opening of a case file is audited, whoever reads it and whichever statement
 * writes the row: the owner's row is written by the statement that reads the case (a
 * data-modifying CTE), a receiving association's once its requests are read. A reader
 * the case is refused to writes none. The supervisor's list of viewers shows the opening
 * it is part of.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseReferrals } from "../../../db/schema";
import { loadCaseFile } from "~/modules/protection/case-file/data.server";
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
});
