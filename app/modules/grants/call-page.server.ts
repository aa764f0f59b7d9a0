/** What the call page shows, read in one place and made ready for the page (dates as text). */
import type { Database } from "~db/client";
import {
  applicationsOfCall,
  assignmentsOfCall,
  awardsOfCall,
  committeeMembers,
  conflictsOfCall,
  getCall,
  proposalForCall,
  rankingForCall,
} from "./queries.server";
import { nextStatus } from "./rules";

const REVIEW_STATES = ["under_review", "deliberation", "decided"];

/** The call with everything its page shows; null when there is no such call. */
export async function loadCallPage(db: Database, callId: string) {
  const found = await getCall(db, callId);
  if (!found) return null;
  const { call, criteria } = found;
  const showRanking = REVIEW_STATES.includes(call.status);
  const [applications, assignments, conflicts, members, awards] = await Promise.all([
    applicationsOfCall(db, call.id),
    assignmentsOfCall(db, call.id),
    conflictsOfCall(db, call.id),
    committeeMembers(db),
    awardsOfCall(db, call.id),
  ]);
  const ranking = showRanking ? await rankingForCall(db, call.id) : [];
  const normalised = showRanking ? await rankingForCall(db, call.id, { normalise: true }) : [];
  const proposal = call.status === "deliberation" ? await proposalForCall(db, call.id) : null;
  return {
    call: {
      id: call.id,
      titleFr: call.titleFr,
      titleAr: call.titleAr,
      titleEn: call.titleEn,
      status: call.status,
      next: nextStatus(call.status),
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      reviewDeadline: call.reviewDeadline.toISOString(),
      budgetCentimes: call.budgetCentimes,
      maxGrantCentimes: call.maxGrantCentimes,
      awardedCentimes: call.awardedCentimes,
      quotas: call.quotas,
      tranches: call.tranches,
      reviewersPerApplication: call.reviewersPerApplication,
    },
    criteria: criteria.map((c) => ({
      id: c.id,
      labelFr: c.labelFr,
      labelAr: c.labelAr,
      labelEn: c.labelEn,
      maxScore: c.maxScore,
      weight: c.weight,
    })),
    applications: applications.map((a) => ({ ...a, submittedAt: a.submittedAt.toISOString() })),
    assignments: assignments.map((a) => ({ ...a, submittedAt: a.submittedAt?.toISOString() ?? null })),
    conflicts,
    members,
    ranking: ranking.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
    normalised: normalised.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
    proposal: proposal?.proposal ?? null,
    awards: awards.map((a) => ({
      id: a.award.id,
      reference: a.award.reference,
      number: a.number,
      applicationId: a.award.applicationId,
      applicantName: a.applicantName,
      amountCentimes: a.award.amountCentimes,
      paidCentimes: a.award.paidCentimes,
      reviewOverrideReason: a.award.reviewOverrideReason,
      tranches: a.tranches.map((t) => ({
        id: t.id,
        position: t.position,
        condition: t.condition,
        coachMilestone: t.coachMilestone,
        amountCentimes: t.amountCentimes,
        confirmed: Boolean(t.conditionConfirmedAt),
        paidAt: t.paidAt?.toISOString() ?? null,
        method: t.method,
      })),
    })),
  };
}
