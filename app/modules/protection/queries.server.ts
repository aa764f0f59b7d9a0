/**
 * Reads of protection case files, always scoped (reach.server.ts): a case worker reaches
 * the cases of their association and, section by section, those referred to it. Anything
 * else is "not found" to them, whatever id they try.
 */
import {
  and,
  asc,
  desc,
  eq,
  ilike,
  isNull,
  ne,
  or,
  sql,
  type AnyColumn,
  type Placeholder,
  type SQL,
} from "drizzle-orm";
import { addDays, moroccoToday } from "~/lib/morocco-time";
import { runPrepared, type Executor } from "~db/client";
import {
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
import { documentIs, namesMatch, openNames, openService, phoneIs } from "./identity.server";
import {
  caseScope,
  referralConsentHolds,
  referralNotExpired,
  referralRequestColumns,
  sectionScope,
  writtenByOwnAssociation,
} from "./reach.server";
import {
  ALL_SECTIONS,
  isReferralOverdue,
  SERVICES_IN_PROGRESS,
  SERVICES_PER_PAGE,
  type Sections,
  type VulnerabilityData,
} from "./rules";

/** A column read only where the actor may see the case's identity section (else null). */
function ifIdentity<T>(actor: Actor, column: AnyColumn) {
  return sql<T | null>`case when ${sectionScope(actor, "identity")} then ${column} end`;
}

/** The sealed names, read only where the actor sees the identity (decrypt with `openNames`). */
function namesIfIdentity(actor: Actor) {
  return {
    firstNameEnc: ifIdentity<string>(actor, beneficiaryCases.firstNameEnc),
    lastNameEnc: ifIdentity<string>(actor, beneficiaryCases.lastNameEnc),
    nameArabicEnc: ifIdentity<string>(actor, beneficiaryCases.nameArabicEnc),
  };
}

/** A row's names decrypted, null where the actor does not see them. */
function namesOf(row: { firstNameEnc: string | null; lastNameEnc: string | null; nameArabicEnc: string | null }) {
  const seen = row.firstNameEnc !== null;
  const names = openNames(row);
  return {
    firstName: seen ? names.firstName : null,
    lastName: seen ? names.lastName : null,
    nameArabic: names.nameArabic,
  };
}

/**
 * The case file's statements that every opening of it sends, whatever the case (its
 * values are placeholders): built once by drizzle (`runPrepared`), not on each request.
 */
const id = sql.placeholder("id");
const supervisorRow = (db: Executor) =>
  db
    .select({ userId: protectionSupervisors.userId })
    .from(protectionSupervisors)
    .where(eq(protectionSupervisors.userId, id));

export async function isSupervisor(db: Executor, userId: string): Promise<boolean> {
  const [row] = await runPrepared(db, "protection_is_supervisor", supervisorRow, { id: userId });
  return Boolean(row);
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
  // names, phone and document are searched only where the actor sees them, by their keyed
  // hashes (whole folded words, exact numbers: they are encrypted); the reference everywhere
  const byIdentity = q ? [namesMatch(q), phoneIs(q), documentIs(q)].filter((c) => c !== null) : [];
  const search = q
    ? or(
        byIdentity.length ? and(sectionScope(actor, "identity"), or(...byIdentity)) : undefined,
        ilike(beneficiaryCases.reference, `%${q}%`),
      )
    : undefined;
  const rows = await db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      ...namesIfIdentity(actor),
      status: beneficiaryCases.status,
      city: ifIdentity<string>(actor, beneficiaryCases.city),
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
  // one page of rows decrypted, never the table
  return rows.map(({ firstNameEnc, lastNameEnc, nameArabicEnc, ...row }) => ({
    ...row,
    ...namesOf({ firstNameEnc, lastNameEnc, nameArabicEnc }),
  }));
}

const latestVulnerabilityRow = (db: Executor) =>
  db
    .select()
    .from(vulnerabilityAssessments)
    .where(eq(vulnerabilityAssessments.caseId, id))
    .orderBy(desc(vulnerabilityAssessments.createdAt))
    .limit(1);

export async function latestVulnerability(db: Executor, caseId: string) {
  const [row] = await runPrepared(db, "protection_latest_vulnerability", latestVulnerabilityRow, { id: caseId });
  return row ? openAssessment(row) : null;
}

/** An assessment's row as the pages read it: its flags and notes decrypted. */
export function openAssessment(
  row: Pick<typeof vulnerabilityAssessments.$inferSelect, "id" | "assessorId" | "assessedOn" | "createdAt" | "dataEnc">,
) {
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

/** Every referral and transfer of a case, with what each shared: for its owner. */
function referralsOfCase(db: Executor, caseId: string) {
  return runPrepared(db, "protection_referrals_of_case", referralsOfCaseQuery, { id: caseId });
}
/** A referral as its owner's case file lists it (the receiving association's name from `organisations`). */
export const caseReferralFields = {
  id: caseReferrals.id,
  kind: caseReferrals.kind,
  status: caseReferrals.status,
  toOrganisationId: caseReferrals.toOrganisationId,
  fromOrganisationId: caseReferrals.fromOrganisationId,
  toName: organisations.name,
  override: caseReferrals.consentOverrideReason,
  ...referralRequestColumns,
  createdAt: caseReferrals.createdAt,
  decidedAt: caseReferrals.decidedAt,
};
const referralsOfCaseQuery = (db: Executor) =>
  db
    .select(caseReferralFields)
    .from(caseReferrals)
    .innerJoin(organisations, eq(organisations.id, caseReferrals.toOrganisationId))
    .where(eq(caseReferrals.caseId, id))
    .orderBy(desc(caseReferrals.createdAt));

/** The active case workers of an association, to assign a case to. */
function staffOf(db: Executor, organisationId: string) {
  return runPrepared(db, "protection_staff_of", staffOfQuery, { id: organisationId });
}
const staffOfQuery = (db: Executor) =>
  db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.organisationId, id), eq(users.role, "case_worker"), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));

/**
 * The order of a case's services, the same wherever they are listed (the case file's
 * pages, its one statement, the export): those in progress first (a next status exists,
 * service-rules.ts `SERVICES_IN_PROGRESS`), then the finished; each group newest service date
 * first. The pairs are the code's own constants, written into the statement.
 */
const inProgressPairs = sql.raw(SERVICES_IN_PROGRESS.map(([kind, status]) => `('${kind}', '${status}')`).join(", "));
export const serviceOrder = [
  sql`case when (${caseServices.kind}::text, ${caseServices.status}) in (${inProgressPairs}) then 0 else 1 end`,
  desc(caseServices.serviceDate),
  desc(caseServices.createdAt),
  desc(caseServices.id),
];

/**
 * The services of a case a reader sees: a partner those its requests share and those its
 * own association recorded. Each says whether the reader's association recorded it (what
 * a partner moves along) and which association did (the one that corrects it), and how
 * many the reader sees in all. With `page`, only that page (`SERVICES_PER_PAGE`).
 */
function servicesOfCase(db: Executor, caseId: string, options: { page?: number; partner?: PartnerReader }) {
  const { page, partner } = options;
  if (!partner && !page)
    return runPrepared(db, "protection_services_of_case", (d) => servicesOfCaseQuery(d, id), { id: caseId });
  const all = servicesOfCaseQuery(db, caseId, partner);
  return page ? all.limit(SERVICES_PER_PAGE).offset((page - 1) * SERVICES_PER_PAGE) : all;
}
type PartnerReader = { actor: Actor; sections: Sections };
/** Which services of the case the reader sees (a partner: those shared, or its own association's). */
function servicesWhere(caseId: Placeholder | string, partner?: PartnerReader) {
  const sections = partner?.sections ?? ALL_SECTIONS;
  return and(
    eq(caseServices.caseId, caseId),
    sections.services || !partner ? undefined : writtenByOwnAssociation(partner.actor, caseServices.recordedById),
  );
}
function servicesOfCaseQuery(db: Executor, caseId: Placeholder | string, partner?: PartnerReader) {
  return db
    .select({
      service: caseServices,
      byReader: partner
        ? sql<boolean>`${writtenByOwnAssociation(partner.actor, caseServices.recordedById)}`
        : sql<boolean>`true`,
      recorderOrganisationId: sql<
        string | null
      >`(select ru.organisation_id from ${users} ru where ru.id = ${caseServices.recordedById})`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(caseServices)
    .where(servicesWhere(caseId, partner))
    .orderBy(...serviceOrder);
}

/** A note as the case file reads it (to decrypt), with its author and how many there are in all. */
export const caseNoteFields = {
  id: caseNotes.id,
  bodyEnc: caseNotes.bodyEnc,
  createdAt: caseNotes.createdAt,
  author: users.displayName,
  total: sql<number>`count(*) over ()::int`,
};

/** A case's notes, newest first, with their author and how many there are in all. */
function notesQuery(db: Executor, where: SQL | undefined) {
  return db
    .select(caseNoteFields)
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorId))
    .where(where)
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
}
const ownerNotesPageQuery = (db: Executor) =>
  notesQuery(db, eq(caseNotes.caseId, id)).limit(NOTES_PER_PAGE).offset(sql.placeholder("offset"));
const consentsOfCaseQuery = (db: Executor) =>
  db.select().from(caseConsents).where(eq(caseConsents.caseId, id)).orderBy(desc(caseConsents.givenAt));
const organisationNameQuery = (db: Executor) =>
  db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));

/** How many rows `where` selects in `table` (a page past the last one reads none, so no total: rare). */
async function countOf(db: Executor, table: typeof caseNotes | typeof caseServices, where: SQL | undefined) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}

/**
 * Everything on one case the reader may see, decrypted: the sections in one batch of
 * parallel reads (the association's name with them). The owner (and the data export)
 * reads it all; a receiving association passes `partner`: the sections its requests share,
 * plus the notes and services its own association wrote; never the consent, the
 * referrals, the staff. With `notesPage` and `servicesPage`, only those pages of notes and
 * services are read and decrypted (`noteCount`, `serviceCount` say how many there are);
 * without them, every one (the data export).
 */
export async function caseDetail(
  db: Executor,
  c: BeneficiaryCase,
  options: { notesPage?: number; servicesPage?: number; partner?: PartnerReader } = {},
) {
  const page = options.notesPage;
  const partner = options.partner;
  const sections = partner?.sections ?? ALL_SECTIONS;
  const notesWhere = and(
    eq(caseNotes.caseId, c.id),
    sections.notes || !partner ? undefined : writtenByOwnAssociation(partner.actor, caseNotes.authorId),
  );
  const none = Promise.resolve([]);
  const [consents, notes, vulnerability, services, referrals, staff, org] = await Promise.all([
    partner ? none : runPrepared(db, "protection_consents_of_case", consentsOfCaseQuery, { id: c.id }),
    // the owner's page of notes is the statement every opening sends; a partner's and the export's are built here
    page && !partner
      ? runPrepared(db, "protection_notes_page", ownerNotesPageQuery, {
          id: c.id,
          offset: (page - 1) * NOTES_PER_PAGE,
        })
      : page
        ? notesQuery(db, notesWhere)
            .limit(NOTES_PER_PAGE)
            .offset((page - 1) * NOTES_PER_PAGE)
        : notesQuery(db, notesWhere),
    sections.vulnerability ? latestVulnerability(db, c.id) : null,
    servicesOfCase(db, c.id, { page: options.servicesPage, partner }),
    partner ? none : referralsOfCase(db, c.id),
    partner ? none : staffOf(db, c.organisationId),
    runPrepared(db, "protection_organisation_name", organisationNameQuery, { id: c.organisationId }),
  ]);
  const servicesPage = options.servicesPage;
  const [noteCount, serviceCount] = await Promise.all([
    notes[0]?.total ?? (page && page > 1 ? countOf(db, caseNotes, notesWhere) : 0),
    services[0]?.total ??
      (servicesPage && servicesPage > 1 ? countOf(db, caseServices, servicesWhere(c.id, partner)) : 0),
  ]);
  return {
    case: c,
    organisationName: org[0]?.name ?? "",
    consent: consents[0] ?? null,
    consents,
    notes: notes.map((n) => ({ id: n.id, body: decrypt(n.bodyEnc), createdAt: n.createdAt, author: n.author })),
    noteCount,
    vulnerability,
    services: services.map(({ service: { notesEnc, ...s }, byReader, recorderOrganisationId }) => ({
      ...openService(s),
      byReader,
      recorderOrganisationId,
      notes: notesEnc ? decrypt(notesEnc) : null,
    })),
    serviceCount,
    referrals,
    staff,
  };
}

export async function partnerAssociations(db: Executor, exceptId: string | null) {
  if (exceptId) return runPrepared(db, "protection_partner_associations_except", partnersExceptQuery, { id: exceptId });
  return partnersQuery(db, undefined);
}
function partnersQuery(db: Executor, exceptId: Placeholder | undefined) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "partner_association"), exceptId ? ne(organisations.id, exceptId) : undefined))
    .orderBy(asc(organisations.name));
}
const partnersExceptQuery = (db: Executor) => partnersQuery(db, id);

/**
 * Referrals and transfers waiting for the actor's association to accept or reject, not
 * yet lapsed and with the consent behind them holding: the inbox shows what the referring
 * association shares with every request (the case's reference, who refers, when, why,
 * how urgent, the services asked for); the case page shows the sections it ticked.
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
      reason: caseReferrals.reason,
      urgency: caseReferrals.urgency,
      requestedServices: caseReferrals.requestedServices,
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
        referralConsentHolds(),
      ),
    )
    .orderBy(asc(caseReferrals.createdAt));
}

/** The case worker's day: open cases assigned to them, services due within a week, overdue hospital referrals. */
export async function caseWorkerPanel(db: Executor, actor: Actor, today = moroccoToday()) {
  const openCases = await db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      ...namesIfIdentity(actor),
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
    .limit(50)
    .then((rows) =>
      rows.map(({ firstNameEnc, lastNameEnc, nameArabicEnc, ...row }) => ({
        ...row,
        ...namesOf({ firstNameEnc, lastNameEnc, nameArabicEnc }),
      })),
    );
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
        or(sectionScope(actor, "services"), writtenByOwnAssociation(actor, caseServices.recordedById)),
        eq(beneficiaryCases.status, "open"),
        // not the file's "finished" (service-rules.ts serviceInProgress): a referral attended or not
        // attended is still in progress there, but has no date coming for the day's list
        sql`${caseServices.status} not in ('closed', 'done', 'cancelled', 'withdrawn', 'monitoring', 'attended', 'not_attended')`,
      ),
    )
    .orderBy(asc(caseServices.dueDate))
    .limit(200);
  const overdue = services.filter((s) => isReferralOverdue(s, today));
  const due = services.filter((s) => !overdue.includes(s) && s.dueDate && s.dueDate <= weekAhead);
  return { openCases, due, overdue };
}
