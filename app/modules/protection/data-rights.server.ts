/** A person's rights over their record: export on request, anonymisation on request or at retention's end. */
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { householdOf } from "./households.server";
import type { Database } from "~db/client";
import {
  beneficiaryCases,
  caseConsentPartners,
  caseConsents,
  caseMessages,
  caseAccountLinks,
  caseNotes,
  caseServices,
  codeFlags,
  distributions,
  organisations,
  outbox,
  users,
  vouchers,
  vulnerabilityAssessments,
} from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { requireSupervisorOfCase } from "./case-access.server";
import { caseSmsHistory } from "./case-sms.server";
import { caseDetail } from "./queries.server";
import { sealIdentity } from "./identity.server";
import type { Meta } from "~/lib/result";
import { regionOfTown } from "~/modules/reporting/mappings";
import { SHARED_SECTIONS } from "./rules";

/** The partner associations each consent of the case named (where a referral could go). */
function partnersNamedBy(db: Database, consentIds: string[]) {
  if (consentIds.length === 0) return Promise.resolve([]);
  return db
    .select({ consentId: caseConsentPartners.consentId, id: organisations.id, name: organisations.name })
    .from(caseConsentPartners)
    .innerJoin(organisations, eq(organisations.id, caseConsentPartners.organisationId))
    .where(inArray(caseConsentPartners.consentId, consentIds))
    .orderBy(organisations.name);
}

/** The history of the case's links to an applicant account, with the staff named (migration 0049). */
async function accountLinksOf(db: Database, caseId: string) {
  const linker = alias(users, "linker");
  const unlinker = alias(users, "unlinker");
  return db
    .select({
      linkedAt: caseAccountLinks.linkedAt,
      linkedBy: linker.displayName,
      noticeLanguage: caseAccountLinks.noticeLanguage,
      unlinkedAt: caseAccountLinks.unlinkedAt,
      unlinkedBy: unlinker.displayName,
      unlinkReason: caseAccountLinks.unlinkReason,
    })
    .from(caseAccountLinks)
    .innerJoin(linker, eq(linker.id, caseAccountLinks.linkedById))
    .leftJoin(unlinker, eq(unlinker.id, caseAccountLinks.unlinkedById))
    .where(eq(caseAccountLinks.caseId, caseId))
    .orderBy(caseAccountLinks.linkedAt);
}

/** A person's full record, for them, on request: supervisors only, audited. */
export async function exportCase(db: Database, actor: Actor, caseId: string, meta: Meta) {
  const c = await requireSupervisorOfCase(db, actor, caseId);
  const detail = await caseDetail(db, c);
  const [given, vouchersOf, smsSent, named, household, accountLinks] = await Promise.all([
    db
      .select({
        id: distributions.id,
        roundId: distributions.roundId,
        at: distributions.createdAt,
        correctedAt: distributions.correctedAt,
      })
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
    // the SMS the programme sent her from the file: which text, when, by whom, where it stands
    caseSmsHistory(db, c.id, null),
    partnersNamedBy(
      db,
      detail.consents.map((k) => k.id),
    ),
    householdOf(db, c.id),
    accountLinksOf(db, c.id),
  ]);
  let account: { displayName: string; email: string | null; phone: string | null; createdAt: Date } | null = null;
  if (c.applicantUserId) {
    const [u] = await db
      .select({ displayName: users.displayName, email: users.email, phone: users.phone, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, c.applicantUserId));
    account = u ?? null;
  }
  await auditRecord(db, actor, "protection.case.export", ["beneficiary_case", c.id], meta.ip);
  const { staff: _staff, ...rest } = detail;
  const consents = detail.consents.map((k) => ({
    ...k,
    partners: named.filter((n) => n.consentId === k.id).map(({ id, name }) => ({ id, name })),
  }));
  return {
    exportedAt: new Date().toISOString(),
    ...rest,
    consent: consents[0] ?? null,
    consents,
    // to whom, when, what was decided and which sections of the file each request shared
    referrals: detail.referrals.map((r) => ({ ...r, sharedSections: SHARED_SECTIONS.filter((k) => r[k]) })),
    account,
    // each link of the file to the person's account: who linked it, when, the notice's language; and its end
    accountLinks,
    distributions: given,
    vouchers: vouchersOf,
    smsSent,
    household,
  };
}

/**
 * Anonymise on request (or at the end of the retention period): identifying fields
 * and free text go, the rows that aggregate counts rely on (services, distributions,
 * vouchers, sex, nationality, year of birth, and the region of the city) stay.
 */
export async function anonymiseCase(db: Database, actor: Actor | null, caseId: string, meta: Meta) {
  if (actor) await requireSupervisorOfCase(db, actor, caseId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ city: beneficiaryCases.city })
      .from(beneficiaryCases)
      .where(eq(beneficiaryCases.id, caseId))
      .for("update");
    await tx
      .update(beneficiaryCases)
      .set({
        // the region stays for the reports, not the town (decision 0079: anonymised case keeps its region)
        city: null,
        region: regionOfTown(before?.city),
        ...sealIdentity({
          firstName: "—",
          lastName: "—",
          nameArabic: null,
          phone: null,
          documentNumber: null,
          householdNotes: null,
        }),
        dateOfBirth: sql`case when ${beneficiaryCases.dateOfBirth} is null then null else make_date(extract(year from ${beneficiaryCases.dateOfBirth})::int, 1, 1) end`,
        applicantUserId: null,
        languages: null,
        confirmedDistinctFrom: null,
        status: "closed",
        anonymisedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(beneficiaryCases.id, caseId), isNull(beneficiaryCases.anonymisedAt)));
    await tx.delete(caseNotes).where(eq(caseNotes.caseId, caseId));
    // the link's history would tie the anonymised case to a named account
    await tx.delete(caseAccountLinks).where(eq(caseAccountLinks.caseId, caseId));
    await tx.delete(vulnerabilityAssessments).where(eq(vulnerabilityAssessments.caseId, caseId));
    // a town or nationality typed before the code lists, waiting for the admin: the text goes with the town
    await tx.delete(codeFlags).where(and(eq(codeFlags.record, "case"), eq(codeFlags.recordId, caseId)));
    await tx.update(caseServices).set({ notesEnc: null, detailsEnc: null }).where(eq(caseServices.caseId, caseId));
    await tx.update(caseConsents).set({ referralPartners: null }).where(eq(caseConsents.caseId, caseId));
    // the SMS sent from the file carried its phone number: the messages go (unsent ones too),
    // the history keeps only template, sender and date
    await tx
      .delete(outbox)
      .where(
        inArray(
          outbox.id,
          tx.select({ id: caseMessages.outboxId }).from(caseMessages).where(eq(caseMessages.caseId, caseId)),
        ),
      );
    await auditRecord(tx, actor, "protection.case.anonymise", ["beneficiary_case", caseId], meta.ip);
  });
}

/** Anonymise every case with no activity for `retentionDays` (run by the admin or a scheduled job). */
/** The cases still named and inactive for longer than `retentionDays`. */
function expired(retentionDays: number) {
  return and(
    isNull(beneficiaryCases.anonymisedAt),
    sql`${beneficiaryCases.updatedAt} < now() - make_interval(days => ${retentionDays})`,
  );
}

/** How many cases applying the retention period would anonymise now (said on its confirmation step). */
export async function countExpired(db: Database, retentionDays: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(beneficiaryCases).where(expired(retentionDays));
  return row?.n ?? 0;
}

export async function anonymiseExpired(db: Database, retentionDays: number, meta: Meta = {}) {
  const rows = await db.select({ id: beneficiaryCases.id }).from(beneficiaryCases).where(expired(retentionDays));
  for (const row of rows) await anonymiseCase(db, null, row.id, meta);
  return rows.length;
}
