/** Opening a case file and the writes on its person: consent, notes, vulnerability, assignment. */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import {
  beneficiaryCases,
  caseConsentPartners,
  caseConsents,
  caseNotes,
  organisations,
  users,
  vulnerabilityAssessments,
} from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireCase, requireOwnCase } from "./case-access.server";
import { caseReach, type CaseReach } from "./reach.server";
import { encrypt, encryptJson } from "./crypto.server";
import { sealIdentity } from "./identity.server";
import { findDuplicateCandidates, type DuplicateCandidate } from "./duplicates.server";
import { normaliseDocument, normalisePhone } from "./rules";
import {
  CONSENT_NOTICE_VERSION,
  type ConsentInput,
  type RegisterCaseInput,
  type VulnerabilityInput,
} from "./schemas.server";
import { fail, type Failure, type Meta } from "~/lib/result";

/** The partners a consent may name: partner associations other than the case's own; null when one is not. */
async function namedPartners(db: Executor, ownOrganisationId: string, input: ConsentInput): Promise<string[] | null> {
  if (!input.consentReferral) return [];
  const wanted = [...new Set(input.consentPartners)];
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        inArray(organisations.id, wanted),
        eq(organisations.kind, "partner_association"),
        ne(organisations.id, ownOrganisationId),
      ),
    );
  return found.length === wanted.length ? wanted : null;
}

/** The row of a consent as collected now, under the current notice (registration, an imported list). */
export function consentValues(
  caseId: string,
  input: Pick<
    ConsentInput,
    "consentServices" | "consentReferral" | "consentReporting" | "consentSms" | "consentLanguage"
  >,
  actor: Actor,
) {
  return {
    caseId,
    services: input.consentServices,
    referral: input.consentReferral,
    anonymisedReporting: input.consentReporting,
    contactBySms: input.consentSms,
    noticeVersion: CONSENT_NOTICE_VERSION,
    language: input.consentLanguage,
    collectedById: actor.id,
  };
}

/** One consent and the partners it names, in the caller's transaction. */
async function insertConsent(tx: Executor, caseId: string, input: ConsentInput, partners: string[], actor: Actor) {
  const [row] = await tx
    .insert(caseConsents)
    .values(consentValues(caseId, input, actor))
    .returning({ id: caseConsents.id });
  if (!row) throw new Error("consent not recorded");
  if (partners.length)
    await tx
      .insert(caseConsentPartners)
      .values(partners.map((organisationId) => ({ consentId: row.id, organisationId })));
}

/**
 * Consent decisions and the acceptance of a referral take turns on the case's row, so an
 * acceptance racing a withdrawal sees it (and is refused) or comes before it.
 */
export async function lockCase(tx: Executor, caseId: string) {
  await tx.execute(sql`select 1 from ${beneficiaryCases} where ${beneficiaryCases.id} = ${caseId} for update`);
}

export function newReference(): string {
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
  // an estimated age counts in the check (birth years two apart), not in the stored identity
  const estimatedAge = input.dateOfBirth ? null : (input.estimatedAge ?? null);
  const duplicates = await findDuplicateCandidates(db, actor, { ...person, estimatedAge });
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
  const partners = await namedPartners(db, organisationId, input);
  if (!partners) return fail(400, { consentPartners: "errors.invalid" });
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(beneficiaryCases)
      .values({
        organisationId,
        assignedToId: actor.id,
        reference: newReference(),
        ...sealIdentity({ ...person, householdNotes: input.householdNotes ?? null }),
        sex: input.sex,
        dateOfBirth: input.dateOfBirth ?? null,
        estimatedAge,
        nationality: input.nationality ?? null,
        languages: input.languages ?? null,
        city: input.city ?? null,
        householdSize: input.householdSize,
        confirmedDistinctFrom: duplicates.length ? (input.distinctFrom ?? null) : null,
        createdById: actor.id,
      })
      .returning({ id: beneficiaryCases.id });
    if (!created) throw new Error("case not created");
    await insertConsent(tx, created.id, input, partners, actor);
    await auditRecord(tx, actor, "protection.case.create", ["beneficiary_case", created.id], meta.ip);
    if (duplicates.length)
      await auditRecord(tx, actor, "protection.case.confirm_distinct", ["beneficiary_case", created.id], meta.ip);
    return { ok: true as const, caseId: created.id };
  });
}

/**
 * Opening a case file is itself recorded, by its owner or by a receiving association
 * (pending or accepted): supervisors see who looked. Returns how the actor reaches it.
 */
export async function viewCase(db: Database, actor: Actor, caseId: string, meta: Meta): Promise<CaseReach> {
  // audited as it is read (caseReach): a refusal writes no row
  return (await caseReach(db, actor, caseId, { ip: meta.ip })) ?? notFound();
}

export async function recordConsent(
  db: Database,
  actor: Actor,
  caseId: string,
  input: ConsentInput,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const c = await requireOwnCase(db, actor, caseId);
  const partners = await namedPartners(db, c.organisationId, input);
  if (!partners) return fail(400, { consentPartners: "errors.invalid" });
  await db.transaction(async (tx) => {
    await lockCase(tx, c.id);
    await insertConsent(tx, c.id, input, partners, actor);
    await auditRecord(tx, actor, "protection.consent.record", ["beneficiary_case", c.id], meta.ip);
  });
  return { ok: true };
}

/** Every partner's access ends with it, at their next request (reach.server.ts). */
export async function withdrawConsent(db: Database, actor: Actor, caseId: string, meta: Meta) {
  const c = await requireOwnCase(db, actor, caseId);
  await db.transaction(async (tx) => {
    await lockCase(tx, c.id);
    await tx
      .update(caseConsents)
      .set({ withdrawnAt: new Date(), withdrawnById: actor.id })
      .where(and(eq(caseConsents.caseId, c.id), isNull(caseConsents.withdrawnAt)));
    await auditRecord(tx, actor, "protection.consent.withdraw", ["beneficiary_case", c.id], meta.ip);
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
    await auditRecord(tx, actor, "protection.note.add", ["beneficiary_case", c.id], meta.ip);
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
    await auditRecord(tx, actor, "protection.vulnerability.assess", ["beneficiary_case", c.id], meta.ip);
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
  if (!worker) return fail(400, { assignedToId: "protection.errors.assignee" });
  await db.transaction(async (tx) => {
    await tx.update(beneficiaryCases).set({ assignedToId, updatedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    await auditRecord(tx, actor, "protection.case.assign", ["beneficiary_case", c.id], meta.ip);
  });
  return { ok: true };
}
