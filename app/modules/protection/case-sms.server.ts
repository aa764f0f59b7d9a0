/**
 * Short SMS from a case file: a case worker of the association that owns the case sends
 * one of a few fixed texts (CASE_SMS_TEMPLATES: "please call", an appointment, documents
 * ready) to the case's phone, in the language the person chose for the consent notice.
 * Only with a live consent to be contacted by SMS. The audit row says who, which case and
 * which template; the text never says anything of the person's situation.
 */
import { desc, eq, sql, type Placeholder } from "drizzle-orm";
import { runPrepared, type Database, type Executor } from "~db/client";
import { caseConsents, caseMessages, outbox, users } from "~db/schema";
import type { MessageKey } from "~/i18n/translate";
import { moroccoInstant } from "~/lib/morocco-time";
import { fail, type Meta, type Result } from "~/lib/result";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { normalizePhone } from "~/modules/auth/rules";
import { appointmentProblem } from "~/modules/coaching/rules";
import { CASE_SMS_TEMPLATES } from "~/modules/notifications/kinds";
import { DELIVERY, whenParams } from "~/modules/notifications/rules";
import { queueSms } from "~/modules/notifications/service.server";
import { requireOwnCase } from "./case-access.server";
import { caseSmsBlocker } from "./rules";
import type { CaseSmsInput } from "./schemas.server";

const BLOCKERS: Record<"anonymised" | "noPhone" | "noConsent", MessageKey> = {
  anonymised: "caseSms.anonymised",
  noPhone: "caseSms.noPhone",
  noConsent: "caseSms.noConsent",
};

/** The person's latest consent record, which says whether SMS may reach her and in which language. */
export async function latestConsent(db: Executor, caseId: string) {
  const [row] = await runPrepared(db, "protection_latest_consent", latestConsentQuery, { id: caseId });
  return row ?? null;
}
const latestConsentQuery = (db: Executor) =>
  db
    .select({
      contactBySms: caseConsents.contactBySms,
      withdrawnAt: caseConsents.withdrawnAt,
      language: caseConsents.language,
    })
    .from(caseConsents)
    .where(eq(caseConsents.caseId, sql.placeholder("id")))
    .orderBy(desc(caseConsents.givenAt))
    .limit(1);

/** What the template needs beyond its text: the day and time of an appointment, and how long it is worth sending. */
function templateParams(input: CaseSmsInput, now: Date): Result<{ params: Record<string, string>; ttlMs?: number }> {
  if (input.template !== "appointment") return { ok: true, params: {} };
  if (!input.date || !input.time) return fail(400, { date: "errors.caseSms.when" });
  const startsAt = moroccoInstant(input.date, input.time);
  const problem = appointmentProblem(startsAt, now);
  if (problem) return fail(400, { date: "errors.caseSms.past" });
  // a reminder that arrives after the appointment is of no use: never sent late
  const ttlMs = Math.min(DELIVERY.newsTtlMs, startsAt.getTime() - now.getTime());
  return { ok: true, params: whenParams(startsAt), ttlMs };
}

export async function sendCaseSms(
  db: Database,
  actor: Actor,
  caseId: string,
  input: CaseSmsInput,
  meta: Meta,
): Promise<Result<{ outboxId: string }>> {
  const c = await requireOwnCase(db, actor, caseId);
  const now = meta.now ?? new Date();
  const consent = await latestConsent(db, c.id);
  const phone = c.phone ? normalizePhone(c.phone) : null;
  const blocker = caseSmsBlocker({ anonymised: Boolean(c.anonymisedAt), phone, consent });
  if (blocker || !phone || !consent) return fail(409, { template: BLOCKERS[blocker ?? "noConsent"] });
  const extra = templateParams(input, now);
  if (!extra.ok) return extra;
  return db.transaction(async (tx) => {
    const outboxId = await queueSms(tx, {
      to: phone,
      locale: consent.language,
      kind: `caseSms.${input.template}`,
      key: CASE_SMS_TEMPLATES[input.template].sms,
      params: extra.params,
      actorId: actor.id,
      ttlMs: extra.ttlMs,
    });
    await tx.insert(caseMessages).values({ caseId: c.id, outboxId, template: input.template, sentById: actor.id });
    await auditRecord(tx, actor, `protection.case.sms.${input.template}`, ["beneficiary_case", c.id], meta.ip);
    return { ok: true as const, outboxId };
  });
}

/** The SMS sent from a case file, newest first: template, sender, and where each stands (all of them with `limit: null`). */
/** The SMS a case file lists, newest first. */
export const SMS_LISTED = 20;

export async function caseSmsHistory(db: Executor, caseId: string, limit: number | null = SMS_LISTED) {
  if (limit !== null) return runPrepared(db, "protection_case_sms_history", smsHistoryPageQuery, { id: caseId, limit });
  return smsHistoryQuery(db, caseId);
}
const smsHistoryPageQuery = (db: Executor) =>
  smsHistoryQuery(db, sql.placeholder("id")).limit(sql.placeholder("limit"));
/** An SMS sent on a case, as its SMS section lists it (also read within the case file's one statement). */
export const caseSmsFields = {
  id: caseMessages.id,
  template: caseMessages.template,
  createdAt: caseMessages.createdAt,
  sentBy: users.displayName,
  state: outbox.state,
  failReason: outbox.failReason,
};
function smsHistoryQuery(db: Executor, caseId: string | Placeholder) {
  return db
    .select(caseSmsFields)
    .from(caseMessages)
    .innerJoin(users, eq(users.id, caseMessages.sentById))
    .leftJoin(outbox, eq(outbox.id, caseMessages.outboxId))
    .where(eq(caseMessages.caseId, caseId))
    .orderBy(desc(caseMessages.createdAt))
    .$dynamic();
}

/**
 * The case file's SMS section: whether an SMS may go (and why not), and those sent. For
 * the owning association. `consent`: the case's latest consent when the caller has read
 * it already (the case file: its consent section), else it is read here; `history` alike.
 */
export async function caseSmsPanel(
  db: Executor,
  c: { id: string; phone: string | null; anonymisedAt: Date | string | null },
  known?: {
    consent: Awaited<ReturnType<typeof latestConsent>>;
    /** the SMS sent, when the caller read them (the case file, in its one statement) */
    history?: Awaited<ReturnType<typeof caseSmsHistory>>;
  },
) {
  const [consent, history] = await Promise.all([
    known ? known.consent : latestConsent(db, c.id),
    known?.history ?? caseSmsHistory(db, c.id),
  ]);
  return {
    ...smsPermission(c, consent),
    history: history.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

/** Whether an SMS may go to case `c` (why not, translated) and in which language, given its latest consent. */
export function smsPermission(
  c: { phone: string | null; anonymisedAt: Date | string | null },
  consent: Awaited<ReturnType<typeof latestConsent>>,
) {
  const phone = c.phone ? normalizePhone(c.phone) : null;
  const blocker = caseSmsBlocker({ anonymised: Boolean(c.anonymisedAt), phone, consent });
  return { blocker: blocker ? BLOCKERS[blocker] : null, language: consent?.language ?? null };
}
