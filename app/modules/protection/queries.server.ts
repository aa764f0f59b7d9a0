/**
 * Reads of protection case files, always scoped: a case worker reaches the cases of
 * their association and those referred or being transferred to it. Anything else is
 * "not found" to them, whatever id they try.
 */
import { and, asc, desc, eq, exists, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { addDays, moroccoToday } from "~/lib/morocco-time";
import type { Executor } from "~db/client";
import {
  auditLog,
  beneficiaryCases,
  caseConsents,
  caseNotes,
  caseReferrals,
  caseServices,
  organisations,
  protectionSupervisors,
  users,
  vulnerabilityAssessments,
  type BeneficiaryCase,
} from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { decrypt, decryptJson } from "./crypto.server";
import {
  duplicateReasons,
  isReferralOverdue,
  REFERRAL_EXPIRY_DAYS,
  type DuplicateReason,
  type PersonKey,
  type VulnerabilityData,
} from "./rules";

export async function isSupervisor(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: protectionSupervisors.userId })
    .from(protectionSupervisors)
    .where(eq(protectionSupervisors.userId, userId));
  return Boolean(row);
}

/**
 * The SQL condition "this actor may reach this case". Only case workers with an association
 * reach any: their own association's cases, and cases referred to it once it accepted, for
 * as long as the person's consent to referral holds (or the supervisor's override, until a
 * later consent decision). A pending referral or transfer opens nothing: the receiving
 * association sees only its inbox entry (incomingReferrals). Checked on every request, so
 * a withdrawal, a rejection or an expiry ends access at the next one.
 */
export function caseScope(actor: Actor) {
  if (actor.role !== "case_worker" || !actor.organisationId) return sql`false`;
  const org = actor.organisationId;
  return or(
    eq(beneficiaryCases.organisationId, org),
    exists(
      sql`(select 1 from ${caseReferrals} r where r.case_id = ${beneficiaryCases.id}
        and r.to_organisation_id = ${org} and r.kind = 'referral' and r.status = 'accepted'
        and ${referralConsentHolds(sql`r`)})`,
    ),
  );
}

/**
 * Does the consent behind referral `r` still hold? The case's latest consent decides: a
 * consent to referral not withdrawn; or, for a supervisor's override, no consent at all, or
 * a latest one given before the referral and not withdrawn. Any withdrawal ends it.
 */
export function referralConsentHolds(r: ReturnType<typeof sql> = sql`${caseReferrals}`) {
  return sql`coalesce(
    (select (cc.referral and cc.withdrawn_at is null)
        or (${r}.consent_override_by_id is not null and cc.given_at <= ${r}.created_at and cc.withdrawn_at is null)
      from ${caseConsents} cc where cc.case_id = ${r}.case_id order by cc.given_at desc limit 1),
    ${r}.consent_override_by_id is not null)`;
}

export async function getCaseForActor(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await db
    .select()
    .from(beneficiaryCases)
    .where(and(eq(beneficiaryCases.id, caseId), caseScope(actor)));
  return row ?? null;
}

/** Does the case belong to the actor's own association (not merely referred to it)? */
export function ownsCase(actor: Actor, c: BeneficiaryCase): boolean {
  return actor.role === "case_worker" && c.organisationId === actor.organisationId;
}

/** The cases the actor can reach, open ones unless asked for the closed (a closed file leaves the lists). */
export async function listCases(
  db: Executor,
  actor: Actor,
  options: { q?: string; mine?: boolean; status?: "open" | "closed" } = {},
) {
  const q = options.q?.trim();
  const search = q
    ? or(
        ilike(beneficiaryCases.firstName, `%${q}%`),
        ilike(beneficiaryCases.lastName, `%${q}%`),
        ilike(beneficiaryCases.nameArabic, `%${q}%`),
        ilike(beneficiaryCases.reference, `%${q}%`),
        eq(beneficiaryCases.phone, q),
      )
    : undefined;
  return db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      firstName: beneficiaryCases.firstName,
      lastName: beneficiaryCases.lastName,
      nameArabic: beneficiaryCases.nameArabic,
      status: beneficiaryCases.status,
      city: beneficiaryCases.city,
      organisationId: beneficiaryCases.organisationId,
      assignedToId: beneficiaryCases.assignedToId,
      createdAt: beneficiaryCases.createdAt,
    })
    .from(beneficiaryCases)
    .where(
      and(
        caseScope(actor),
        eq(beneficiaryCases.status, options.status ?? "open"),
        search,
        options.mine ? eq(beneficiaryCases.assignedToId, actor.id) : undefined,
      ),
    )
    .orderBy(desc(beneficiaryCases.createdAt))
    .limit(200);
}

export type DuplicateCandidate = {
  id: string;
  reference: string;
  firstName: string;
  lastName: string;
  nameArabic: string | null;
  dateOfBirth: string | null;
  reasons: DuplicateReason[];
};

/**
 * Cases that may be the same person: same phone, same document number, or a close
 * name with the same date of birth. Looked for among the cases the actor can reach
 * only, so the check itself never reveals another association's cases.
 */
export async function findDuplicateCandidates(
  db: Executor,
  actor: Actor,
  person: PersonKey,
): Promise<DuplicateCandidate[]> {
  const rows = await db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      firstName: beneficiaryCases.firstName,
      lastName: beneficiaryCases.lastName,
      nameArabic: beneficiaryCases.nameArabic,
      dateOfBirth: beneficiaryCases.dateOfBirth,
      phone: beneficiaryCases.phone,
      documentNumber: beneficiaryCases.documentNumber,
    })
    .from(beneficiaryCases)
    .where(and(caseScope(actor), isNull(beneficiaryCases.anonymisedAt)));
  const found: DuplicateCandidate[] = [];
  for (const row of rows) {
    const reasons = duplicateReasons(person, row);
    if (reasons.length)
      found.push({
        id: row.id,
        reference: row.reference,
        firstName: row.firstName,
        lastName: row.lastName,
        nameArabic: row.nameArabic,
        dateOfBirth: row.dateOfBirth,
        reasons,
      });
  }
  return found.slice(0, 20);
}

export async function currentConsent(db: Executor, caseId: string) {
  const [row] = await db
    .select()
    .from(caseConsents)
    .where(eq(caseConsents.caseId, caseId))
    .orderBy(desc(caseConsents.givenAt))
    .limit(1);
  return row ?? null;
}

export async function latestVulnerability(db: Executor, caseId: string) {
  const [row] = await db
    .select()
    .from(vulnerabilityAssessments)
    .where(eq(vulnerabilityAssessments.caseId, caseId))
    .orderBy(desc(vulnerabilityAssessments.createdAt))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    assessorId: row.assessorId,
    assessedOn: row.assessedOn,
    createdAt: row.createdAt,
    ...decryptJson<VulnerabilityData>(row.dataEnc),
  };
}

/** Notes shown per page of a case file, newest first. */
export const NOTES_PER_PAGE = 20;

/**
 * Everything on one case, decrypted, for someone already allowed to see it: the
 * sections in one batch of parallel reads (the association's name with them). With
 * `notesPage`, only that page of notes is read and decrypted (`noteCount` says how
 * many there are); without it, every note (the data export).
 */
export async function caseDetail(db: Executor, c: BeneficiaryCase, options: { notesPage?: number } = {}) {
  const author = users;
  const page = options.notesPage;
  const notesQuery = db
    .select({
      id: caseNotes.id,
      bodyEnc: caseNotes.bodyEnc,
      createdAt: caseNotes.createdAt,
      author: author.displayName,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(caseNotes)
    .innerJoin(author, eq(author.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, c.id))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
  const [consents, notes, vulnerability, services, referrals, staff, org] = await Promise.all([
    db.select().from(caseConsents).where(eq(caseConsents.caseId, c.id)).orderBy(desc(caseConsents.givenAt)),
    page ? notesQuery.limit(NOTES_PER_PAGE).offset((page - 1) * NOTES_PER_PAGE) : notesQuery,
    latestVulnerability(db, c.id),
    db
      .select()
      .from(caseServices)
      .where(eq(caseServices.caseId, c.id))
      .orderBy(desc(caseServices.serviceDate), desc(caseServices.createdAt)),
    db
      .select({
        id: caseReferrals.id,
        kind: caseReferrals.kind,
        status: caseReferrals.status,
        toOrganisationId: caseReferrals.toOrganisationId,
        fromOrganisationId: caseReferrals.fromOrganisationId,
        toName: organisations.name,
        override: caseReferrals.consentOverrideReason,
        createdAt: caseReferrals.createdAt,
      })
      .from(caseReferrals)
      .innerJoin(organisations, eq(organisations.id, caseReferrals.toOrganisationId))
      .where(eq(caseReferrals.caseId, c.id))
      .orderBy(desc(caseReferrals.createdAt)),
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.organisationId, c.organisationId), eq(users.role, "case_worker"), eq(users.isActive, true)))
      .orderBy(asc(users.displayName)),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, c.organisationId)),
  ]);
  // a page past the last one reads no row, so no total: count them apart (rare)
  const noteCount =
    notes[0]?.total ??
    (page && page > 1
      ? ((
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(caseNotes)
            .where(eq(caseNotes.caseId, c.id))
        )[0]?.n ?? 0)
      : 0);
  return {
    case: c,
    organisationName: org[0]?.name ?? "",
    consent: consents[0] ?? null,
    consents,
    notes: notes.map((n) => ({ id: n.id, body: decrypt(n.bodyEnc), createdAt: n.createdAt, author: n.author })),
    noteCount,
    vulnerability,
    services: services.map(({ notesEnc, ...s }) => ({ ...s, notes: notesEnc ? decrypt(notesEnc) : null })),
    referrals,
    staff,
  };
}

/**
 * Whether `viewerId` supervises, and who opened or exported this case when they do
 * (else nobody): two reads side by side, not one after the other.
 */
export async function caseViewersForSupervisor(db: Executor, caseId: string, viewerId: string) {
  const supervising = sql`exists (select 1 from ${protectionSupervisors} where ${protectionSupervisors.userId} = ${viewerId})`;
  const [supervisor, viewers] = await Promise.all([isSupervisor(db, viewerId), caseViewers(db, caseId, supervising)]);
  return { supervisor, viewers };
}

/** Who opened or exported this case, for supervisors. */
export async function caseViewers(db: Executor, caseId: string, onlyIf: SQL = sql`true`) {
  return db
    .select({ at: auditLog.at, action: auditLog.action, name: users.displayName, role: auditLog.actorRole })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, "beneficiary_case"),
        eq(auditLog.entityId, caseId),
        inArray(auditLog.action, ["protection.case.view", "protection.case.export"]),
        onlyIf,
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(100);
}

export async function partnerAssociations(db: Executor, exceptId: string | null) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "partner_association"), exceptId ? ne(organisations.id, exceptId) : undefined))
    .orderBy(asc(organisations.name));
}

/**
 * Referrals and transfers waiting for the actor's association to accept or reject, not
 * yet expired: what the referring association shares before acceptance (the case's
 * reference, who refers, when), never the person's details.
 */
export async function incomingReferrals(db: Executor, actor: Actor) {
  if (actor.role !== "case_worker" || !actor.organisationId) return [];
  return db
    .select({
      id: caseReferrals.id,
      kind: caseReferrals.kind,
      caseId: caseReferrals.caseId,
      reference: beneficiaryCases.reference,
      fromName: organisations.name,
      createdAt: caseReferrals.createdAt,
    })
    .from(caseReferrals)
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, caseReferrals.caseId))
    .innerJoin(organisations, eq(organisations.id, caseReferrals.fromOrganisationId))
    .where(
      and(
        eq(caseReferrals.toOrganisationId, actor.organisationId),
        eq(caseReferrals.status, "pending"),
        referralNotExpired(),
      ),
    )
    .orderBy(asc(caseReferrals.createdAt));
}

/** A pending request is decided within REFERRAL_EXPIRY_DAYS, or lapses. */
export function referralNotExpired() {
  return sql`${caseReferrals.createdAt} > now() - make_interval(days => ${REFERRAL_EXPIRY_DAYS})`;
}

/** The case worker's day: open cases assigned to them, services due within a week, overdue hospital referrals. */
export async function caseWorkerPanel(db: Executor, actor: Actor, today = moroccoToday()) {
  const openCases = await db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      firstName: beneficiaryCases.firstName,
      lastName: beneficiaryCases.lastName,
    })
    .from(beneficiaryCases)
    .where(
      and(
        caseScope(actor),
        eq(beneficiaryCases.status, "open"),
        or(eq(beneficiaryCases.assignedToId, actor.id), isNull(beneficiaryCases.assignedToId)),
      ),
    )
    .orderBy(desc(beneficiaryCases.updatedAt))
    .limit(50);
  const weekAhead = addDays(today, 7);
  const services = await db
    .select({
      id: caseServices.id,
      caseId: caseServices.caseId,
      kind: caseServices.kind,
      status: caseServices.status,
      serviceDate: caseServices.serviceDate,
      dueDate: caseServices.dueDate,
      reference: beneficiaryCases.reference,
    })
    .from(caseServices)
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, caseServices.caseId))
    .where(
      and(
        caseScope(actor),
        eq(beneficiaryCases.status, "open"),
        sql`${caseServices.status} not in ('closed', 'done', 'cancelled', 'withdrawn', 'monitoring', 'attended', 'not_attended')`,
      ),
    )
    .orderBy(asc(caseServices.dueDate))
    .limit(200);
  const overdue = services.filter((s) => isReferralOverdue(s, today));
  const due = services.filter((s) => !overdue.includes(s) && s.dueDate && s.dueDate <= weekAhead);
  return { openCases, due, overdue };
}
