/**
 * The owning association's case file in one statement (issue 19): every section it shows
 * (consent and the partners it names, a page of notes, the latest assessment, services,
 * referrals, staff, whether the reader supervises, partners, aid, status history,
 * household, SMS) read as json lists of one row (`jsonList`), instead of seventeen
 * statements side by side. Built once (`runPrepared`): its values are placeholders.
 * The lists are the same rows, in the same order, as the separate reads they replace
 * (queries.server.ts and its neighbours, which other pages and the data export still
 * use): case-file-one-statement.test.ts compares the two. The file's form pages read
 * their own few of the same lists, in a statement of their own (`caseParts`).
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
import { decrypt } from "../crypto.server";
import { openService } from "../identity.server";
import { statusChangeFields } from "../closure.server";
import { householdAges, householdMemberFields } from "../households.server";
import { caseSmsFields, SMS_LISTED } from "../case-sms.server";
import { caseNoteFields, caseReferralFields, NOTES_PER_PAGE, openAssessment, serviceOrder } from "../queries.server";
import { AID_PER_PAGE, SERVICES_PER_PAGE } from "../rules";

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
      order by ${sql.join(serviceOrder, sql`, `)}
      limit ${sql.raw(String(SERVICES_PER_PAGE))} offset ${sql.placeholder("servicesOffset")}`,
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
      where ${distributions.caseId} = ${caseId} order by ${desc(distributions.createdAt)}, ${desc(distributions.id)}
      limit ${sql.raw(String(AID_PER_PAGE))} offset ${sql.placeholder("aidOffset")}`,
  ),
  vouchers: jsonList(
    getTableColumns(vouchers),
    sql`from ${vouchers} where ${vouchers.caseId} = ${caseId} order by ${desc(vouchers.issuedAt)}, ${desc(vouchers.id)}
      limit ${sql.raw(String(AID_PER_PAGE))} offset ${sql.placeholder("aidOffset")}`,
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

/** How many rows of `table` the case has: the paged lists' totals (their index, whatever the page). */
const countOfCase = (table: typeof caseServices | typeof distributions | typeof vouchers) => ({
  sql: sql<number>`(select count(*)::int from ${table} where ${table.caseId} = ${caseId})`,
  decode: (value: unknown) => Number(value),
});

/**
 * The parts a case's pages read, each a value of one row: the lists, whether the reader
 * supervises, and how many services, distributions and vouchers the case has in all.
 */
const parts = {
  ...lists,
  supervisor: {
    sql: sql<boolean>`exists (select 1 from ${protectionSupervisors} where ${protectionSupervisors.userId} = ${viewerId})`,
    decode: (value: unknown) => Boolean(value),
  },
  serviceCount: countOfCase(caseServices),
  distributionCount: countOfCase(distributions),
  voucherCount: countOfCase(vouchers),
};
type Part = keyof typeof parts;
const FILE_PARTS = Object.keys(parts) as Part[];

/** One row: the association's name, and each part in `names` (as json for a list). */
const partsQuery = (names: readonly Part[]) => (db: Executor) =>
  db
    .select({
      organisationName: organisations.name,
      ...Object.fromEntries(names.map((name) => [name, parts[name].sql])),
    })
    .from(organisations)
    .where(eq(organisations.id, org));

/** The pages of the file's paged lists (docs/decisions/0216-case-file-lists-paged.md). */
export type OwnerPages = { notes: number; services: number; aid: number };

/**
 * Parts `names` of case `c` for reader `viewerId`, decoded but not decrypted (the caller
 * decrypts what it shows), in one statement: the file reads them all (`ownerSections`), a
 * form page only its own (`case-file/form-page.server.ts`, 0215). Each
 * set of parts is its own statement, built once (named after the parts, which come from
 * code, never from a request).
 */
export async function caseParts<P extends Part>(
  db: Executor,
  c: Pick<BeneficiaryCase, "id" | "organisationId">,
  viewerId: string,
  names: readonly P[],
  pages: OwnerPages = { notes: 1, services: 1, aid: 1 },
) {
  const [row] = await runPrepared(db, `protection_case_parts(${names.join(",")})`, partsQuery(names), {
    caseId: c.id,
    org: c.organisationId,
    viewerId,
    offset: (pages.notes - 1) * NOTES_PER_PAGE,
    servicesOffset: (pages.services - 1) * SERVICES_PER_PAGE,
    aidOffset: (pages.aid - 1) * AID_PER_PAGE,
  });
  if (!row) throw new Error(`case ${c.id}: its organisation is missing`);
  const values: Record<string, unknown> = row;
  const read = { organisationName: row.organisationName } as { organisationName: string } & {
    [K in P]: ReturnType<(typeof parts)[K]["decode"]>;
  };
  for (const name of names) Object.assign(read, { [name]: parts[name].decode(values[name]) });
  return read;
}

/**
 * The owner's sections of case `c` for reader `viewerId`, decrypted, in the shapes the
 * separate reads give them: `detail` as `caseDetail` with a page of notes and one of
 * services (the latest consent only), then whether the reader supervises, partners, a
 * page of aid (distributions and vouchers) and how many there are, history, household,
 * the consent's partners and the SMS sent.
 */
export async function ownerSections(db: Executor, c: BeneficiaryCase, viewerId: string, pages: OwnerPages) {
  const notesPage = pages.notes;
  const read = await caseParts(db, c, viewerId, FILE_PARTS, pages);
  const { notes } = read;
  const [vulnerability] = read.vulnerability;
  const [consent] = read.consent;
  return {
    detail: {
      organisationName: read.organisationName,
      consent: consent ?? null,
      notes: notes.map((n) => ({ id: n.id, body: decrypt(n.bodyEnc), createdAt: n.createdAt, author: n.author })),
      // a page past the last one reads no row, so no total
      noteCount: notes[0]?.total ?? (notesPage > 1 ? await countNotes(db, c.id) : 0),
      vulnerability: vulnerability ? openAssessment(vulnerability) : null,
      services: read.services.map(({ notesEnc, recorderOrganisationId, ...s }) => ({
        ...openService(s),
        byReader: true,
        recorderOrganisationId,
        notes: notesEnc ? decrypt(notesEnc) : null,
      })),
      serviceCount: read.serviceCount,
      referrals: read.referrals,
      staff: read.staff,
    },
    supervisor: read.supervisor,
    partners: read.partners,
    distributions: read.distributions,
    distributionCount: read.distributionCount,
    vouchers: read.vouchers,
    voucherCount: read.voucherCount,
    items: read.items,
    history: read.history,
    household: householdAges(read.household),
    consentPartners: read.consentPartners,
    sms: read.sms,
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
