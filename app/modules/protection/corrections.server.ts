/**
 * Correcting what case workers recorded: a case's identity, a service, a referral not
 * yet decided (docs/decisions/0115-correcting-protection-records.md). Each correction
 * writes only the fields that changed and one audit row naming them, never their values.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { beneficiaryCases, caseReferrals, caseServices, users, type BeneficiaryCaseRow } from "~db/schema";
import { changedFields, versionOf } from "~/lib/changes";
import { fail, type Failure, type Meta } from "~/lib/result";
import { audit, auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireCase } from "./case-access.server";
import { serviceFields } from "./case-services.server";
import { lockCase } from "./cases.server";
import { decrypt, encrypt } from "./crypto.server";
import { openCase, openService, sealIdentity, sealServiceFields } from "./identity.server";
import { ownsCase } from "./queries.server";
import { referralConsentHolds, referralNotExpired } from "./reach.server";
import { referralAsEntered, referralInputAsEntered } from "./correction-rules";
import {
  personAsStored,
  SEALED_PERSON_FIELDS,
  serviceAsEntered,
  serviceInputAsEntered,
  type PersonInput,
} from "./rules";
import type { CorrectReferralInput, ServiceInput } from "./schemas.server";

type Corrected = { ok: true; fields: string[] } | Failure;

/** An anonymised case keeps no identity to correct, and nothing on it changes. */
const ANONYMISED = fail(409, { form: "protection.correct.anonymised" });

/** A page filled from values no longer current: someone corrected the record meanwhile. */
const STALE = fail(409, { form: "protection.correct.stale" });

/** The case's row, locked for the correction: a concurrent correction or anonymisation waits. */
async function lockedCase(tx: Executor, caseId: string) {
  await lockCase(tx, caseId);
  const [row] = await tx.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
  return row ?? notFound();
}

/** The version of a case's identity (its ciphertext and clear columns): what the correction form sends back. */
export function identityVersion(row: BeneficiaryCaseRow): string {
  return versionOf(row, IDENTITY_VERSION_KEYS);
}

const IDENTITY_VERSION_KEYS = [
  "firstNameEnc",
  "lastNameEnc",
  "nameArabicEnc",
  "phoneEnc",
  "documentNumberEnc",
  "householdNotesEnc",
  "sex",
  "dateOfBirth",
  "estimatedAge",
  "nationality",
  "languages",
  "city",
  "householdSize",
] as const;

/** The identity's version as stored now, for the form. */
export async function currentIdentityVersion(db: Executor, caseId: string): Promise<string> {
  const [row] = await db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
  return row ? identityVersion(row) : notFound();
}

/** The version of a service's entered fields (its ciphertext for the free text and notes). */
export function serviceVersion(
  s: Pick<
    typeof caseServices.$inferSelect,
    "serviceDate" | "costCentimes" | "details" | "detailsEnc" | "notesEnc" | "dueDate"
  >,
) {
  return versionOf(s, ["serviceDate", "costCentimes", "details", "detailsEnc", "notesEnc", "dueDate"]);
}

/** The identity as stored now (opened) and its version, read from one row: what a stale form is compared with. */
export async function currentIdentity(db: Executor, caseId: string) {
  const [row] = await db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
  if (!row) return notFound();
  return { person: personAsStoredFrom(openCase(row)), version: identityVersion(row) };
}

/**
 * The person's name, sex, age, nationality, languages, phone, document, city and household
 * as corrected, by the owning association's case workers; the names, phone, document and
 * household notes sealed again with their keyed hashes (search and the duplicate check).
 */
export async function correctIdentity(
  db: Database,
  actor: Actor,
  caseId: string,
  input: PersonInput & { version: string },
  meta: Meta,
): Promise<Corrected> {
  const c = await requireCase(db, actor, caseId);
  if (!ownsCase(actor, c)) forbidden();
  return db.transaction(async (tx) => {
    const row = await lockedCase(tx, c.id);
    if (row.anonymisedAt) return ANONYMISED;
    if (identityVersion(row) !== input.version) return STALE;
    const stored = openCase(row);
    const next = personAsStored(input);
    const { fields, changes } = changedFields(personAsStoredFrom(stored), next);
    if (fields.length === 0) return { ok: true as const, fields };
    // the columns stored in clear (drizzle leaves out those not changed: undefined)
    const { sex, nationality, languages, city, householdSize } = changes;
    const sealed = SEALED_PERSON_FIELDS.some((f) => fields.includes(f))
      ? sealIdentity({
          firstName: next.firstName,
          lastName: next.lastName,
          nameArabic: next.nameArabic,
          phone: next.phone,
          documentNumber: next.documentNumber,
          householdNotes: next.householdNotes,
        })
      : {};
    // a date of birth replaces an estimated age (and the reverse): both columns follow the form
    const age = fields.includes("dateOfBirth") || fields.includes("estimatedAge");
    await tx
      .update(beneficiaryCases)
      .set({
        ...{ sex, nationality, languages, city, householdSize },
        ...(age ? { dateOfBirth: next.dateOfBirth, estimatedAge: next.estimatedAge } : {}),
        ...sealed,
        updatedAt: new Date(),
      })
      .where(and(eq(beneficiaryCases.id, c.id), sql`${beneficiaryCases.anonymisedAt} is null`));
    await auditRecord(tx, actor, "protection.case.correct", ["beneficiary_case", c.id], meta.ip, fields);
    return { ok: true as const, fields };
  });
}

/** The stored case's person, in the shape a corrected one is compared in. */
function personAsStoredFrom(c: ReturnType<typeof openCase>) {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    nameArabic: c.nameArabic,
    sex: c.sex,
    dateOfBirth: c.dateOfBirth,
    estimatedAge: c.estimatedAge,
    nationality: c.nationality,
    languages: c.languages,
    phone: c.phone,
    documentNumber: c.documentNumber,
    city: c.city,
    householdSize: c.householdSize,
    householdNotes: c.householdNotes,
  };
}

/**
 * A service the actor's association recorded, on a case it works on (its own, or referred
 * to it and accepted), with its free text and notes decrypted; 404 when it is not on the
 * case, 403 when another association recorded it.
 */
export async function requireOwnService(db: Executor, actor: Actor, caseId: string, serviceId: string) {
  const c = await requireCase(db, actor, caseId);
  const [found] = await db
    .select({ service: caseServices, recorderOrganisationId: users.organisationId })
    .from(caseServices)
    .innerJoin(users, eq(users.id, caseServices.recordedById))
    .where(and(eq(caseServices.id, serviceId), eq(caseServices.caseId, c.id)));
  if (!found) notFound();
  if (!actor.organisationId || found.recorderOrganisationId !== actor.organisationId) forbidden();
  const { notesEnc, ...service } = found.service;
  return {
    case: c,
    service: { ...openService(service), notes: notesEnc ? decrypt(notesEnc) : null },
    version: serviceVersion(found.service),
  };
}

/** A service's fields as entered, corrected by a case worker of the association that recorded it. */
export async function correctService(
  db: Database,
  actor: Actor,
  caseId: string,
  serviceId: string,
  input: ServiceInput,
  version: string,
  meta: Meta,
): Promise<Corrected> {
  const { case: c } = await requireOwnService(db, actor, caseId, serviceId);
  return db.transaction(async (tx) => {
    const stored = await lockedCase(tx, c.id);
    if (stored.anonymisedAt) return ANONYMISED;
    const { service, version: current } = await requireOwnService(tx, actor, c.id, serviceId);
    if (service.kind !== input.kind) return fail(400, { form: "errors.invalid" });
    if (current !== version) return STALE;
    const before = serviceAsEntered(service);
    const { fields } = changedFields(before, serviceInputAsEntered(before, input));
    if (fields.length === 0) return { ok: true as const, fields };
    const { details, dueDate } = serviceFields(input);
    // the date next due follows the form's own date only when that date was corrected
    const due = fields.includes("followUpDate") || fields.includes("checkOut");
    await tx
      .update(caseServices)
      .set({
        serviceDate: input.serviceDate,
        costCentimes: input.cost,
        ...sealServiceFields({ ...details, provider: input.provider ?? null }),
        notesEnc: input.notes ? encrypt(input.notes) : null,
        ...(due ? { dueDate } : {}),
        updatedAt: new Date(),
      })
      .where(eq(caseServices.id, service.id));
    await audit(tx, {
      actor,
      action: `protection.service.${service.kind}.correct`,
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
      fields,
    });
    return { ok: true as const, fields };
  });
}

/** A request of the actor's association on its own case: 404 for anything else. */
export async function requireOwnReferral(db: Executor, actor: Actor, caseId: string, referralId: string) {
  const c = await requireCase(db, actor, caseId);
  if (!ownsCase(actor, c)) forbidden();
  const [referral] = await db
    .select()
    .from(caseReferrals)
    .where(
      and(
        eq(caseReferrals.id, referralId),
        eq(caseReferrals.caseId, c.id),
        eq(caseReferrals.fromOrganisationId, c.organisationId),
      ),
    );
  return { case: c, referral: referral ?? notFound() };
}

/** The version of a referral's fields (none of them sensitive): what its correction form sends back. */
export function referralVersion(r: typeof caseReferrals.$inferSelect) {
  const entered = referralAsEntered(r);
  return versionOf(entered, Object.keys(entered));
}

/**
 * The reason, urgency, services asked for and sections shared of a request still pending,
 * corrected by the referring association. The case's row is locked as an acceptance locks
 * it, and the update holds only while the request is pending, not lapsed and covered by
 * the person's consent (or the supervisor's override): a decided request never changes.
 */
export async function correctReferral(
  db: Database,
  actor: Actor,
  caseId: string,
  referralId: string,
  input: CorrectReferralInput,
  meta: Meta,
): Promise<Corrected> {
  const { case: c } = await requireOwnReferral(db, actor, caseId, referralId);
  return db.transaction(async (tx) => {
    const stored = await lockedCase(tx, c.id);
    if (stored.anonymisedAt) return ANONYMISED;
    const { referral } = await requireOwnReferral(tx, actor, c.id, referralId);
    if (referral.status !== "pending") return fail(409, { form: "protection.correct.referralDecided" });
    if (referralVersion(referral) !== input.version) return STALE;
    const { fields, changes } = changedFields(referralAsEntered(referral), referralInputAsEntered(input));
    if (fields.length === 0) return { ok: true as const, fields };
    const { services, ...rest } = changes;
    const [row] = await tx
      .update(caseReferrals)
      .set({ ...rest, ...(services ? { requestedServices: services } : {}) })
      .where(
        and(
          eq(caseReferrals.id, referral.id),
          eq(caseReferrals.status, "pending"),
          referralNotExpired(),
          referralConsentHolds(),
        ),
      )
      .returning({ id: caseReferrals.id });
    if (!row) return fail(409, { form: "protection.correct.referralClosed" });
    await audit(tx, {
      actor,
      action: `protection.${referral.kind}.correct`,
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
      fields,
    });
    return { ok: true as const, fields };
  });
}
