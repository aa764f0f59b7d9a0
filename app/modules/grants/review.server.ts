import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { codeLabel, isCode } from "~/i18n/codes";
import { serverT } from "~/i18n/dictionaries.server";
import type { Database, Executor } from "~db/client";
import {
  coachAssignments,
  grantApplications,
  grantAssignments,
  grantCalls,
  grantConflicts,
  grantCriteria,
  grantScores,
  organisations,
  users,
} from "~db/schema";
import { audit, auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "./common.server";
import { autoAssign, conflictKey, detectConflicts } from "./rules";
import { isUniqueViolation } from "~db/errors";
import { fail, type Meta } from "~/lib/result";
import type { FieldErrors } from "~/lib/forms";

/**
 * Look for conflicts the portal can see for itself (coach's organisation, shared phone,
 * family name and city) and record them as pending for the admin to confirm.
 */
export async function detectCallConflicts(db: Database, actor: Actor, input: { callId: string }, meta: Meta = {}) {
  const members = await db
    .select({
      id: users.id,
      phone: users.phone,
      displayName: users.displayName,
      organisationId: users.organisationId,
      city: organisations.city,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, "committee_member"), eq(users.isActive, true)));
  const apps = await db
    .select({
      id: grantApplications.id,
      phone: users.phone,
      displayName: users.displayName,
      facts: grantApplications.facts,
      coachOrganisationId: sql<
        string | null
      >`(select c.organisation_id from ${coachAssignments} ca join ${users} c on c.id = ca.coach_id where ca.beneficiary_id = ${grantApplications.applicantId} and ca.ended_at is null limit 1)`,
    })
    .from(grantApplications)
    .innerJoin(users, eq(users.id, grantApplications.applicantId))
    .where(
      and(eq(grantApplications.callId, input.callId), inArray(grantApplications.status, ["submitted", "eligible"])),
    );
  // a member's town is a code of the towns list, an applicant's as typed: the member's in French words
  const french = serverT("fr");
  // a town code (a member's organisation; a profile's since 0157-profile-town-from-list) in
  // French; an application sent before that carries its town as typed
  const townOf = (town: string | null | undefined) =>
    !town || town === "other" ? null : isCode("city", town) ? codeLabel(french, "city", town) : town;
  let found = 0;
  await db.transaction(async (tx) => {
    for (const app of apps) {
      // accounts' phones are unique, so a shared number shows up through the facts (a
      // household phone recorded on the profile) rather than two accounts
      const facts = app.facts as { familyName?: string; city?: string; phone?: string };
      for (const m of members) {
        const reasons = detectConflicts(
          {
            phone: m.phone,
            familyName: familyNameOf(m.displayName),
            city: townOf(m.city),
            organisationId: m.organisationId,
          },
          {
            phone: facts.phone ?? app.phone,
            familyName: facts.familyName ?? familyNameOf(app.displayName),
            city: townOf(facts.city),
            coachOrganisationId: app.coachOrganisationId,
          },
        );
        if (!reasons.length) continue;
        const inserted = await tx
          .insert(grantConflicts)
          .values({
            applicationId: app.id,
            reviewerId: m.id,
            source: "detected",
            status: "pending",
            reason: reasons.join(","),
          })
          .onConflictDoNothing()
          .returning({ id: grantConflicts.id });
        found += inserted.length;
      }
    }
    await auditRecord(tx, actor, "grants.conflicts.detect", ["grant_call", input.callId], meta.ip);
  });
  return { ok: true as const, found };
}

/** Staff accounts hold one display name; its last word stands for the family name. */
function familyNameOf(displayName: string): string | null {
  const parts = displayName.trim().split(/\s+/);
  return parts.length > 1 ? (parts[parts.length - 1] ?? null) : null;
}

export async function decideConflict(
  db: Database,
  actor: Actor,
  input: { conflictId: string; decision: "confirmed" | "dismissed" },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .update(grantConflicts)
      .set({ status: input.decision })
      .where(eq(grantConflicts.id, input.conflictId))
      .returning();
    if (!c) return fail(404, {});
    if (input.decision === "confirmed") {
      await tx
        .delete(grantAssignments)
        .where(and(eq(grantAssignments.applicationId, c.applicationId), eq(grantAssignments.reviewerId, c.reviewerId)));
    }
    await auditRecord(tx, actor, `grants.conflict.${input.decision}`, ["grant_conflict", c.id], meta.ip);
    return { ok: true as const };
  });
}

/**
 * Automatic assignment: every eligible application gets N reviewers, the load balanced
 * across active committee members, never a member with a declared or confirmed (or
 * still pending) conflict.
 */
export async function runAutoAssignment(db: Database, actor: Actor, input: { callId: string }, meta: Meta = {}) {
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, input.callId)).for("update");
    if (!call) return fail(404, {});
    if (call.status !== "closed" && call.status !== "under_review")
      return fail(409, { form: "grants.errors.assignState" });
    const members = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "committee_member"), eq(users.isActive, true)));
    const apps = await tx
      .select({ id: grantApplications.id })
      .from(grantApplications)
      .where(and(eq(grantApplications.callId, call.id), eq(grantApplications.status, "eligible")))
      .orderBy(grantApplications.submittedAt);
    const appIds = apps.map((a) => a.id);
    const existing = appIds.length
      ? await tx.select().from(grantAssignments).where(inArray(grantAssignments.applicationId, appIds))
      : [];
    const conflicts = appIds.length
      ? await tx
          .select()
          .from(grantConflicts)
          .where(and(inArray(grantConflicts.applicationId, appIds), ne(grantConflicts.status, "dismissed")))
      : [];
    const load = new Map<string, number>();
    for (const a of existing) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    const result = autoAssign({
      applications: apps.map((a) => ({
        id: a.id,
        reviewers: existing.filter((e) => e.applicationId === a.id).map((e) => e.reviewerId),
      })),
      members: members.map((m) => m.id),
      perApplication: call.reviewersPerApplication,
      conflicts: new Set(conflicts.map((c) => conflictKey(c.applicationId, c.reviewerId))),
      load,
    });
    if (result.pairs.length) await tx.insert(grantAssignments).values(result.pairs);
    await audit(tx, { actor, action: "grants.assign.auto", entityType: "grant_call", entityId: call.id, ip: meta.ip });
    return { ok: true as const, assigned: result.pairs.length, short: result.short.length };
  });
}

/** Hand move: give an assignment to another member, unless they are in conflict or already on it. */
export async function moveAssignment(
  db: Database,
  actor: Actor,
  input: { assignmentId: string; reviewerId: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(grantAssignments)
      .where(eq(grantAssignments.id, input.assignmentId))
      .for("update");
    if (!a) return fail(404, {});
    const [member] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.reviewerId), eq(users.role, "committee_member"), eq(users.isActive, true)));
    if (!member) return fail(400, { reviewerId: "grants.errors.notMember" });
    const [conflict] = await tx
      .select({ id: grantConflicts.id })
      .from(grantConflicts)
      .where(
        and(
          eq(grantConflicts.applicationId, a.applicationId),
          eq(grantConflicts.reviewerId, member.id),
          ne(grantConflicts.status, "dismissed"),
        ),
      );
    if (conflict) return fail(400, { reviewerId: "grants.errors.memberConflict" });
    try {
      await tx.delete(grantScores).where(eq(grantScores.assignmentId, a.id));
      await tx
        .update(grantAssignments)
        .set({ reviewerId: member.id, submittedAt: null, total: null, firstFraction: null, assignedAt: new Date() })
        .where(eq(grantAssignments.id, a.id));
    } catch (error) {
      if (isUniqueViolation(error)) return fail(400, { reviewerId: "grants.errors.alreadyOn" });
      throw error;
    }
    await auditRecord(tx, actor, "grants.assign.move", ["grant_assignment", a.id], meta.ip);
    return { ok: true as const };
  });
}

/**
 * A member declares a conflict on an application assigned to them: the conflict is
 * recorded (confirmed: their word is enough), their assignment and scores go, and the
 * seat is given to the least-loaded member without a conflict.
 */
export async function declareConflict(
  db: Database,
  actor: Actor,
  input: { assignmentId: string; reason: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(grantAssignments)
      .where(and(eq(grantAssignments.id, input.assignmentId), eq(grantAssignments.reviewerId, actor.id)))
      .for("update");
    if (!a) return fail(404, {});
    await tx
      .insert(grantConflicts)
      .values({
        applicationId: a.applicationId,
        reviewerId: actor.id,
        source: "declared",
        status: "confirmed",
        reason: input.reason,
      })
      .onConflictDoUpdate({
        target: [grantConflicts.applicationId, grantConflicts.reviewerId],
        set: { source: "declared", status: "confirmed", reason: input.reason },
      });
    await tx.delete(grantAssignments).where(eq(grantAssignments.id, a.id));
    const [app] = await tx
      .select({ callId: grantApplications.callId })
      .from(grantApplications)
      .where(eq(grantApplications.id, a.applicationId));
    const [call] = app ? await tx.select().from(grantCalls).where(eq(grantCalls.id, app.callId)) : [];
    let reassignedTo: string | null = null;
    if (call) {
      const members = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "committee_member"), eq(users.isActive, true)));
      const current = await tx
        .select()
        .from(grantAssignments)
        .where(eq(grantAssignments.applicationId, a.applicationId));
      const conflicts = await tx
        .select()
        .from(grantConflicts)
        .where(and(eq(grantConflicts.applicationId, a.applicationId), ne(grantConflicts.status, "dismissed")));
      const loads = await tx
        .select({ reviewerId: grantAssignments.reviewerId, n: sql<number>`count(*)::int` })
        .from(grantAssignments)
        .innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
        .where(eq(grantApplications.callId, call.id))
        .groupBy(grantAssignments.reviewerId);
      const result = autoAssign({
        applications: [{ id: a.applicationId, reviewers: current.map((c) => c.reviewerId) }],
        members: members.map((m) => m.id),
        perApplication: call.reviewersPerApplication,
        conflicts: new Set(conflicts.map((c) => conflictKey(c.applicationId, c.reviewerId))),
        load: new Map(loads.map((l) => [l.reviewerId, l.n])),
      });
      if (result.pairs.length) {
        await tx.insert(grantAssignments).values(result.pairs);
        reassignedTo = result.pairs[0]?.reviewerId ?? null;
      }
    }
    await auditRecord(tx, actor, "grants.conflict.declare", ["grant_application", a.applicationId], meta.ip);
    return { ok: true as const, reassignedTo };
  });
}

// ---------------------------------------------------------------- scoring

/**
 * An assignment and its call, the assignment locked for the rest of the transaction;
 * refused when none matches (404), or when the call is not in review or its review
 * deadline has passed by the server's clock (409).
 */
async function lockAssignmentInReview(tx: Executor, where: SQL | undefined, now: Date) {
  const [row] = await tx
    .select({ assignment: grantAssignments, call: grantCalls })
    .from(grantAssignments)
    .innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(where)
    .for("update", { of: grantAssignments });
  if (!row) return fail(404, {});
  if (row.call.status !== "under_review" || now > row.call.reviewDeadline)
    return fail(409, { form: "grants.errors.reviewClosed" });
  return { ok: true as const, ...row };
}

/**
 * Save a member's scores on an assignment of theirs: a draft, or submitted. The server
 * clock decides: after the review deadline, or outside review, nothing changes (409).
 * On submit every criterion needs a score; every score lies between 0 and its maximum.
 */
export async function saveScores(
  db: Database,
  actor: Actor,
  input: { assignmentId: string; intent: "draft" | "submit"; fields: Record<string, string> },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await lockAssignmentInReview(
      tx,
      and(eq(grantAssignments.id, input.assignmentId), eq(grantAssignments.reviewerId, actor.id)),
      now,
    );
    if (!row.ok) return row;
    // submitted is final: only an admin's reopening (with a reason) makes it a draft again
    if (row.assignment.submittedAt) return fail(409, { form: "grants.errors.reviewSubmitted" });
    const criteria = await tx
      .select()
      .from(grantCriteria)
      .where(eq(grantCriteria.callId, row.call.id))
      .orderBy(grantCriteria.position);
    const errors: FieldErrors = {};
    const values: { criterionId: string; score: number; comment: string }[] = [];
    for (const c of criteria) {
      const rawScore = (input.fields[`score_${c.id}`] ?? "").trim();
      const comment = (input.fields[`comment_${c.id}`] ?? "").trim().slice(0, 4000);
      if (rawScore === "") {
        if (input.intent === "submit") errors[`score_${c.id}`] = "grants.errors.scoreMissing";
        continue;
      }
      const score = Number(rawScore);
      if (!Number.isInteger(score) || score < 0 || score > c.maxScore) {
        errors[`score_${c.id}`] = "grants.errors.scoreRange";
        continue;
      }
      values.push({ criterionId: c.id, score, comment });
    }
    if (Object.keys(errors).length) return fail(400, errors);
    for (const v of values) {
      await tx
        .insert(grantScores)
        .values({ assignmentId: row.assignment.id, ...v, updatedAt: now })
        .onConflictDoUpdate({
          target: [grantScores.assignmentId, grantScores.criterionId],
          set: { score: v.score, comment: v.comment, updatedAt: now },
        });
    }
    if (input.intent === "submit") {
      await tx.update(grantAssignments).set({ submittedAt: now }).where(eq(grantAssignments.id, row.assignment.id));
    }
    await refreshReviewTotals(tx, [row.assignment.id]);
    await auditRecord(
      tx,
      actor,
      input.intent === "submit" ? "grants.score.submit" : "grants.score.draft",
      ["grant_assignment", row.assignment.id],
      meta.ip,
    );
    return { ok: true as const };
  });
}

/**
 * An admin reopens a submitted review of a call under review, before its deadline, with
 * a reason the reviewer reads on the review page. The scores stay as they were; the
 * review counts again only when the reviewer submits it again. Audited.
 */
export async function reopenReview(
  db: Database,
  actor: Actor,
  input: { callId: string; assignmentId: string; reason: string },
  meta: Meta = {},
) {
  if (actor.role !== "admin") return fail(403, {});
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await lockAssignmentInReview(
      tx,
      and(eq(grantAssignments.id, input.assignmentId), eq(grantCalls.id, input.callId)),
      now,
    );
    if (!row.ok) return row;
    if (!row.assignment.submittedAt) return fail(409, { form: "grants.errors.reviewNotSubmitted" });
    await tx
      .update(grantAssignments)
      .set({ submittedAt: null, reopenedAt: now, reopenReason: input.reason })
      .where(eq(grantAssignments.id, row.assignment.id));
    await auditRecord(tx, actor, "grants.review.reopen", ["grant_assignment", row.assignment.id], meta.ip);
    return { ok: true as const };
  });
}

/**
 * Recompute, in SQL, each review's weighted total (0-100: score / max × weight, summed)
 * and its first-criterion fraction, from the stored scores. The same formula as
 * `weightedTotal` in rules.ts; a test compares the two.
 */
export async function refreshReviewTotals(tx: Executor, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return;
  await tx.execute(sql`
    update grant_assignments a set
      total = coalesce(t.total, 0),
      first_fraction = coalesce(t.first, 0)
    from (
      select a2.id,
        sum(least(greatest(s.score, 0), c.max_score)::float8 / c.max_score * c.weight) as total,
        max(case when c.position = (select min(position) from grant_criteria c2 where c2.call_id = c.call_id)
          then least(greatest(s.score, 0), c.max_score)::float8 / c.max_score end) as first
      from grant_assignments a2
      left join grant_scores s on s.assignment_id = a2.id
      left join grant_criteria c on c.id = s.criterion_id
      where a2.id in ${sql`(${sql.join(
        assignmentIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`}
      group by a2.id
    ) t
    where a.id = t.id`);
}
