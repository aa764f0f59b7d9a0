/**
 * Writes on protection case files: each in a transaction with its audit row. The
 * actor is re-checked against the case's scope here too, so no route can skip it.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import {
  beneficiaryCases,
  caseConsents,
  caseNotes,
  caseReferrals,
  caseServices,
  distributions,
  organisations,
  users,
  vouchers,
  vulnerabilityAssessments,
  type BeneficiaryCase,
} from "~db/schema";
import { audit } from "~/modules/audit/service.server";
import { normalizeEmail, normalizePhone } from "~/modules/auth/rules";
import type { Actor } from "~/modules/auth/permissions";
import type { MessageKey } from "~/i18n/translate";
import { encrypt, encryptJson } from "./crypto.server";
import {
  caseDetail,
  currentConsent,
  findDuplicateCandidates,
  getCaseForActor,
  isSupervisor,
  ownsCase,
  type DuplicateCandidate,
} from "./queries.server";
import {
  initialStatus,
  nextStatuses,
  normaliseDocument,
  normalisePhone,
  referralAllowed,
  shelterNights,
} from "./rules";
import {
  CONSENT_NOTICE_VERSION,
  type ConsentInput,
  type RegisterCaseInput,
  type ReferralInput,
  type ServiceInput,
  type VulnerabilityInput,
} from "./schemas.server";

export type Meta = { ip?: string | null };
type Failure = { ok: false; errors: Partial<Record<string, MessageKey>> };

function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** A case the actor may reach, or 404. */
export async function requireCase(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase> {
  return (await getCaseForActor(db, actor, caseId)) ?? notFound();
}

/** Only the association that owns the case changes it; a referred association reads it. */
async function requireOwnCase(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase> {
  const c = await requireCase(db, actor, caseId);
  if (!ownsCase(actor, c)) forbidden();
  if (c.anonymisedAt) forbidden();
  return c;
}

/** drizzle wraps the driver's error: the SQLSTATE is on the error or its cause. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

function newReference(): string {
  const year = new Date().getFullYear();
  return `PR-${year}-${randomBytes(4).toString("hex").toUpperCase()}`;
}

export async function registerCase(
  db: Database,
  actor: Actor,
  input: RegisterCaseInput,
  meta: Meta,
): Promise<{ ok: true; caseId: string } | { ok: false; duplicates: DuplicateCandidate[] } | Failure> {
  if (actor.role !== "case_worker" || !actor.organisationId) forbidden();
  const organisationId = actor.organisationId;
  const person = {
    firstName: input.firstName,
    lastName: input.lastName,
    nameArabic: input.nameArabic ?? null,
    dateOfBirth: input.dateOfBirth ?? null,
    phone: normalisePhone(input.phone),
    documentNumber: normaliseDocument(input.documentNumber),
  };
  const duplicates = await findDuplicateCandidates(db, actor, person);
  // never merged: the case worker opens the existing case, or confirms this is someone else
  if (
    duplicates.length &&
    !(
      input.duplicateDecision === "distinct" &&
      input.distinctFrom &&
      duplicates.some((d) => d.id === input.distinctFrom)
    )
  ) {
    return { ok: false, duplicates };
  }
  let applicantUserId: string | null = null;
  if (input.applicantContact) {
    const email = normalizeEmail(input.applicantContact);
    const phone = email ? null : normalizePhone(input.applicantContact);
    const [applicant] =
      email || phone
        ? await db
            .select({ id: users.id })
            .from(users)
            .where(and(email ? eq(users.email, email) : eq(users.phone, phone!), eq(users.role, "applicant")))
        : [];
    if (!applicant) return { ok: false, errors: { applicantContact: "protection.errors.applicantNotFound" } };
    applicantUserId = applicant.id;
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(beneficiaryCases)
      .values({
        organisationId,
        assignedToId: actor.id,
        applicantUserId,
        reference: newReference(),
        firstName: input.firstName,
        lastName: input.lastName,
        nameArabic: input.nameArabic ?? null,
        sex: input.sex,
        dateOfBirth: input.dateOfBirth ?? null,
        estimatedAge: input.dateOfBirth ? null : (input.estimatedAge ?? null),
        nationality: input.nationality ?? null,
        languages: input.languages ?? null,
        phone: person.phone,
        documentNumber: person.documentNumber,
        city: input.city ?? null,
        householdSize: input.householdSize,
        householdNotes: input.householdNotes ?? null,
        confirmedDistinctFrom: duplicates.length ? (input.distinctFrom ?? null) : null,
        createdById: actor.id,
      })
      .returning({ id: beneficiaryCases.id });
    if (!created) throw new Error("case not created");
    await tx.insert(caseConsents).values({
      caseId: created.id,
      services: input.consentServices,
      referral: input.consentReferral,
      referralPartners: input.consentReferralPartners ?? null,
      anonymisedReporting: input.consentReporting,
      noticeVersion: CONSENT_NOTICE_VERSION,
      language: input.consentLanguage,
      collectedById: actor.id,
    });
    await audit(tx, {
      actor,
      action: "protection.case.create",
      entityType: "beneficiary_case",
      entityId: created.id,
      ip: meta.ip,
    });
    if (duplicates.length)
      await audit(tx, {
        actor,
        action: "protection.case.confirm_distinct",
        entityType: "beneficiary_case",
        entityId: created.id,
        ip: meta.ip,
      });
    return { ok: true as const, caseId: created.id };
  });
}

/** Opening a case file is itself recorded: supervisors see who looked. */
export async function viewCase(db: Database, actor: Actor, caseId: string, meta: Meta) {
  const c = await requireCase(db, actor, caseId);
  await audit(db, {
    actor,
    action: "protection.case.view",
    entityType: "beneficiary_case",
    entityId: c.id,
    ip: meta.ip,
  });
  return c;
}

export async function recordConsent(db: Database, actor: Actor, caseId: string, input: ConsentInput, meta: Meta) {
  const c = await requireOwnCase(db, actor, caseId);
  await db.transaction(async (tx) => {
    await tx.insert(caseConsents).values({
      caseId: c.id,
      services: input.consentServices,
      referral: input.consentReferral,
      referralPartners: input.consentReferralPartners ?? null,
      anonymisedReporting: input.consentReporting,
      noticeVersion: CONSENT_NOTICE_VERSION,
      language: input.consentLanguage,
      collectedById: actor.id,
    });
    await audit(tx, {
      actor,
      action: "protection.consent.record",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
  });
}

export async function withdrawConsent(db: Database, actor: Actor, caseId: string, meta: Meta) {
  const c = await requireOwnCase(db, actor, caseId);
  await db.transaction(async (tx) => {
    await tx
      .update(caseConsents)
      .set({ withdrawnAt: new Date(), withdrawnById: actor.id })
      .where(and(eq(caseConsents.caseId, c.id), isNull(caseConsents.withdrawnAt)));
    await audit(tx, {
      actor,
      action: "protection.consent.withdraw",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
  });
}

export async function addNote(db: Database, actor: Actor, caseId: string, body: string, meta: Meta) {
  // a referred association may add notes to a case it works on with the owner
  const c = await requireCase(db, actor, caseId);
  if (c.anonymisedAt) forbidden();
  await db.transaction(async (tx) => {
    const [note] = await tx
      .insert(caseNotes)
      .values({ caseId: c.id, authorId: actor.id, bodyEnc: encrypt(body) })
      .returning({ id: caseNotes.id });
    await tx.update(beneficiaryCases).set({ updatedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    await audit(tx, {
      actor,
      action: "protection.note.add",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
    return note;
  });
}

export async function recordVulnerability(
  db: Database,
  actor: Actor,
  caseId: string,
  input: VulnerabilityInput,
  meta: Meta,
) {
  const c = await requireOwnCase(db, actor, caseId);
  await db.transaction(async (tx) => {
    await tx.insert(vulnerabilityAssessments).values({
      caseId: c.id,
      assessorId: actor.id,
      assessedOn: input.assessedOn,
      dataEnc: encryptJson({ flags: input.flags, notes: input.notes ?? "" }),
    });
    await audit(tx, {
      actor,
      action: "protection.vulnerability.assess",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
  });
}

export async function assignCase(
  db: Database,
  actor: Actor,
  caseId: string,
  assignedToId: string,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const c = await requireOwnCase(db, actor, caseId);
  const [worker] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, assignedToId),
        eq(users.role, "case_worker"),
        eq(users.organisationId, c.organisationId),
        eq(users.isActive, true),
      ),
    );
  if (!worker) return { ok: false, errors: { assignedToId: "protection.errors.assignee" } };
  await db.transaction(async (tx) => {
    await tx.update(beneficiaryCases).set({ assignedToId, updatedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    await audit(tx, {
      actor,
      action: "protection.case.assign",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
  });
  return { ok: true };
}

/**
 * Refer a case to another association (shared access) or transfer it (ownership
 * moves on acceptance). Both share the person's data: refused without their consent
 * to referral, unless a supervisor records an override with a reason.
 */
export async function requestReferral(
  db: Database,
  actor: Actor,
  caseId: string,
  input: ReferralInput,
  meta: Meta,
): Promise<{ ok: true; referralId: string } | Failure> {
  const c = await requireOwnCase(db, actor, caseId);
  if (input.toOrganisationId === c.organisationId) return { ok: false, errors: { toOrganisationId: "errors.invalid" } };
  const [target] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.toOrganisationId), eq(organisations.kind, "partner_association")));
  if (!target) return { ok: false, errors: { toOrganisationId: "errors.invalid" } };
  const consent = await currentConsent(db, c.id);
  const supervisor = input.overrideReason ? await isSupervisor(db, actor.id) : false;
  const decision = referralAllowed(
    consent,
    input.overrideReason ? { bySupervisor: supervisor, reason: input.overrideReason } : null,
  );
  if (decision === "refused") {
    await audit(db, {
      actor,
      action: "protection.referral.refused_no_consent",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
    if (input.overrideReason && !supervisor)
      return { ok: false, errors: { overrideReason: "protection.errors.overrideSupervisorOnly" } };
    if (input.overrideReason) return { ok: false, errors: { overrideReason: "protection.errors.overrideReason" } };
    return { ok: false, errors: { form: "protection.errors.noReferralConsent" } };
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(caseReferrals)
        .values({
          caseId: c.id,
          kind: input.kind,
          fromOrganisationId: c.organisationId,
          toOrganisationId: input.toOrganisationId,
          requestedById: actor.id,
          consentOverrideById: decision === "override" ? actor.id : null,
          consentOverrideReason: decision === "override" ? (input.overrideReason ?? null) : null,
        })
        .returning({ id: caseReferrals.id });
      if (!row) throw new Error("referral not created");
      await audit(tx, {
        actor,
        action: `protection.${input.kind}.request`,
        entityType: "beneficiary_case",
        entityId: c.id,
        ip: meta.ip,
      });
      if (decision === "override")
        await audit(tx, {
          actor,
          action: "protection.consent.override",
          entityType: "beneficiary_case",
          entityId: c.id,
          ip: meta.ip,
        });
      return { ok: true as const, referralId: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { form: "protection.errors.referralPending" } };
    throw error;
  }
}

/** The receiving association accepts or rejects; a pending request is decided once. */
export async function decideReferral(
  db: Database,
  actor: Actor,
  referralId: string,
  decision: "accept" | "reject",
  meta: Meta,
) {
  if (actor.role !== "case_worker" || !actor.organisationId) forbidden();
  const org = actor.organisationId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(caseReferrals)
      .set({ status: decision === "accept" ? "accepted" : "rejected", decidedById: actor.id, decidedAt: new Date() })
      .where(
        and(
          eq(caseReferrals.id, referralId),
          eq(caseReferrals.toOrganisationId, org),
          eq(caseReferrals.status, "pending"),
        ),
      )
      .returning();
    if (!row) notFound();
    if (row.kind === "transfer" && decision === "accept") {
      await tx
        .update(beneficiaryCases)
        .set({ organisationId: org, assignedToId: actor.id, updatedAt: new Date() })
        .where(eq(beneficiaryCases.id, row.caseId));
    }
    await audit(tx, {
      actor,
      action: `protection.${row.kind}.${decision}`,
      entityType: "beneficiary_case",
      entityId: row.caseId,
      ip: meta.ip,
    });
    return row;
  });
}

function serviceFields(input: ServiceInput): {
  details: Record<string, string | number | null>;
  dueDate: string | null;
} {
  switch (input.kind) {
    case "medical":
      return { details: { reasonCategory: input.reasonCategory, outcome: input.outcome }, dueDate: null };
    case "hospital_referral":
      return {
        details: { facility: input.facility, specialty: input.specialty, urgency: input.urgency },
        dueDate: input.followUpDate ?? null,
      };
    case "mental_health":
      return { details: { sessionType: input.sessionType }, dueDate: null };
    case "shelter":
      return {
        details: {
          place: input.place,
          checkIn: input.checkIn,
          checkOut: input.checkOut ?? null,
          nights: shelterNights(input.checkIn, input.checkOut),
        },
        dueDate: input.checkOut ?? null,
      };
    case "legal":
      return { details: { legalType: input.legalType }, dueDate: null };
    case "avrr":
      return { details: { countryOfReturn: input.countryOfReturn }, dueDate: null };
  }
}

export async function addService(db: Database, actor: Actor, caseId: string, input: ServiceInput, meta: Meta) {
  const c = await requireCase(db, actor, caseId);
  if (c.anonymisedAt) forbidden();
  const { details, dueDate } = serviceFields(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseServices)
      .values({
        caseId: c.id,
        kind: input.kind,
        serviceDate: input.serviceDate,
        provider: input.provider ?? null,
        status: initialStatus(input.kind),
        dueDate,
        costCentimes: input.cost,
        details,
        notesEnc: input.notes ? encrypt(input.notes) : null,
        recordedById: actor.id,
      })
      .returning({ id: caseServices.id });
    await tx.update(beneficiaryCases).set({ updatedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    await audit(tx, {
      actor,
      action: `protection.service.${input.kind}.add`,
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
    return row!;
  });
}

/** Move a service along its status machine; a stale form (status changed meanwhile) changes nothing. */
export async function updateServiceStatus(
  db: Database,
  actor: Actor,
  caseId: string,
  input: { serviceId: string; status: string; dueDate?: string },
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const c = await requireCase(db, actor, caseId);
  if (c.anonymisedAt) forbidden();
  const [service] = await db
    .select()
    .from(caseServices)
    .where(and(eq(caseServices.id, input.serviceId), eq(caseServices.caseId, c.id)));
  if (!service) notFound();
  if (!nextStatuses(service.kind, service.status).includes(input.status))
    return { ok: false, errors: { status: "protection.errors.statusTransition" } };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(caseServices)
      .set({ status: input.status, dueDate: input.dueDate ?? service.dueDate, updatedAt: new Date() })
      .where(and(eq(caseServices.id, service.id), eq(caseServices.status, service.status)))
      .returning({ id: caseServices.id });
    if (!row) return { ok: false as const, errors: { status: "protection.errors.statusTransition" as MessageKey } };
    await audit(tx, {
      actor,
      action: `protection.service.${service.kind}.status`,
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
    return { ok: true as const };
  });
}

async function requireSupervisorOfCase(db: Executor, actor: Actor, caseId: string) {
  const c = await requireCase(db, actor, caseId);
  if (!ownsCase(actor, c) || !(await isSupervisor(db, actor.id))) forbidden();
  return c;
}

/** A person's full record, for them, on request: supervisors only, audited. */
export async function exportCase(db: Database, actor: Actor, caseId: string, meta: Meta) {
  const c = await requireSupervisorOfCase(db, actor, caseId);
  const detail = await caseDetail(db, c);
  const [given, vouchersOf] = await Promise.all([
    db
      .select({ id: distributions.id, roundId: distributions.roundId, at: distributions.createdAt })
      .from(distributions)
      .where(eq(distributions.caseId, c.id)),
    db
      .select({
        id: vouchers.id,
        valueCentimes: vouchers.valueCentimes,
        issuedAt: vouchers.issuedAt,
        redeemedAt: vouchers.redeemedAt,
      })
      .from(vouchers)
      .where(eq(vouchers.caseId, c.id)),
  ]);
  let account: { displayName: string; email: string | null; phone: string | null; createdAt: Date } | null = null;
  if (c.applicantUserId) {
    const [u] = await db
      .select({ displayName: users.displayName, email: users.email, phone: users.phone, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, c.applicantUserId));
    account = u ?? null;
  }
  await audit(db, {
    actor,
    action: "protection.case.export",
    entityType: "beneficiary_case",
    entityId: c.id,
    ip: meta.ip,
  });
  const { staff: _staff, ...rest } = detail;
  return { exportedAt: new Date().toISOString(), ...rest, account, distributions: given, vouchers: vouchersOf };
}

/**
 * Anonymise on request (or at the end of the retention period): identifying fields
 * and free text go, the rows that aggregate counts rely on (services, distributions,
 * vouchers, sex, nationality, year of birth) stay.
 */
export async function anonymiseCase(db: Database, actor: Actor | null, caseId: string, meta: Meta) {
  if (actor) await requireSupervisorOfCase(db, actor, caseId);
  await db.transaction(async (tx) => {
    await tx
      .update(beneficiaryCases)
      .set({
        firstName: "—",
        lastName: "—",
        nameArabic: null,
        dateOfBirth: sql`case when ${beneficiaryCases.dateOfBirth} is null then null else make_date(extract(year from ${beneficiaryCases.dateOfBirth})::int, 1, 1) end`,
        phone: null,
        documentNumber: null,
        householdNotes: null,
        applicantUserId: null,
        languages: null,
        confirmedDistinctFrom: null,
        status: "closed",
        anonymisedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(beneficiaryCases.id, caseId), isNull(beneficiaryCases.anonymisedAt)));
    await tx.delete(caseNotes).where(eq(caseNotes.caseId, caseId));
    await tx.delete(vulnerabilityAssessments).where(eq(vulnerabilityAssessments.caseId, caseId));
    await tx.update(caseServices).set({ notesEnc: null, provider: null }).where(eq(caseServices.caseId, caseId));
    await tx.update(caseConsents).set({ referralPartners: null }).where(eq(caseConsents.caseId, caseId));
    await audit(tx, {
      actor,
      action: "protection.case.anonymise",
      entityType: "beneficiary_case",
      entityId: caseId,
      ip: meta.ip,
    });
  });
}

/** Anonymise every case with no activity for `retentionDays` (run by the admin or a scheduled job). */
export async function anonymiseExpired(db: Database, retentionDays: number, meta: Meta = {}) {
  const rows = await db
    .select({ id: beneficiaryCases.id })
    .from(beneficiaryCases)
    .where(
      and(
        isNull(beneficiaryCases.anonymisedAt),
        sql`${beneficiaryCases.updatedAt} < now() - make_interval(days => ${retentionDays})`,
      ),
    );
  for (const row of rows) await anonymiseCase(db, null, row.id, meta);
  return rows.length;
}
