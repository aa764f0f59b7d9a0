/**
 * A submitted review is final (issue 18): the reviewer can change nothing, also when
 * they try at the same time as they submit; an admin reopens it with a reason, audited,
 * and the reviewer then scores and submits again.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, grantAssignments, grantScores } from "../../../db/schema";
import { reopenReview, saveScores } from "../../../app/modules/grants/service.server";
import { asActor, makeUser } from "../../factories";
import { makeApplication, makeCall } from "../../factories/grants";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
async function assigned() {
  const member = await makeUser(t.db, { role: "committee_member", password: null });
  const applicant = await makeUser(t.db, { password: null });
  const call = await makeCall(t.db, { status: "under_review" });
  const app = await makeApplication(t.db, { callId: call.id, applicantId: applicant.id });
  const [a] = await t.db.insert(grantAssignments).values({ applicationId: app.id, reviewerId: member.id }).returning();
  const scores = (n: string) => Object.fromEntries(call.criteria.map((c) => [`score_${c.id}`, n]));
  return { member, call, assignment: a!, scores };
}

describe("a submitted review", () => {
  it("cannot be changed by its reviewer: scores and submission date stay", async () => {
    const { member, assignment, scores } = await assigned();
    expect(
      (await saveScores(t.db, asActor(member), { assignmentId: assignment.id, intent: "submit", fields: scores("1") }))
        .ok,
    ).toBe(true);
    const [before] = await t.db.select().from(grantAssignments).where(eq(grantAssignments.id, assignment.id));
    for (const intent of ["draft", "submit"] as const) {
      const again = await saveScores(t.db, asActor(member), {
        assignmentId: assignment.id,
        intent,
        fields: scores("2"),
      });
      expect(again).toEqual({ ok: false, status: 409, errors: { form: "grants.errors.reviewSubmitted" } });
    }
    const [after] = await t.db.select().from(grantAssignments).where(eq(grantAssignments.id, assignment.id));
    expect(after!.submittedAt).toEqual(before!.submittedAt);
    expect(after!.total).toBe(before!.total);
    const stored = await t.db.select().from(grantScores).where(eq(grantScores.assignmentId, assignment.id));
    expect(stored.every((s) => s.score === 1)).toBe(true);
  });

  it("takes one of ten concurrent re-scores racing its submission, and it is the submission's", async () => {
    const { member, assignment, scores } = await assigned();
    const results = await Promise.all([
      saveScores(t.db, asActor(member), { assignmentId: assignment.id, intent: "submit", fields: scores("1") }),
      ...Array.from({ length: 10 }, () =>
        saveScores(t.db, asActor(member), { assignmentId: assignment.id, intent: "submit", fields: scores("2") }),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const stored = await t.db.select().from(grantScores).where(eq(grantScores.assignmentId, assignment.id));
    // whichever won, every score is from that one submission
    expect(new Set(stored.map((s) => s.score)).size).toBe(1);
  });

  it("is reopened by an admin with a reason, audited; the reviewer reads it and submits again", async () => {
    const { member, call, assignment, scores } = await assigned();
    const admin = await makeUser(t.db, { role: "admin", password: null });
    await saveScores(t.db, asActor(member), { assignmentId: assignment.id, intent: "submit", fields: scores("1") });
    // not by the reviewer, not without submission, not from another call
    expect(
      (await reopenReview(t.db, asActor(member), { callId: call.id, assignmentId: assignment.id, reason: "x y z" })).ok,
    ).toBe(false);
    const other = await makeCall(t.db, { status: "under_review" });
    const wrongCall = await reopenReview(t.db, asActor(admin), {
      callId: other.id,
      assignmentId: assignment.id,
      reason: "Erreur",
    });
    expect(wrongCall).toMatchObject({ ok: false, status: 404 });

    const reopened = await reopenReview(t.db, asActor(admin), {
      callId: call.id,
      assignmentId: assignment.id,
      reason: "Critère 2 mal lu",
    });
    expect(reopened.ok).toBe(true);
    const [row] = await t.db.select().from(grantAssignments).where(eq(grantAssignments.id, assignment.id));
    expect(row!.submittedAt).toBeNull();
    expect(row!.reopenReason).toBe("Critère 2 mal lu");
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "grants.review.reopen"), eq(auditLog.entityId, assignment.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(admin.id);
    const twice = await reopenReview(t.db, asActor(admin), {
      callId: call.id,
      assignmentId: assignment.id,
      reason: "Encore",
    });
    expect(twice).toMatchObject({ ok: false, status: 409, errors: { form: "grants.errors.reviewNotSubmitted" } });

    expect(
      (await saveScores(t.db, asActor(member), { assignmentId: assignment.id, intent: "submit", fields: scores("3") }))
        .ok,
    ).toBe(true);
    const stored = await t.db.select().from(grantScores).where(eq(grantScores.assignmentId, assignment.id));
    expect(stored.every((s) => s.score === 3)).toBe(true);
  });
});
