/**
 * What an association reaches of a case file, as SQL conditions checked on every request
 * (docs/decisions/0072 and 0096-referral-sections-and-named-partners): its own cases in
 * full; a case referred or being transferred to it, only the sections the referring
 * association ticked, for as long as the request is live (accepted, or pending and not
 * lapsed) and the person's consent behind it holds. Nothing is revoked or cleaned up: a
 * withdrawal, a rejection or a lapse shows at the next request.
 */
import { and, desc, eq, sql, type AnyColumn, type Placeholder, type SQL } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { runPrepared, type Executor } from "~db/client";
import {
  beneficiaryCases,
  caseConsentPartners,
  caseConsents,
  caseReferrals,
  organisations,
  users,
  type BeneficiaryCase,
} from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { auditInsertFrom, auditPlaceholders, auditRecord } from "~/modules/audit/service.server";
import { openCase, storedPersonHashes } from "./identity.server";
import { partnerView, REFERRAL_EXPIRY_DAYS, type SharedSection } from "./rules";

type Ref = ReturnType<typeof sql>;
const referralsTable: Ref = sql`${caseReferrals}`;

/** The association a case worker acts for; null for anyone else (a pending account has none: see the session). */
function orgOf(actor: Actor): string | null {
  return actor.role === "case_worker" ? actor.organisationId : null;
}

/**
 * Does the consent behind referral `r` still hold? The case's latest consent decides: a
 * consent to referral, not withdrawn, that names `r`'s association; or, for a
 * supervisor's override, no consent at all, or a latest one given before the referral and
 * not withdrawn. Any withdrawal, or a new consent that no longer names the association,
 * ends it.
 */
export function referralConsentHolds(r: Ref = referralsTable) {
  return sql`coalesce(
    (select (cc.referral and cc.withdrawn_at is null and exists (
          select 1 from ${caseConsentPartners} cp where cp.consent_id = cc.id and cp.organisation_id = ${r}.to_organisation_id))
        or (${r}.consent_override_by_id is not null and cc.given_at <= ${r}.created_at and cc.withdrawn_at is null)
      from ${caseConsents} cc where cc.case_id = ${r}.case_id order by cc.given_at desc, cc.id desc limit 1),
    ${r}.consent_override_by_id is not null)`;
}

/** A pending request is decided within REFERRAL_EXPIRY_DAYS, or lapses. */
export function referralNotExpired(r: Ref = referralsTable) {
  return sql`${r}.created_at > now() - make_interval(days => ${REFERRAL_EXPIRY_DAYS})`;
}

/**
 * Requests `r` that open case `caseRef` to `org` now: an accepted referral, or a pending
 * referral or transfer not lapsed (read only), with the consent behind it holding.
 * `acceptedOnly` keeps the accepted ones (what lets the association write).
 */
function liveRequest(
  r: Ref,
  org: string | SQL,
  caseRef: SQL | AnyColumn,
  options: { acceptedOnly?: boolean; section?: SharedSection },
) {
  const stage = options.acceptedOnly
    ? sql`(${r}.kind = 'referral' and ${r}.status = 'accepted')`
    : sql`((${r}.kind = 'referral' and ${r}.status = 'accepted') or (${r}.status = 'pending' and ${referralNotExpired(r)}))`;
  const section = options.section ? sql` and ${r}.${sql.identifier(`share_${options.section}`)}` : sql``;
  return sql`${r}.case_id = ${caseRef} and ${r}.to_organisation_id = ${org} and ${stage}${section}
    and ${referralConsentHolds(r)}`;
}

/**
 * "This actor works on this case": its own association's, or one referred to it and
 * accepted (while live). Lists, the home panel and every write go through it; a pending
 * request shows the receiving association its shared sections only (caseReach).
 */
export function caseScope(actor: Actor) {
  return ownOrAcceptedReferral(actor, undefined);
}

/** "This actor may see `section` of this case": its own, or an accepted live referral that shares it. */
export function sectionScope(actor: Actor, section: SharedSection) {
  return ownOrAcceptedReferral(actor, section);
}

/** `sectionScope` for the association a prepared statement's placeholder names. */
export function sectionScopeOf(org: Placeholder, section: SharedSection) {
  return associationReaches(sql`${org}::uuid`, section);
}

/** The case is the actor's association's, or referred to it, accepted and live (and sharing `section`, when given). */
function ownOrAcceptedReferral(actor: Actor, section: SharedSection | undefined) {
  const org = orgOf(actor);
  if (!org) return sql`false`;
  return associationReaches(org, section);
}

/** The case is association `org`'s, or referred to it, accepted and live (and sharing `section`, when given). */
function associationReaches(org: string | SQL, section: SharedSection | undefined) {
  return sql`(${beneficiaryCases.organisationId} = ${org} or exists (select 1 from ${caseReferrals} r where ${liveRequest(
    sql`r`,
    org,
    beneficiaryCases.id,
    { acceptedOnly: true, section },
  )}))`;
}

/** "This row was written by someone of the actor's association" (its own notes and services). */
export function writtenByOwnAssociation(actor: Actor, authorId: AnyColumn | SQL) {
  const org = orgOf(actor);
  if (!org) return sql`false`;
  return sql`exists (select 1 from ${users} au where au.id = ${authorId} and au.organisation_id = ${org})`;
}

export async function getCaseForActor(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await db
    .select()
    .from(beneficiaryCases)
    .where(and(eq(beneficiaryCases.id, caseId), caseScope(actor)));
  return row ? openCase(row) : null;
}

/**
 * A referral's request as the two associations read it: why and how urgently, the services
 * asked for, and which sections the referring association shared (the owner's list of a
 * case's referrals and the receiving association's live requests).
 */
export const referralRequestColumns = {
  reason: caseReferrals.reason,
  urgency: caseReferrals.urgency,
  requestedServices: caseReferrals.requestedServices,
  identity: caseReferrals.shareIdentity,
  services: caseReferrals.shareServices,
  notes: caseReferrals.shareNotes,
  vulnerability: caseReferrals.shareVulnerability,
};

/** The live requests that open `caseId` to the actor's association, with what the referring association shared. */
export async function liveRequestsTo(db: Executor, actor: Actor, caseId: string) {
  const org = orgOf(actor);
  if (!org || !isUuid(caseId)) return [];
  return db
    .select({
      id: caseReferrals.id,
      kind: caseReferrals.kind,
      status: caseReferrals.status,
      fromName: organisations.name,
      ...referralRequestColumns,
      createdAt: caseReferrals.createdAt,
    })
    .from(caseReferrals)
    .innerJoin(organisations, eq(organisations.id, caseReferrals.fromOrganisationId))
    .where(sql`${liveRequest(referralsTable, org, sql`${caseId}::uuid`, {})}`)
    .orderBy(desc(caseReferrals.createdAt));
}

export type LiveRequest = Awaited<ReturnType<typeof liveRequestsTo>>[number];

/**
 * How the actor reaches a case: as its owner (everything), as a receiving association
 * (the sections of its live requests; writes once one is accepted), or not at all (null).
 * With `opening` (an opening of the case file), the opening is audited when the actor
 * reaches the case: the owner's audit row is written by the statement that reads the
 * case (one round trip, `auditInsertFrom`), a receiving association's once its requests
 * are read; a refusal writes none.
 */
export async function caseReach(
  db: Executor,
  actor: Actor,
  caseId: string,
  opening?: { ip: string | null | undefined },
) {
  const org = orgOf(actor);
  if (!org || !isUuid(caseId)) return null;
  const [row] = opening
    ? await runPrepared(db, "protection_case_row_viewed", caseRowViewedQuery, {
        id: caseId,
        org,
        ...auditPlaceholders(actor, opening.ip),
      })
    : await runPrepared(db, "protection_case_row", caseRowQuery, { id: caseId });
  if (!row) return null;
  const own = row.organisationId === org;
  const requests = own ? [] : await liveRequestsTo(db, actor, caseId);
  const view = partnerView(
    own,
    requests.map((r) => ({ ...r, accepted: r.status === "accepted" })),
  );
  if (!view) return null;
  if (opening && !own) await auditRecord(db, actor, CASE_VIEW, ["beneficiary_case", row.id], opening.ip);
  // the identity is decrypted only for a reader who sees it; its owner's lookups of the
  // person (the "known elsewhere" check) take its keyed hashes from the row
  return {
    case: openCase(row, view.sections.identity),
    ...view,
    requests,
    personHashes: own ? storedPersonHashes(row) : null,
  };
}

/** The audit action of an opening of a case file (supervisors see who looked). */
const CASE_VIEW = "protection.case.view";

const caseRowQuery = (db: Executor) =>
  db
    .select()
    .from(beneficiaryCases)
    .where(eq(beneficiaryCases.id, sql.placeholder("id")));

/** The case row, and the audit row of its opening when the actor's association (`org`) owns it. */
const caseRowViewedQuery = (db: Executor) => {
  const viewed = db
    .$with("viewed", { entityId: sql<string>`entity_id` })
    .as(
      sql`${auditInsertFrom(
        CASE_VIEW,
        "beneficiary_case",
        sql`c.id::text`,
        sql`from ${beneficiaryCases} c where c.id = ${sql.placeholder("id")}::uuid and c.organisation_id = ${sql.placeholder("org")}::uuid`,
      )} returning entity_id`,
    );
  return db
    .with(viewed)
    .select()
    .from(beneficiaryCases)
    .where(eq(beneficiaryCases.id, sql.placeholder("id")));
};

export type CaseReach = NonNullable<Awaited<ReturnType<typeof caseReach>>>;

/** The case's latest consent with the partners it names (null when none was recorded). */
export async function currentConsent(db: Executor, caseId: string) {
  const [row] = await db
    .select()
    .from(caseConsents)
    .where(eq(caseConsents.caseId, caseId))
    .orderBy(desc(caseConsents.givenAt), desc(caseConsents.id))
    .limit(1);
  if (!row) return null;
  const partners = await consentPartners(db, row.id);
  return { ...row, partners: partners.map((p) => p.id) };
}

/** The associations a consent names, by name. */
export async function consentPartners(db: Executor, consentId: string) {
  return runPrepared(db, "protection_consent_partners", consentPartnersQuery, { id: consentId });
}
const consentPartnersQuery = (db: Executor) =>
  db
    .select({ id: organisations.id, name: organisations.name })
    .from(caseConsentPartners)
    .innerJoin(organisations, eq(organisations.id, caseConsentPartners.organisationId))
    .where(eq(caseConsentPartners.consentId, sql.placeholder("id")))
    .orderBy(organisations.name);
