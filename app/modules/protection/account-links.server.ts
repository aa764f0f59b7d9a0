/**
 * A case file linked to the applicant account of the same person, with the person's
 * consent (who collected it, when, the notice's language), audited; unlinked with a
 * reason. Linking lets the association's case workers act for the person through the
 * office (app/modules/office/rules.ts mayActFor) and makes reports count one person.
 * Why: docs/decisions/0135-linking-and-dedup-across.md.
 */
import { alias } from "drizzle-orm/pg-core";
import { and, between, eq, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { beneficiaryCases, caseAccountLinks, profiles, users, type BeneficiaryCase } from "~db/schema";
import { fail, type Meta, type Result } from "~/lib/result";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { formatLoginId, parseIdentifier } from "~/modules/auth/rules";
import { forbidden, requireOwnCase } from "./case-access.server";
import { ownsCase } from "./queries.server";
import { possibleMatchElsewhere } from "./duplicates.server";
import type { PersonHashes } from "./identity.server";
import { birthYearOf, duplicateReasons, ESTIMATED_BIRTH_YEAR_SLACK, type PersonKey } from "./rules";
import type { LinkAccountInput } from "./schemas.server";
import type { UnlinkReason } from "./constants";
import { NOTICE_LANGUAGES } from "~/modules/office/constants";

/** An active applicant account by its e-mail, phone or slip identifier; null when there is none. */
async function findApplicantAccount(db: Executor, typed: string): Promise<string | null> {
  const identifier = parseIdentifier(typed);
  if (!identifier) return null;
  const column = { email: users.email, phone: users.phone, login: users.loginId }[identifier.kind];
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(column, identifier.value), eq(users.role, "applicant"), eq(users.isActive, true)));
  return row?.id ?? null;
}

export async function linkAccount(
  db: Database,
  actor: Actor,
  caseId: string,
  input: LinkAccountInput,
  meta: Meta,
): Promise<Result> {
  const c = await requireOwnCase(db, actor, caseId);
  const userId = await findApplicantAccount(db, input.account);
  if (!userId) return fail(400, { account: "protection.errors.applicantNotFound" });
  return db.transaction(async (tx) => {
    // a conditional update: of two case workers linking at once, one wins, the other is told
    const [linked] = await tx
      .update(beneficiaryCases)
      .set({ applicantUserId: userId, updatedAt: meta.now ?? new Date() })
      .where(and(eq(beneficiaryCases.id, c.id), isNull(beneficiaryCases.applicantUserId)))
      .returning({ id: beneficiaryCases.id });
    if (!linked) return fail(409, { account: "protection.link.alreadyLinked" });
    await tx
      .insert(caseAccountLinks)
      .values({ caseId: c.id, userId, linkedById: actor.id, noticeLanguage: input.noticeLanguage, linkedAt: meta.now });
    await auditRecord(tx, actor, "protection.case.link_account", ["beneficiary_case", c.id], meta.ip);
    return { ok: true as const };
  });
}

export async function unlinkAccount(
  db: Database,
  actor: Actor,
  caseId: string,
  reason: UnlinkReason,
  meta: Meta,
): Promise<Result> {
  const c = await requireOwnCase(db, actor, caseId);
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [unlinked] = await tx
      .update(beneficiaryCases)
      .set({ applicantUserId: null, updatedAt: now })
      .where(and(eq(beneficiaryCases.id, c.id), isNotNull(beneficiaryCases.applicantUserId)))
      .returning({ id: beneficiaryCases.id });
    if (!unlinked) return fail(409, { reason: "protection.link.notLinked" });
    await tx
      .update(caseAccountLinks)
      .set({ unlinkedAt: now, unlinkedById: actor.id, unlinkReason: reason })
      .where(and(eq(caseAccountLinks.caseId, c.id), isNull(caseAccountLinks.unlinkedAt)));
    await auditRecord(tx, actor, "protection.case.unlink_account", ["beneficiary_case", c.id], meta.ip);
    return { ok: true as const };
  });
}

const linker = alias(users, "linker");

/** The live link of a case, for its own association's page: the account, who linked it, when, in which language. */
export async function liveLinkOf(db: Executor, c: BeneficiaryCase) {
  if (!c.applicantUserId) return null;
  const [row] = await db
    .select({
      displayName: users.displayName,
      loginId: users.loginId,
      phone: users.phone,
      linkedBy: linker.displayName,
      linkedAt: caseAccountLinks.linkedAt,
      noticeLanguage: caseAccountLinks.noticeLanguage,
    })
    .from(users)
    .leftJoin(
      caseAccountLinks,
      and(
        eq(caseAccountLinks.caseId, c.id),
        eq(caseAccountLinks.userId, users.id),
        isNull(caseAccountLinks.unlinkedAt),
      ),
    )
    .leftJoin(linker, eq(linker.id, caseAccountLinks.linkedById))
    .where(eq(users.id, c.applicantUserId));
  if (!row) return null;
  return {
    displayName: row.displayName,
    contact: row.phone ?? (row.loginId ? formatLoginId(row.loginId) : null),
    linkedBy: row.linkedBy,
    linkedAt: row.linkedAt?.toISOString() ?? null,
    // the column's check constraint holds it to the list; find() gives it its type
    noticeLanguage: NOTICE_LANGUAGES.find((l) => l === row.noticeLanguage) ?? null,
  };
}

/**
 * Applicant accounts that may be the same person as the case, by the duplicate rule
 * (rules.ts duplicateReasons): the same phone, or a close name born the same day (two
 * years either side when the case has only an estimated age). Suggestions for the case
 * worker, who asks the person; nothing is linked without their consent.
 */
export async function possibleAccounts(db: Executor, c: BeneficiaryCase) {
  if (c.applicantUserId || c.anonymisedAt) return [];
  const person: PersonKey = {
    firstName: c.firstName,
    lastName: c.lastName,
    nameArabic: c.nameArabic,
    dateOfBirth: c.dateOfBirth,
    estimatedAge: c.estimatedAge,
    ageGivenIn: c.createdAt.getUTCFullYear(),
    phone: c.phone,
  };
  const born = birthYearOf(person);
  const conditions: SQL[] = [];
  if (c.phone) conditions.push(eq(users.phone, c.phone));
  if (born && !born.estimated && c.dateOfBirth) conditions.push(eq(profiles.birthDate, c.dateOfBirth));
  if (born?.estimated) {
    const [from, to] = [born.year - ESTIMATED_BIRTH_YEAR_SLACK, born.year + ESTIMATED_BIRTH_YEAR_SLACK];
    conditions.push(between(profiles.birthDate, `${from}-01-01`, `${to}-12-31`));
  }
  if (!conditions.length) return [];
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      phone: users.phone,
      loginId: users.loginId,
      givenName: profiles.givenName,
      familyName: profiles.familyName,
      givenNameAr: profiles.givenNameAr,
      familyNameAr: profiles.familyNameAr,
      birthDate: profiles.birthDate,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(users.role, "applicant"), eq(users.isActive, true), or(...conditions)))
    .limit(500);
  return rows
    .filter(
      (u) =>
        duplicateReasons(person, {
          firstName: u.givenName ?? u.displayName,
          lastName: u.familyName ?? "",
          nameArabic: [u.givenNameAr, u.familyNameAr].filter(Boolean).join(" ") || null,
          dateOfBirth: u.birthDate,
          phone: u.phone,
        }).length > 0,
    )
    .slice(0, 5)
    .map((u) => ({
      id: u.id,
      displayName: u.displayName,
      contact: u.phone ?? (u.loginId ? formatLoginId(u.loginId) : null),
    }));
}

/**
 * The applicant-account side of a case, for its own association only: the live link, or
 * the accounts that may be the same person; and whether another association may hold a
 * file on the person (yes or no, nothing more). `c` is the case as the caller read it
 * within the actor's reach (the case file's loader); anyone but its own association, or
 * an anonymised file, gets 403, as requireOwnCase answers. `hashes`: the person's keyed
 * hashes as the case's row stores them (`storedPersonHashes`), when the caller read them.
 */
export async function accountPanel(
  db: Executor,
  actor: Actor,
  c: BeneficiaryCase,
  { suggest = true, hashes = null }: { suggest?: boolean; hashes?: PersonHashes | null } = {},
) {
  if (!ownsCase(actor, c) || c.anonymisedAt) forbidden();
  const [link, suggestions, elsewhere] = await Promise.all([
    liveLinkOf(db, c),
    // the accounts that may be the person's: listed on the account's page, not on the file
    suggest ? possibleAccounts(db, c) : [],
    possibleMatchElsewhere(db, actor, { ...c, ageGivenIn: c.createdAt.getUTCFullYear() }, c.id, hashes),
  ]);
  return { userId: c.applicantUserId, link, suggestions, elsewhere };
}
export type AccountPanel = Awaited<ReturnType<typeof accountPanel>>;
