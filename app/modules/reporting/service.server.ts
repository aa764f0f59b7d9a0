/**
 * Budget writes (admin only): the donor total and its lines, dated rates, and the
 * manual money entries. Each in a transaction with its audit row.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import {
  budgetEntries,
  budgetLines,
  exchangeRates,
  programmeBudget,
  reportIssues,
  reportNarratives,
  reportTargets,
} from "~db/schema";
import { audit, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import type {
  AddEntryInput,
  AddRateInput,
  CorrectEntryInput,
  IssueReportInput,
  SaveNarrativeInput,
  SetTargetsInput,
  UpdateBudgetInput,
} from "./schemas.server";
import { DEFAULT_BUDGET_USD_CENTS, linesFitBudget } from "./rules";
import { BUDGET_LINES } from "./constants";
import { fail, type Meta, type Result } from "~/lib/result";
import { changedFields, versionOf } from "~/lib/changes";
import { ENTRY_FIELDS } from "./budget-queries.server";

/** The budget row and one row per line, created once (the programme year by default). */
export async function ensureBudget(db: Executor, period = { startsOn: "2026-01-01", endsOn: "2026-12-31" }) {
  await db
    .insert(programmeBudget)
    .values({ totalUsdCents: DEFAULT_BUDGET_USD_CENTS, ...period })
    .onConflictDoNothing({ target: programmeBudget.singleton });
  await db
    .insert(budgetLines)
    .values(BUDGET_LINES.map((lineKey) => ({ lineKey, plannedUsdCents: 0 })))
    .onConflictDoNothing({ target: budgetLines.lineKey });
}

/**
 * Set the total and every line at once. The singleton budget row is locked so that
 * two admins saving at the same time are serialised, and the lines never add up to
 * more than the total.
 */
export async function updateBudget(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: UpdateBudgetInput,
  meta: Meta,
): Promise<Result> {
  return db.transaction(async (tx) => {
    await ensureBudget(tx);
    await tx.execute(sql`select id from programme_budget where singleton for update`);
    if (
      !linesFitBudget(
        input.lines.map((l) => l.plannedUsdCents),
        input.totalUsdCents,
      )
    ) {
      return fail(400, { form: "reporting.errors.overBudget" });
    }
    await tx
      .update(programmeBudget)
      .set({
        totalUsdCents: input.totalUsdCents,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        updatedById: actor.id,
        updatedAt: new Date(),
      })
      .where(sql`${programmeBudget.singleton}`);
    for (const line of input.lines) {
      await tx
        .update(budgetLines)
        .set({ plannedUsdCents: line.plannedUsdCents, updatedAt: new Date() })
        .where(sql`${budgetLines.lineKey} = ${line.line}`);
    }
    await audit(tx, { actor, action: "budget.update", entityType: "programme_budget", ip: meta.ip });
    return { ok: true as const };
  });
}

export async function addRate(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: AddRateInput,
  meta: Meta,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exchangeRates)
      .values({ effectiveOn: input.effectiveOn, madPerUsdE4: input.rate, setById: actor.id })
      .onConflictDoNothing({ target: exchangeRates.effectiveOn })
      .returning({ id: exchangeRates.id });
    if (!row) return fail(400, { effectiveOn: "reporting.errors.rateExists" });
    await auditRecord(tx, actor, "exchange_rate.create", ["exchange_rate", row.id], meta.ip);
    return { ok: true as const };
  });
}

export async function addEntry(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: AddEntryInput,
  meta: Meta,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(budgetEntries)
      .values({
        lineKey: input.lineKey,
        kind: input.kind,
        amountMadCentimes: input.amount,
        occurredOn: input.occurredOn,
        reference: input.reference,
        createdById: actor.id,
      })
      .returning({ id: budgetEntries.id });
    if (!row) throw new Error("entry not created");
    await auditRecord(tx, actor, "budget_entry.create", ["budget_entry", row.id], meta.ip);
    return { ok: true as const };
  });
}

/**
 * Correct an entry (a typo in the amount, the wrong line or day): every field may change;
 * the amount stays positive (the table's check). The row is locked while it is compared,
 * so two corrections at once each name what they changed; 404 when there is no such entry.
 */
export async function correctEntry(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: CorrectEntryInput,
  meta: Meta,
): Promise<Result<{ fields: string[] }>> {
  return db.transaction(async (tx) => {
    const [stored] = await tx.select().from(budgetEntries).where(eq(budgetEntries.id, input.entryId)).for("update");
    if (!stored) return fail(404, {});
    if (versionOf(stored, ENTRY_FIELDS) !== input.version)
      return fail(409, { form: "reporting.budget.changedMeanwhile" });
    const { fields, changes } = changedFields(stored, {
      lineKey: input.lineKey,
      kind: input.kind,
      amountMadCentimes: input.amount,
      occurredOn: input.occurredOn,
      reference: input.reference,
    });
    if (fields.length === 0) return { ok: true as const, fields };
    await tx.update(budgetEntries).set(changes).where(eq(budgetEntries.id, stored.id));
    await auditRecord(tx, actor, "budget_entry.correct", ["budget_entry", stored.id], meta.ip, fields);
    return { ok: true as const, fields };
  });
}

/**
 * The baselines and targets of one period, all indicators at once: a row per indicator
 * with a target (one per indicator and period: the primary key), none for one left
 * empty. One audit row per save, naming the period; the report version moves at commit
 * (migration 0030), so no cached report shows the old targets.
 */
export async function setTargets(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: SetTargetsInput,
  meta: Meta,
): Promise<Result> {
  return db.transaction(async (tx) => {
    for (const row of input.rows) {
      const key = and(eq(reportTargets.indicator, row.indicator), eq(reportTargets.period, input.period));
      if (row.target === null) {
        await tx.delete(reportTargets).where(key);
        continue;
      }
      const values = { baseline: row.baseline, target: row.target, updatedById: actor.id, updatedAt: new Date() };
      await tx
        .insert(reportTargets)
        .values({ indicator: row.indicator, period: input.period, ...values })
        .onConflictDoUpdate({ target: [reportTargets.indicator, reportTargets.period], set: values });
    }
    await auditRecord(tx, actor, "report_targets.set", ["report_targets", input.period], meta.ip);
    return { ok: true as const };
  });
}

/** A quarter's narrative in one language, every result at once, audited. */
export async function saveNarrative(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: SaveNarrativeInput,
  meta: Meta,
): Promise<Result> {
  return db.transaction(async (tx) => {
    for (const r of input.results) {
      const values = {
        achievements: r.achievements,
        challenges: r.challenges,
        nextSteps: r.nextSteps,
        updatedById: actor.id,
        updatedAt: new Date(),
      };
      await tx
        .insert(reportNarratives)
        .values({ quarter: input.quarter, locale: input.locale, result: r.result, ...values })
        .onConflictDoUpdate({
          target: [reportNarratives.quarter, reportNarratives.locale, reportNarratives.result],
          set: values,
        });
    }
    await auditRecord(
      tx,
      actor,
      "report_narrative.save",
      ["report_narrative", `${input.quarter}:${input.locale}`],
      meta.ip,
    );
    return { ok: true as const };
  });
}

/**
 * Store a new version of a quarter's report in one language: the next number, the bytes
 * `render` makes for it, who and when, and an audit row. Issues of one quarter and
 * language take turns (an advisory lock), so two admins issuing at once get two
 * numbers; the unique index would refuse a duplicate anyway. The bytes are rendered
 * inside the turn because they carry the number.
 */
export async function issueReport(
  db: Executor,
  actor: NonNullable<AuditActor>,
  input: IssueReportInput,
  render: (version: number, issuedAt: Date) => Promise<Buffer>,
  meta: Meta,
): Promise<Result<{ id: string; version: number }>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report_issue:${input.quarter}:${input.locale}`}))`);
    const [last] = (await tx.execute(
      sql`select coalesce(max(version), 0)::int as version from report_issues
          where quarter = ${input.quarter} and locale = ${input.locale}`,
    )) as unknown as { version: number }[];
    const version = (last?.version ?? 0) + 1;
    const issuedAt = meta.now ?? new Date();
    const pdf = await render(version, issuedAt);
    const [row] = await tx
      .insert(reportIssues)
      .values({ quarter: input.quarter, locale: input.locale, version, pdf, issuedById: actor.id, issuedAt })
      .returning({ id: reportIssues.id });
    if (!row) throw new Error("report not issued");
    await audit(tx, { actor, action: "report.issue", entityType: "report_issue", entityId: row.id, ip: meta.ip });
    return { ok: true as const, id: row.id, version };
  });
}
