/** What the case file page shows, read once per request, for someone allowed to see the case. */
import type { Database } from "~db/client";
import type { Actor } from "~/modules/auth/permissions";
import { distributionsOfCase, listItems, vouchersOfCase } from "~/modules/aid/queries.server";
import { moroccoToday } from "~/lib/morocco-time";
import type { Meta } from "~/lib/result";
import { caseDetail, caseViewersForSupervisor, NOTES_PER_PAGE, ownsCase, partnerAssociations } from "../queries.server";
import { ageOn } from "~/lib/age";
import { isReferralOverdue, nextStatuses } from "../rules";
import { statusHistory, viewCase } from "../service.server";

/** The catalogue's vouchers a case worker can issue, with their face value. */
function voucherItemsOf(items: Awaited<ReturnType<typeof listItems>>) {
  return items
    .filter((i) => i.kind === "voucher")
    .map((i) => ({ id: i.id, nameFr: i.nameFr, nameAr: i.nameAr, nameEn: i.nameEn, value: i.faceValueCentimes ?? 0 }));
}

export async function loadCaseFile(db: Database, actor: Actor, caseId: string, meta: Meta, notesPage = 1) {
  const c = await viewCase(db, actor, caseId, meta);
  const own = ownsCase(actor, c);
  const [detail, { supervisor, viewers }, partners, given, issued, items, history] = await Promise.all([
    caseDetail(db, c, { notesPage }),
    own ? caseViewersForSupervisor(db, c.id, actor.id) : { supervisor: false, viewers: [] },
    own ? partnerAssociations(db, c.organisationId) : Promise.resolve([]),
    distributionsOfCase(db, c.id),
    vouchersOfCase(db, c.id),
    listItems(db),
    statusHistory(db, c.id),
  ]);
  const today = moroccoToday();
  return {
    own,
    supervisor,
    today,
    age: ageOn(c.dateOfBirth, today) ?? c.estimatedAge,
    case: {
      ...c,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      anonymisedAt: c.anonymisedAt?.toISOString() ?? null,
    },
    organisationName: detail.organisationName,
    statusHistory: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
    consent: detail.consent
      ? {
          ...detail.consent,
          givenAt: detail.consent.givenAt.toISOString(),
          withdrawnAt: detail.consent.withdrawnAt?.toISOString() ?? null,
        }
      : null,
    notes: detail.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    notesPage,
    notesPages: Math.max(1, Math.ceil(detail.noteCount / NOTES_PER_PAGE)),
    vulnerability: detail.vulnerability
      ? {
          assessedOn: detail.vulnerability.assessedOn,
          flags: detail.vulnerability.flags,
          notes: detail.vulnerability.notes,
        }
      : null,
    services: detail.services.map((s) => ({
      id: s.id,
      kind: s.kind,
      serviceDate: s.serviceDate,
      provider: s.provider,
      status: s.status,
      dueDate: s.dueDate,
      costCentimes: s.costCentimes,
      details: s.details,
      notes: s.notes,
      next: nextStatuses(s.kind, s.status),
      overdue: isReferralOverdue(s, today),
    })),
    referrals: detail.referrals.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    staff: detail.staff,
    partners,
    viewers: viewers.map((v) => ({ ...v, at: v.at.toISOString() })),
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

export type CaseFileData = Awaited<ReturnType<typeof loadCaseFile>>;
