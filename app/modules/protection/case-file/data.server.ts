/** What the case file page shows, read once per request, for someone allowed to see the case. */
import type { Database } from "~db/client";
import type { Actor } from "~/modules/auth/permissions";
import { moroccoToday } from "~/lib/morocco-time";
import type { Meta } from "~/lib/result";
import type { BeneficiaryCase } from "~db/schema";
import { caseDetail, NOTES_PER_PAGE } from "../queries.server";
import type { CaseReach } from "../reach.server";
import { ageOn } from "~/lib/age";
import type { Locale } from "~/i18n/config";
import { countryName } from "~/i18n/codes";
import { AID_PER_PAGE, isReferralOverdue, nextStatuses, referralTargets, SERVICES_PER_PAGE } from "../rules";
import { caseSmsPanel, viewCase } from "../service.server";
import { accountPanel } from "../account-links.server";
import { ownerSections, type OwnerPages } from "./owner-sections.server";

type OwnerSections = Awaited<ReturnType<typeof ownerSections>>;

/** The identity section of a case, for a reader who may see it. */
function identityOf(c: BeneficiaryCase, today: string, locale: Locale) {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    nameArabic: c.nameArabic,
    sex: c.sex,
    age: ageOn(c.dateOfBirth, today) ?? c.estimatedAge,
    // named on the server, with its ICU data (the browser's may name a country otherwise)
    nationality: c.nationality ? countryName(locale, c.nationality) : null,
    languages: c.languages,
    phone: c.phone,
    documentNumber: c.documentNumber,
    city: c.city,
    region: c.region,
    householdSize: c.householdSize,
    householdNotes: c.householdNotes,
  };
}

/** What the receiving association's requests say (reason, urgency, services asked for, sections shared). */
function requestsOf(reach: CaseReach) {
  return reach.requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The catalogue's vouchers a case worker can issue, with their face value. */
function voucherItemsOf(items: OwnerSections["items"]) {
  return items
    .filter((i) => i.kind === "voucher")
    .map((i) => ({ id: i.id, nameFr: i.nameFr, nameAr: i.nameAr, nameEn: i.nameEn, value: i.faceValueCentimes ?? 0 }));
}

/**
 * The services as the page lists them; `writer` (the owner, or a receiving association
 * that accepted) moves along those its association may: the owner all, a partner its own.
 */
function servicesOf(
  services: Awaited<ReturnType<typeof caseDetail>>["services"],
  writer: boolean,
  today: string,
  readerOrganisationId: string | null,
) {
  return services.map((s) => ({
    id: s.id,
    kind: s.kind,
    serviceDate: s.serviceDate,
    provider: s.provider,
    status: s.status,
    dueDate: s.dueDate,
    costCentimes: s.costCentimes,
    details: s.details,
    notes: s.notes,
    next: writer && s.byReader ? nextStatuses(s.kind, s.status) : [],
    overdue: isReferralOverdue(s, today),
    /** its own association corrects it (docs/decisions/0115-correcting-protection-records.md) */
    correctable: writer && readerOrganisationId !== null && s.recorderOrganisationId === readerOrganisationId,
  }));
}

/** The aid section: the distributions the person received, the vouchers issued, those a case worker can issue. */
function aidOf(
  given: OwnerSections["distributions"],
  issued: OwnerSections["vouchers"],
  items: OwnerSections["items"],
) {
  return {
    distributions: given.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      correctedAt: d.correctedAt?.toISOString() ?? null,
    })),
    vouchers: issued.map((v) => ({
      id: v.id,
      valueCentimes: v.valueCentimes,
      issuedAt: v.issuedAt.toISOString(),
      redeemedAt: v.redeemedAt?.toISOString() ?? null,
    })),
    voucherItems: voucherItemsOf(items),
  };
}

/**
 * What a receiving association reads of a case: the sections its requests share, plus the
 * notes and services its own association wrote (caseDetail with `partner`); nothing of
 * the owner's (consent, aid, household, staff, SMS).
 */
async function partnerSections(
  db: Database,
  c: BeneficiaryCase,
  pages: OwnerPages,
  partner: { actor: Actor; sections: CaseReach["sections"] } | undefined,
) {
  const detail = await caseDetail(db, c, { notesPage: pages.notes, servicesPage: pages.services, partner });
  return {
    detail,
    supervisor: false,
    partners: [],
    distributions: [],
    distributionCount: 0,
    vouchers: [],
    voucherCount: 0,
    items: [],
    history: [],
    household: [],
    consentPartners: [],
    sms: [],
  };
}

/** The request's address and the reader's language (a nationality is named in it). */
type CaseFileMeta = Meta & { locale: Locale };

/** How many pages `total` rows fill, `perPage` a page (one, empty, when there are none). */
function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The pages of the file's notes, services and aid (docs/decisions/0216-case-file-lists-paged.md). */
type CaseFilePages = Partial<OwnerPages>;

export async function loadCaseFile(
  db: Database,
  actor: Actor,
  caseId: string,
  meta: CaseFileMeta,
  pages: CaseFilePages = {},
) {
  const paged = { notes: pages.notes ?? 1, services: pages.services ?? 1, aid: pages.aid ?? 1 };
  const reach = await viewCase(db, actor, caseId, meta);
  const c = reach.case;
  const own = reach.reach === "own";
  const partner = own ? undefined : { actor, sections: reach.sections };
  // the owning association's link to the person's applicant account, on a file not anonymised
  // (docs/decisions/0135-linking-and-dedup-across.md): read with the rest, from the case already read
  // (the accounts that may be the person's are looked for on the account's page only)
  const live = own && !c.anonymisedAt;
  const [read, account] = await Promise.all([
    own ? ownerSections(db, c, actor.id, paged) : partnerSections(db, c, paged, partner),
    live ? accountPanel(db, actor, c, { suggest: false, hashes: reach.personHashes }) : null,
  ]);
  const { detail, supervisor, partners, history, household } = read;
  const named = read.consentPartners;
  // the owning association's SMS section (the template texts say nothing of the situation);
  // its consent is the one the consent section read
  const sms = own ? await caseSmsPanel(db, c, { consent: detail.consent ?? null, history: read.sms }) : null;
  const today = moroccoToday();
  const consent = detail.consent
    ? {
        ...detail.consent,
        partners: named,
        givenAt: detail.consent.givenAt.toISOString(),
        withdrawnAt: detail.consent.withdrawnAt?.toISOString() ?? null,
      }
    : null;
  return {
    own,
    /** a receiving association: "pending" reads its shared sections, "accepted" also writes its own notes and services */
    reach: reach.reach,
    sections: reach.sections,
    requests: requestsOf(reach),
    supervisor,
    today,
    case: {
      id: c.id,
      reference: c.reference,
      status: c.status,
      organisationId: c.organisationId,
      assignedToId: own ? c.assignedToId : null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      anonymisedAt: c.anonymisedAt?.toISOString() ?? null,
    },
    identity: reach.sections.identity ? identityOf(c, today, meta.locale) : null,
    name: caseName(reach),
    organisationName: detail.organisationName,
    statusHistory: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
    consent,
    notes: detail.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    /** the page of each paged list shown, and how many pages each has */
    pages: paged,
    pageCounts: {
      notes: pageCount(detail.noteCount, NOTES_PER_PAGE),
      services: pageCount(detail.serviceCount, SERVICES_PER_PAGE),
      // the aid section pages its distributions and its vouchers side by side: as many pages as the longer list fills
      aid: pageCount(Math.max(read.distributionCount, read.voucherCount), AID_PER_PAGE),
    },
    vulnerability: detail.vulnerability
      ? {
          assessedOn: detail.vulnerability.assessedOn,
          flags: detail.vulnerability.flags,
          notes: detail.vulnerability.notes,
        }
      : null,
    services: servicesOf(detail.services, own || reach.reach === "accepted", today, actor.organisationId),
    referrals: detail.referrals.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
    staff: detail.staff,
    /** whether a referral can go anywhere (its page lists where; the file only links to it) */
    referrable: referralTargets(consent, partners, supervisor).length > 0,
    ...aidOf(read.distributions, read.vouchers, read.items),
    household,
    sms,
    account,
  };
}

/** How the pages name a case: the person's name where the reader sees it, else its reference. */
export function caseName(reach: CaseReach) {
  return reach.sections.identity ? `${reach.case.firstName} ${reach.case.lastName}` : reach.case.reference;
}

export type CaseFileData = Awaited<ReturnType<typeof loadCaseFile>>;
