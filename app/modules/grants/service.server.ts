import { and, eq, inArray, isNull, ne, sql, TransactionRollbackError } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import {
  coachAssignments,
  grantApplications,
  grantAssignments,
  grantAwards,
  grantCalls,
  grantConflicts,
  grantCriteria,
  grantScores,
  grantTranches,
  organisations,
  users,
  type GrantCall,
} from "~db/schema";
import type { FieldErrors } from "~/lib/forms";
import { audit, type AuditActor } from "~/modules/audit/service.server";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { notify } from "~/modules/notifications/service.server";
import { proposalForCall } from "./queries.server";
import {
  autoAssign,
  awardReference,
  checkEligibility,
  checkTransition,
  conflictKey,
  detectConflicts,
  isAcceptingApplications,
  splitTranches,
  tranchePercentsValid,
  weightsSumTo100,
  type ApplicantFacts,
  type CallStatus,
} from "./rules";
import { MAX_CRITERIA, type CallInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;
type Meta = { ip?: string | null; now?: Date };
export type Failure = { ok: false; status: 400 | 404 | 409; errors: FieldErrors };
const fail = (status: Failure["status"], errors: Record<string, string>): Failure => ({
  ok: false,
  status,
  errors: errors as FieldErrors,
});

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const code = e?.code ?? e?.cause?.code;
  const name = e?.constraint_name ?? e?.cause?.constraint_name;
  return code === "23505" && (!constraint || name === constraint);
}

/** 23:59:59 in Morocco (UTC+1) on a YYYY-MM-DD day; opening days start at 00:00. */
// eslint-disable-next-line no-restricted-syntax -- a literal offset, replaced by the Morocco time module (issue 12)
const endOfDay = (d: string) => new Date(`${d}T23:59:59+01:00`);
// eslint-disable-next-line no-restricted-syntax -- a literal offset, replaced by the Morocco time module (issue 12)
const startOfDay = (d: string) => new Date(`${d}T00:00:00+01:00`);

// ---------------------------------------------------------------- calls

export async function createCall(db: Database, actor: Actor, input: CallInput, meta: Meta = {}) {
  const rows: {
    labelFr: string;
    labelAr: string;
    labelEn: string;
    description: string;
    maxScore: number;
    weight: number;
  }[] = [];
  const errors: Record<string, string> = {};
  const raw = input as Record<string, unknown>;
  for (let i = 1; i <= MAX_CRITERIA; i++) {
    const get = (k: string) => String(raw[`c${i}_${k}`] ?? "").trim();
    const labelFr = get("labelFr");
    if (!labelFr && !get("weight")) continue;
    const maxScore = Number(get("max") || "10");
    const weight = Number(get("weight"));
    if (!labelFr) errors[`c${i}_labelFr`] = "errors.required";
    if (!Number.isInteger(maxScore) || maxScore < 1 || maxScore > 100) errors[`c${i}_max`] = "errors.outOfRange";
    if (!Number.isInteger(weight) || weight < 1 || weight > 100) errors[`c${i}_weight`] = "errors.outOfRange";
    rows.push({
      labelFr,
      labelAr: get("labelAr") || labelFr,
      labelEn: get("labelEn") || labelFr,
      description: get("description").slice(0, 2000),
      maxScore,
      weight,
    });
  }
  if (Object.keys(errors).length) return fail(400, errors);
  if (!weightsSumTo100(rows)) return fail(400, { rubric: "grants.errors.weights" });
  const quotas = [
    ...(input.quotaWomen
      ? [{ trait: "woman" as const, basis: input.quotaWomenBasis, minPercent: input.quotaWomen }]
      : []),
    ...(input.quotaMigrants
      ? [{ trait: "migrant" as const, basis: input.quotaMigrantsBasis, minPercent: input.quotaMigrants }]
      : []),
  ];
  const tranches = [
    { percent: input.trancheSignature, condition: "signature" as const },
    { percent: input.trancheStarted, condition: "business_started" as const },
    { percent: input.trancheSixMonths, condition: "six_months" as const },
  ].filter((t) => t.percent > 0);
  return db.transaction(async (tx) => {
    const [call] = await tx
      .insert(grantCalls)
      .values({
        titleFr: input.titleFr,
        titleAr: input.titleAr,
        titleEn: input.titleEn,
        descriptionFr: input.descriptionFr ?? "",
        descriptionAr: input.descriptionAr ?? "",
        descriptionEn: input.descriptionEn ?? "",
        audience: input.audience,
        minAge: input.minAge ?? null,
        maxAge: input.maxAge ?? null,
        regions: input.regions,
        requiredTrainings: input.requiredTrainings,
        opensAt: startOfDay(input.opensOn),
        closesAt: endOfDay(input.closesOn),
        reviewDeadline: endOfDay(input.reviewDeadlineOn),
        budgetCentimes: input.budget,
        maxGrantCentimes: input.maxGrant,
        reviewersPerApplication: input.reviewersPerApplication,
        disagreementThreshold: input.disagreementThreshold,
        showNamesAfterScoring: input.showNamesAfterScoring === "on",
        quotas,
        tranches,
        createdById: actor.id,
      })
      .returning();
    if (!call) throw new Error("call not created");
    await tx.insert(grantCriteria).values(rows.map((r, i) => ({ ...r, callId: call.id, position: i + 1 })));
    await audit(tx, { actor, action: "grants.call.create", entityType: "grant_call", entityId: call.id, ip: meta.ip });
    return { ok: true as const, call };
  });
}

/** Edit the tranche schedule of a call; possible until its decisions are published (tranches are made then). */
export async function setTrancheSchedule(
  db: Database,
  actor: Actor,
  input: { callId: string; trancheSignature: number; trancheStarted: number; trancheSixMonths: number },
  meta: Meta = {},
) {
  const tranches = [
    { percent: input.trancheSignature, condition: "signature" as const },
    { percent: input.trancheStarted, condition: "business_started" as const },
    { percent: input.trancheSixMonths, condition: "six_months" as const },
  ].filter((t) => t.percent > 0);
  if (!tranchePercentsValid(tranches.map((t) => t.percent)))
    return fail(400, { trancheSignature: "grants.errors.tranches" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(grantCalls)
      .set({ tranches })
      .where(and(eq(grantCalls.id, input.callId), ne(grantCalls.status, "decided")))
      .returning({ id: grantCalls.id });
    if (!row) return fail(409, { form: "grants.errors.scheduleLocked" });
    await audit(tx, { actor, action: "grants.call.schedule", entityType: "grant_call", entityId: row.id, ip: meta.ip });
    return { ok: true as const };
  });
}

/**
 * Move a call one step on, by the server clock. Deciding publishes: awarded and
 * rejected applications are marked, tranches scheduled, applicants notified.
 */
export async function transitionCall(
  db: Database,
  actor: Actor,
  input: { callId: string; to: CallStatus },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, input.callId)).for("update");
    if (!call) return fail(404, {});
    const check = checkTransition(call, input.to, now);
    if (!check.ok) return fail(409, { form: check.error });
    await tx
      .update(grantCalls)
      .set({ status: input.to, ...(input.to === "decided" ? { publishedAt: now } : {}) })
      .where(eq(grantCalls.id, call.id));
    if (input.to === "decided") await publishDecisions(tx, call, now);
    await audit(tx, {
      actor,
      action: `grants.call.${input.to}`,
      entityType: "grant_call",
      entityId: call.id,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

async function publishDecisions(tx: Executor, call: GrantCall, now: Date) {
  const awards = await tx.select().from(grantAwards).where(eq(grantAwards.callId, call.id));
  const awardedIds = awards.map((a) => a.applicationId);
  for (const award of awards) {
    const amounts = splitTranches(
      award.amountCentimes,
      call.tranches.map((t) => t.percent),
    );
    await tx.insert(grantTranches).values(
      call.tranches.map((t, i) => ({
        awardId: award.id,
        position: i + 1,
        percent: t.percent,
        amountCentimes: amounts[i] ?? 0,
        condition: t.condition,
      })),
    );
  }
  const live = await tx
    .select({ id: grantApplications.id, applicantId: grantApplications.applicantId, status: grantApplications.status })
    .from(grantApplications)
    .where(and(eq(grantApplications.callId, call.id), ne(grantApplications.status, "withdrawn")));
  for (const app of live) {
    const won = awardedIds.includes(app.id);
    if (won) await tx.update(grantApplications).set({ status: "awarded" }).where(eq(grantApplications.id, app.id));
    else if (app.status === "eligible" || app.status === "submitted")
      await tx.update(grantApplications).set({ status: "rejected" }).where(eq(grantApplications.id, app.id));
    if (won || app.status === "eligible" || app.status === "submitted") {
      await notify(tx, {
        userId: app.applicantId,
        kind: won ? "grants.notify.awarded" : "grants.notify.rejected",
        params: { call: call.titleFr },
        link: `/grants/applications/${app.id}`,
        channels: ["sms", "email"],
      });
    }
  }
  void now;
}

// ---------------------------------------------------------------- applying

/**
 * Apply to an open call with a frozen copy of a complete plan. Eligibility is checked
 * here, at submission; the unique index keeps one live application per applicant and
 * call, even under concurrent submits.
 */
export async function submitApplication(
  db: Database,
  actor: Actor,
  input: {
    callId: string;
    planId: string | null;
    planSnapshot: Record<string, unknown>;
    requestedCentimes: number;
    facts: ApplicantFacts;
  },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  const [call] = await db.select().from(grantCalls).where(eq(grantCalls.id, input.callId));
  if (!call) return fail(404, {});
  if (!isAcceptingApplications(call, now)) return fail(409, { form: "grants.errors.callNotOpen" });
  if (input.requestedCentimes <= 0) return fail(400, { form: "grants.errors.noAmount" });
  const eligibility = checkEligibility({ ...call, closesAt: call.closesAt }, input.facts);
  try {
    return await db.transaction(async (tx) => {
      const [app] = await tx
        .insert(grantApplications)
        .values({
          callId: call.id,
          applicantId: actor.id,
          planId: input.planId,
          // a deep copy: later edits of the plan can never reach the submitted one
          planSnapshot: JSON.parse(JSON.stringify(input.planSnapshot)) as Record<string, unknown>,
          requestedCentimes: input.requestedCentimes,
          facts: { ...input.facts },
          isWoman: input.facts.sex === "female",
          isMigrant: input.facts.isMigrant === true,
          eligibilityFailures: eligibility.failures,
          status: eligibility.eligible ? "submitted" : "ineligible",
          submittedAt: now,
        })
        .returning();
      if (!app) throw new Error("application not created");
      await audit(tx, {
        actor,
        action: "grants.application.submit",
        entityType: "grant_application",
        entityId: app.id,
        ip: meta.ip,
      });
      return { ok: true as const, application: app, eligibility };
    });
  } catch (error) {
    if (isUniqueViolation(error, "grant_applications_one_per_call_key"))
      return fail(409, { form: "grants.errors.alreadyApplied" });
    throw error;
  }
}

export async function withdrawApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ app: grantApplications, closesAt: grantCalls.closesAt })
      .from(grantApplications)
      .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
      .where(and(eq(grantApplications.id, input.applicationId), eq(grantApplications.applicantId, actor.id)));
    if (!row) return fail(404, {});
    if (now >= row.closesAt || !["submitted", "eligible", "ineligible"].includes(row.app.status))
      return fail(409, { form: "grants.errors.cannotWithdraw" });
    await tx
      .update(grantApplications)
      .set({ status: "withdrawn", withdrawnAt: now })
      .where(eq(grantApplications.id, row.app.id));
    await audit(tx, {
      actor,
      action: "grants.application.withdraw",
      entityType: "grant_application",
      entityId: row.app.id,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

/** Screening: the admin confirms or overturns the automatic check, with a reason. */
export async function screenApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; decision: "eligible" | "ineligible"; reason: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantApplications)
      .set({ status: input.decision, screeningReason: input.reason, screenedAt: meta.now ?? new Date() })
      .where(
        and(
          eq(grantApplications.id, input.applicationId),
          inArray(grantApplications.status, ["submitted", "eligible", "ineligible"]),
        ),
      )
      .returning({ id: grantApplications.id });
    if (!updated) return fail(409, { form: "grants.errors.notScreenable" });
    await audit(tx, {
      actor,
      action: `grants.application.${input.decision}`,
      entityType: "grant_application",
      entityId: updated.id,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- conflicts and assignment

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
  let found = 0;
  await db.transaction(async (tx) => {
    for (const app of apps) {
      // accounts' phones are unique, so a shared number shows up through the facts (a
      // household phone recorded on the profile) rather than two accounts
      const facts = app.facts as { familyName?: string; city?: string; phone?: string };
      for (const m of members) {
        const reasons = detectConflicts(
          { phone: m.phone, familyName: familyNameOf(m.displayName), city: m.city, organisationId: m.organisationId },
          {
            phone: facts.phone ?? app.phone,
            familyName: facts.familyName ?? familyNameOf(app.displayName),
            city: facts.city ?? null,
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
    await audit(tx, {
      actor,
      action: "grants.conflicts.detect",
      entityType: "grant_call",
      entityId: input.callId,
      ip: meta.ip,
    });
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
    await audit(tx, {
      actor,
      action: `grants.conflict.${input.decision}`,
      entityType: "grant_conflict",
      entityId: c.id,
      ip: meta.ip,
    });
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
    await audit(tx, {
      actor,
      action: "grants.assign.move",
      entityType: "grant_assignment",
      entityId: a.id,
      ip: meta.ip,
    });
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
    await audit(tx, {
      actor,
      action: "grants.conflict.declare",
      entityType: "grant_application",
      entityId: a.applicationId,
      ip: meta.ip,
    });
    return { ok: true as const, reassignedTo };
  });
}

// ---------------------------------------------------------------- scoring

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
    const [row] = await tx
      .select({ assignment: grantAssignments, call: grantCalls })
      .from(grantAssignments)
      .innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
      .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
      .where(and(eq(grantAssignments.id, input.assignmentId), eq(grantAssignments.reviewerId, actor.id)))
      .for("update", { of: grantAssignments });
    if (!row) return fail(404, {});
    if (row.call.status !== "under_review" || now > row.call.reviewDeadline)
      return fail(409, { form: "grants.errors.reviewClosed" });
    const criteria = await tx
      .select()
      .from(grantCriteria)
      .where(eq(grantCriteria.callId, row.call.id))
      .orderBy(grantCriteria.position);
    const errors: Record<string, string> = {};
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
    await audit(tx, {
      actor,
      action: input.intent === "submit" ? "grants.score.submit" : "grants.score.draft",
      entityType: "grant_assignment",
      entityId: row.assignment.id,
      ip: meta.ip,
    });
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

// ---------------------------------------------------------------- awards

/**
 * Approve one award. The conditional update on the call row adds the amount only if
 * it still fits the budget (and the call is in deliberation); the row lock it takes
 * makes concurrent approvals queue, each re-checking the budget. A check constraint
 * stands behind it.
 */
export async function approveAward(
  db: Executor,
  actor: Actor,
  input: { applicationId: string; amountCentimes?: number; justification?: string | null },
  meta: Meta = {},
) {
  return db
    .transaction(async (tx) => {
      const [app] = await tx
        .select({ app: grantApplications, call: grantCalls })
        .from(grantApplications)
        .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
        .where(eq(grantApplications.id, input.applicationId));
      if (!app) return fail(404, {});
      if (app.app.status !== "eligible") return fail(409, { form: "grants.errors.notAwardable" });
      const [existing] = await tx
        .select({ id: grantAwards.id })
        .from(grantAwards)
        .where(eq(grantAwards.applicationId, app.app.id));
      if (existing) return fail(409, { form: "grants.errors.alreadyAwarded" });
      const amount = input.amountCentimes ?? Math.min(app.app.requestedCentimes, app.call.maxGrantCentimes);
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > app.call.maxGrantCentimes)
        return fail(400, { amount: "grants.errors.amountAboveMax" });
      const [updated] = await tx
        .update(grantCalls)
        .set({ awardedCentimes: sql`${grantCalls.awardedCentimes} + ${amount}` })
        .where(
          and(
            eq(grantCalls.id, app.call.id),
            eq(grantCalls.status, "deliberation"),
            sql`${grantCalls.awardedCentimes} + ${amount} <= ${grantCalls.budgetCentimes}`,
          ),
        )
        .returning({ awarded: grantCalls.awardedCentimes });
      if (!updated)
        return fail(409, {
          form: app.call.status === "deliberation" ? "grants.errors.overBudget" : "grants.errors.notDeliberating",
        });
      const [award] = await tx
        .insert(grantAwards)
        .values({
          reference: awardReference(app.call.closesAt.getUTCFullYear(), app.app.number),
          callId: app.call.id,
          applicationId: app.app.id,
          amountCentimes: amount,
          justification: input.justification ?? null,
          approvedById: actor.id,
        })
        .returning();
      await audit(tx, {
        actor,
        action: "grants.award.approve",
        entityType: "grant_award",
        entityId: award?.id,
        ip: meta.ip,
      });
      return { ok: true as const, award };
    })
    .catch((error: unknown) => {
      // two approvals of the same application at once: the unique index lets one through
      if (
        isUniqueViolation(error, "grant_awards_application_key") ||
        isUniqueViolation(error, "grant_awards_reference_unique")
      )
        return fail(409, { form: "grants.errors.alreadyAwarded" });
      throw error;
    });
}

/** The chair removes an award during deliberation, with a written justification; the budget is given back. */
export async function removeAward(
  db: Database,
  actor: Actor,
  input: { applicationId: string; justification: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [award] = await tx
      .select({ award: grantAwards, status: grantCalls.status })
      .from(grantAwards)
      .innerJoin(grantCalls, eq(grantCalls.id, grantAwards.callId))
      .where(eq(grantAwards.applicationId, input.applicationId));
    if (!award) return fail(404, {});
    if (award.status !== "deliberation") return fail(409, { form: "grants.errors.notDeliberating" });
    await tx.delete(grantAwards).where(eq(grantAwards.id, award.award.id));
    await tx
      .update(grantCalls)
      .set({ awardedCentimes: sql`${grantCalls.awardedCentimes} - ${award.award.amountCentimes}` })
      .where(eq(grantCalls.id, award.award.callId));
    await audit(tx, {
      actor,
      action: "grants.award.remove",
      entityType: "grant_application",
      entityId: input.applicationId,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

/** The chair changes one line of the proposal (award with an amount, or remove), always with a justification. */
export async function changeAward(
  db: Database,
  actor: Actor,
  input: { applicationId: string; change: "award" | "remove"; amountCentimes?: number; justification: string },
  meta: Meta = {},
) {
  if (input.change === "remove") return removeAward(db, actor, input, meta);
  let refused: Failure | null = null;
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select().from(grantAwards).where(eq(grantAwards.applicationId, input.applicationId));
      if (existing) {
        await tx.delete(grantAwards).where(eq(grantAwards.id, existing.id));
        await tx
          .update(grantCalls)
          .set({ awardedCentimes: sql`${grantCalls.awardedCentimes} - ${existing.amountCentimes}` })
          .where(eq(grantCalls.id, existing.callId));
      }
      const result = await approveAward(tx, actor, { ...input, justification: input.justification }, meta);
      if (!result.ok) {
        // undo the removal of the old amount too: the change is all or nothing
        refused = result;
        tx.rollback();
      }
      await audit(tx, {
        actor,
        action: "grants.award.change",
        entityType: "grant_application",
        entityId: input.applicationId,
        ip: meta.ip,
      });
      return result;
    })
    .catch((error: unknown) => {
      if (refused && error instanceof TransactionRollbackError) return refused;
      throw error;
    });
}

/** Accept the proposal as computed now: every line approved in one transaction, or none. */
export async function acceptProposal(db: Database, actor: Actor, input: { callId: string }, meta: Meta = {}) {
  const proposal = await proposalForCall(db, input.callId);
  if (!proposal) return fail(404, {});
  try {
    return await db.transaction(async (tx) => {
      const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, input.callId)).for("update");
      if (!call || call.status !== "deliberation") return fail(409, { form: "grants.errors.notDeliberating" });
      const already = await tx.select({ id: grantAwards.id }).from(grantAwards).where(eq(grantAwards.callId, call.id));
      if (already.length) return fail(409, { form: "grants.errors.proposalAlreadyAccepted" });
      for (const line of proposal.proposal.awards) {
        const r = await approveAward(
          tx,
          actor,
          { applicationId: line.applicationId, amountCentimes: line.amountCentimes },
          meta,
        );
        if (!r.ok) throw new ProposalFailed();
      }
      await audit(tx, {
        actor,
        action: "grants.proposal.accept",
        entityType: "grant_call",
        entityId: call.id,
        ip: meta.ip,
      });
      return { ok: true as const, awards: proposal.proposal.awards.length };
    });
  } catch (error) {
    if (error instanceof ProposalFailed) return fail(409, { form: "grants.errors.overBudget" });
    throw error;
  }
}
class ProposalFailed extends Error {}

export async function setDecisionComment(
  db: Database,
  actor: Actor,
  input: { applicationId: string; comment: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(grantApplications)
      .set({ decisionComment: input.comment })
      .where(eq(grantApplications.id, input.applicationId))
      .returning({ id: grantApplications.id });
    if (!row) return fail(404, {});
    await audit(tx, {
      actor,
      action: "grants.application.comment",
      entityType: "grant_application",
      entityId: row.id,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- tranches

/**
 * Confirm a tranche's condition: signature and six months by an admin (six months only
 * once six months have passed since the award); the business having started by the
 * beneficiary's current coach, or an admin.
 */
export async function confirmTrancheCondition(
  db: Database,
  actor: Actor,
  input: { trancheId: string },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ tranche: grantTranches, award: grantAwards, applicantId: grantApplications.applicantId })
      .from(grantTranches)
      .innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
      .innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
      .where(eq(grantTranches.id, input.trancheId))
      .for("update", { of: grantTranches });
    if (!row) return fail(404, {});
    const isAdmin = actor.role === "admin";
    const isCoach = actor.role === "coach" && (await isCurrentCoachOf(tx, actor.id, row.applicantId));
    if (row.tranche.condition === "business_started" ? !(isAdmin || isCoach) : !isAdmin) return fail(404, {});
    if (row.tranche.conditionConfirmedAt) return fail(409, { form: "grants.errors.alreadyConfirmed" });
    if (row.tranche.condition === "six_months") {
      const due = new Date(row.award.approvedAt);
      due.setUTCMonth(due.getUTCMonth() + 6);
      if (now < due) return fail(409, { form: "grants.errors.notYetSixMonths" });
    }
    await tx
      .update(grantTranches)
      .set({ conditionConfirmedAt: now, conditionConfirmedById: actor.id })
      .where(eq(grantTranches.id, row.tranche.id));
    await audit(tx, {
      actor,
      action: "grants.tranche.confirm",
      entityType: "grant_tranche",
      entityId: row.tranche.id,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

/**
 * Pay a confirmed tranche: the award's paid total rises by the tranche amount only if it
 * stays within the award (conditional update, and a check constraint behind it).
 */
export async function payTranche(
  db: Database,
  actor: Actor,
  input: { trancheId: string; method: "bank_transfer" | "cash" | "mobile_money"; reference: string },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db
    .transaction(async (tx) => {
      const [paid] = await tx
        .update(grantTranches)
        .set({ paidAt: now, paidById: actor.id, method: input.method, paymentReference: input.reference })
        .where(
          and(
            eq(grantTranches.id, input.trancheId),
            isNull(grantTranches.paidAt),
            sql`${grantTranches.conditionConfirmedAt} is not null`,
          ),
        )
        .returning();
      if (!paid) return fail(409, { form: "grants.errors.notPayable" });
      const [award] = await tx
        .update(grantAwards)
        .set({ paidCentimes: sql`${grantAwards.paidCentimes} + ${paid.amountCentimes}` })
        .where(
          and(
            eq(grantAwards.id, paid.awardId),
            sql`${grantAwards.paidCentimes} + ${paid.amountCentimes} <= ${grantAwards.amountCentimes}`,
          ),
        )
        .returning({ applicationId: grantAwards.applicationId });
      if (!award) tx.rollback();
      const [app] = await tx
        .select({ applicantId: grantApplications.applicantId })
        .from(grantApplications)
        .where(eq(grantApplications.id, award!.applicationId));
      if (app)
        await notify(tx, {
          userId: app.applicantId,
          kind: "grants.notify.paid",
          params: { amount: `${(paid.amountCentimes / 100).toFixed(2)} MAD` },
          link: `/grants/applications/${award!.applicationId}`,
          channels: ["sms"],
        });
      await audit(tx, {
        actor,
        action: "grants.tranche.pay",
        entityType: "grant_tranche",
        entityId: paid.id,
        ip: meta.ip,
      });
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return fail(409, { form: "grants.errors.overpaid" });
      throw error;
    });
}
