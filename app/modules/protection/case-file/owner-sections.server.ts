/**
 * The owning association's case file in one statement (issue 19): every section it shows
 * (consent and the partners it names, a page of notes, the latest assessment, services,
 * referrals, staff, whether the reader supervises, partners, aid, status history,
 * household, SMS) read as json lists of one row (`jsonList`), instead of seventeen
 * statements side by side. Built once (`runPrepared`): its values are placeholders.
 * The lists are the same rows, in the same order, as the separate reads they replace
 * (queries.server.ts and its neighbours, which other pages and the data export still
 * use): case-file-one-statement.test.ts compares the two.
 */
import { and, asc, desc, eq, getTableColumns, ne, sql } from "drizzle-orm";
import { jsonList, runPrepared, type Executor } from "~db/client";
import {
  aidItems,
  caseConsentPartners,
  caseConsents,
  caseMessages,
  caseNotes,
  caseReferrals,
  caseServices,
  caseStatusChanges,
  distributionRounds,
  distributions,
  householdMembers,
  organisations,
  outbox,
  protectionSupervisors,
  users,
  vouchers,
  vulnerabilityAssessments,
  type BeneficiaryCase,
} from "~db/schema";
import { caseDistributionFields } from "~/modules/aid/queries.server";
import { decrypt, decryptJson } from "../crypto.server";
import { openService } from "../identity.server";
import { statusChangeFields } from "../closure.server";
import { householdAges, householdMemberFields } from "../households.server";
import { caseSmsFields, SMS_LISTED } from "../case-sms.server";
import { caseNoteFields, caseReferralFields, NOTES_PER_PAGE } from "../queries.server";
import type { VulnerabilityData } from "../rules";

const caseId = sql.placeholder("caseId");
const org = sql.placeholder("org");
const viewerId = sql.placeholder("viewerId");

/** The case's latest consent (the consent section, the SMS section's permission). */
const latestConsent = sql`${caseConsents} where ${caseConsents.caseId} = ${caseId} order by ${caseConsents.givenAt} desc limit 1`;

const lists = {
  consent: jsonList(getTableColumns(caseConsents), sql`from ${latestConsent}`),
  consentPartners: jsonList(
    { id: organisations.id, name: organisations.name },
    sql`from ${caseConsentPartners} inner join ${organisations} on ${organisations.id} = ${caseConsentPartners.organisationId}
      where ${caseConsentPartners.consentId} = (select ${caseConsents.id} from ${latestConsent})
      order by ${asc(organisations.name)}`,
  ),
  notes: jsonList(
    caseNoteFields,
    sql`from ${caseNotes} inner join ${users} on ${users.id} = ${caseNotes.authorId} where ${caseNotes.caseId} = ${caseId}
      order by ${desc(caseNotes.createdAt)}, ${desc(caseNotes.id)} limit ${sql.raw(String(NOTES_PER_PAGE))} offset ${sql.placeholder("offset")}`,
  ),
  vulnerability: jsonList(
    getTableColumns(vulnerabilityAssessments),
    sql`from ${vulnerabilityAssessments} where ${vulnerabilityAssessments.caseId} = ${caseId}
      order by ${desc(vulnerabilityAssessments.createdAt)} limit 1`,
  ),
  services: jsonList(
    {
      ...getTableColumns(caseServices),
      recorderOrganisationId: sql<
        string | null
      >`(select ru.organisation_id from ${users} ru where ru.id = ${caseServices.recordedById})`,
    },
    sql`from ${caseServices} where ${caseServices.caseId} = ${caseId}
      order by ${desc(caseServices.serviceDate)}, ${desc(caseServices.createdAt)}`,
  ),
  referrals: jsonList(
    caseReferralFields,
    sql`from ${caseReferrals} inner join ${organisations} on ${organisations.id} = ${caseReferrals.toOrganisationId}
      where ${caseReferrals.caseId} = ${caseId} order by ${desc(caseReferrals.createdAt)}`,
  ),
  staff: jsonList(
    { id: users.id, displayName: users.displayName },
    sql`from ${users} where ${and(eq(users.organisationId, org), eq(users.role, "case_worker"), eq(users.isActive, true))}
      order by ${asc(users.displayName)}`,
  ),
  partners: jsonList(
    { id: organisations.id, name: organisations.name },
    sql`from ${organisations} where ${and(eq(organisations.kind, "partner_association"), ne(organisations.id, org))}
      order by ${asc(organisations.name)}`,
  ),
  distributions: jsonList(
    caseDistributionFields,
    sql`from ${distributions} inner join ${distributionRounds} on ${distributionRounds.id} = ${distributions.roundId}
      where ${distributions.caseId} = ${caseId} order by ${desc(distributions.createdAt)}`,
  ),
  vouchers: jsonList(
    getTableColumns(vouchers),
    sql`from ${vouchers} where ${vouchers.caseId} = ${caseId} order by ${desc(vouchers.issuedAt)}`,
  ),
  items: jsonList(
    getTableColumns(aidItems),
    sql`from ${aidItems} order by ${asc(aidItems.kind)}, ${asc(aidItems.nameFr)}`,
  ),
  history: jsonList(
    statusChangeFields,
    sql`from ${caseStatusChanges} inner join ${users} on ${users.id} = ${caseStatusChanges.changedById}
      where ${caseStatusChanges.caseId} = ${caseId} order by ${desc(caseStatusChanges.changedAt)}`,
  ),
  household: jsonList(
    householdMemberFields,
    sql`from ${householdMembers} where ${householdMembers.caseId} = ${caseId}
      order by ${asc(householdMembers.createdAt)}, ${asc(householdMembers.id)}`,
  ),
  sms: jsonList(
    caseSmsFields,
    sql`from ${caseMessages} inner join ${users} on ${users.id} = ${caseMessages.sentById}
      left join ${outbox} on ${outbox.id} = ${caseMessages.outboxId}
      where ${caseMessages.caseId} = ${caseId} order by ${desc(caseMessages.createdAt)} limit ${sql.raw(String(SMS_LISTED))}`,
  ),
};

const supervisorOf = sql<boolean>`exists (select 1 from ${protectionSupervisors} where ${protectionSupervisors.userId} = ${viewerId})`;

/** One row: the association's name, whether the reader supervises, and each list as json. */
const ownerSectionsQuery = (db: Executor) =>
  db
    .select({
      organisationName: organisations.name,
      supervisor: supervisorOf,
      ...Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.sql])),
    })
    .from(organisations)
    .where(eq(organisations.id, org));

/**
 * The owner's sections of case `c` for reader `viewerId`, decrypted, in the shapes the
 * separate reads give them: `detail` as `caseDetail` with a page of notes (the latest
 * consent only), then whether the reader supervises, partners, aid, history, household,
 * the consent's partners and the SMS sent.
 */
export async function ownerSections(db: Executor, c: BeneficiaryCase, viewerId: string, notesPage: number) {
  const [row] = await runPrepared(db, "protection_case_file_owner", ownerSectionsQuery, {
    caseId: c.id,
    org: c.organisationId,
    viewerId,
    offset: (notesPage - 1) * NOTES_PER_PAGE,
  });
  if (!row) throw new Error(`case ${c.id}: its organisation is missing`);
  const list = <K extends keyof typeof lists>(key: K) =>
    lists[key].decode((row as Record<string, unknown>)[key]) as ReturnType<(typeof lists)[K]["decode"]>;
  const notes = list("notes");
  const [vulnerability] = list("vulnerability");
  const [consent] = list("consent");
  return {
    detail: {
      organisationName: row.organisationName,
      consent: consent ?? null,
      notes: notes.map((n) => ({ id: n.id, body: decrypt(n.bodyEnc), createdAt: n.createdAt, author: n.author })),
      // a page past the last one reads no row, so no total
      noteCount: notes[0]?.total ?? (notesPage > 1 ? await countNotes(db, c.id) : 0),
      vulnerability: vulnerability
        ? {
            id: vulnerability.id,
            assessorId: vulnerability.assessorId,
            assessedOn: vulnerability.assessedOn,
            createdAt: vulnerability.createdAt,
            ...decryptJson<VulnerabilityData>(vulnerability.dataEnc),
          }
        : null,
      services: list("services").map(({ notesEnc, recorderOrganisationId, ...s }) => ({
        ...openService(s),
        byReader: true,
        recorderOrganisationId,
        notes: notesEnc ? decrypt(notesEnc) : null,
      })),
      referrals: list("referrals"),
      staff: list("staff"),
    },
    supervisor: Boolean(row.supervisor),
    partners: list("partners"),
    distributions: list("distributions"),
    vouchers: list("vouchers"),
    items: list("items"),
    history: list("history"),
    household: householdAges(list("household")),
    consentPartners: list("consentPartners"),
    sms: list("sms"),
  };
}

/** How many notes a case has (a page past the last one: rare). */
async function countNotes(db: Executor, id: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseNotes)
    .where(eq(caseNotes.caseId, id));
  return row?.n ?? 0;
}
