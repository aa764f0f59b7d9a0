/**
 * The access matrix's referral states (issue 18): a case of association B referred to
 * association A, whose case worker plays `case_worker` in the matrix, in each state a
 * referral goes through. For each, every road of A into the case answers as listed, the
 * page shows what A may see and never what it may not; every other visitor gets the
 * case page's usual refusal.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { caseConsents, caseReferrals } from "../../db/schema";
import { makeAssessment, makeCase, makeNote, makeService } from "../factories/protection";
import type { Fixture } from "./types";

/** The roads the receiving association's case worker tries. */
export type Road =
  | "page"
  | "note"
  | "moveReferrersService"
  | "withdrawConsent"
  | "newService"
  | "exportJson"
  | "correctIdentity"
  | "correctReferrersService";

export type ReferralState = {
  name: "referral pending" | "referral accepted with sections" | "consent withdrawn";
  status: "pending" | "accepted";
  share: { identity: boolean; services: boolean; notes: boolean; vulnerability: boolean };
  withdrawn: boolean;
  /** status of each road for A's case worker */
  roads: Record<Road, number>;
  /** written on B's file, in the page A gets */
  sees: (keyof Secrets)[];
  /** written on B's file, never in anything A gets */
  hidden: (keyof Secrets)[];
};

/** What B's file holds, one distinct text per section. */
export type Secrets = { name: string; note: string; assessment: string; service: string };

export const REFERRAL_STATES: ReferralState[] = [
  {
    name: "referral pending",
    status: "pending",
    share: { identity: true, services: false, notes: false, vulnerability: false },
    withdrawn: false,
    // the ticked sections to read, nothing to write
    roads: {
      page: 200,
      note: 403,
      moveReferrersService: 403,
      withdrawConsent: 403,
      newService: 403,
      exportJson: 403,
      correctIdentity: 403,
      correctReferrersService: 403,
    },
    sees: ["name"],
    hidden: ["note", "assessment", "service"],
  },
  {
    name: "referral accepted with sections",
    status: "accepted",
    share: { identity: false, services: true, notes: true, vulnerability: false },
    withdrawn: false,
    // its own notes and services; never the referrer's service, the consent or an export
    roads: {
      page: 200,
      note: 302,
      moveReferrersService: 403,
      withdrawConsent: 403,
      newService: 200,
      exportJson: 403,
      correctIdentity: 403,
      correctReferrersService: 403,
    },
    sees: ["note", "service"],
    hidden: ["name", "assessment"],
  },
  {
    name: "consent withdrawn",
    status: "accepted",
    share: { identity: true, services: true, notes: true, vulnerability: true },
    withdrawn: true,
    roads: {
      page: 404,
      note: 404,
      moveReferrersService: 404,
      withdrawConsent: 404,
      newService: 404,
      exportJson: 404,
      correctIdentity: 404,
      correctReferrersService: 404,
    },
    sees: [],
    hidden: ["name", "note", "assessment", "service"],
  },
];

/** B's case with a secret in each section, referred to A in `state`. */
export async function setUpReferralState(db: Database, f: Fixture, state: ReferralState) {
  const { orgs, accounts } = f.foundation;
  const tag = state.name.replace(/\W/g, "");
  const secrets: Secrets = {
    name: `Nom${tag}`,
    note: `Note secrète ${tag}`,
    assessment: `Évaluation secrète ${tag}`,
    service: `Clinique secrète ${tag}`,
  };
  const c = await makeCase(
    db,
    { organisationId: orgs.assocB.id, createdById: accounts.caseworker2.id, firstName: secrets.name },
    { partners: [orgs.assocA.id] },
  );
  await makeNote(db, c.id, accounts.caseworker2.id, secrets.note);
  await makeAssessment(db, c.id, accounts.caseworker2.id, ["serious_medical"], secrets.assessment);
  const service = await makeService(db, {
    caseId: c.id,
    kind: "hospital_referral",
    serviceDate: "2026-11-20",
    status: "requested",
    provider: secrets.service,
    recordedById: accounts.caseworker2.id,
  });
  await db.insert(caseReferrals).values({
    caseId: c.id,
    kind: "referral",
    fromOrganisationId: orgs.assocB.id,
    toOrganisationId: orgs.assocA.id,
    requestedById: accounts.caseworker2.id,
    reason: "specialised_service",
    urgency: "urgent",
    requestedServices: ["medical"],
    shareIdentity: state.share.identity,
    shareServices: state.share.services,
    shareNotes: state.share.notes,
    shareVulnerability: state.share.vulnerability,
    status: state.status,
    decidedById: state.status === "accepted" ? accounts.caseworker.id : null,
    decidedAt: state.status === "accepted" ? new Date() : null,
  });
  if (state.withdrawn)
    await db
      .update(caseConsents)
      .set({ withdrawnAt: new Date(), withdrawnById: accounts.caseworker2.id })
      .where(eq(caseConsents.caseId, c.id));
  return { caseId: c.id, serviceId: service.id, secrets };
}
