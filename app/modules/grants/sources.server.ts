/**
 * What the grants module reads from other modules, in one place:
 * - the applicant's complete business plans, frozen as a PlanDocument (business-plans),
 *   with the grant amount requested in centimes;
 * - the applicant's profile facts for eligibility and conflict detection (profiles);
 * - the trainings the applicant completed (trainings, issue 5: NOT WIRED YET, see
 *   `getCompletedTrainingKeys`).
 */
import { eq } from "drizzle-orm";
import type { Database } from "~db/client";
import { profiles } from "~db/schema";
import { toPlanDocument } from "~/modules/business-plans/document";
import { listOwnPlans } from "~/modules/business-plans/queries.server";
import { grantRequestedCentimes, isPlanComplete } from "~/modules/business-plans/rules";
import type { ApplicantFacts } from "./rules";

export type SubmittablePlan = {
  id: string;
  title: string;
  requestedCentimes: number;
  snapshot: Record<string, unknown>;
};

/** Complete plans of this applicant that ask for a grant, each with the document to freeze. */
export async function getSubmittablePlans(db: Database, applicantId: string): Promise<SubmittablePlan[]> {
  const plans = await listOwnPlans(db, applicantId);
  return plans
    .filter((p) => isPlanComplete(p) && grantRequestedCentimes(p) > 0)
    .map((p) => ({
      id: p.id,
      title: p.summary.projectName ?? "",
      requestedCentimes: grantRequestedCentimes(p),
      // a plain JSON copy: the application keeps it whatever happens to the plan later
      snapshot: JSON.parse(JSON.stringify(toPlanDocument(p))) as Record<string, unknown>,
    }));
}

/**
 * Training ids and categories this applicant completed.
 * TODO(issue-5): return the applicant's completed trainings (ids and categories) once
 * the trainings module is merged; until then every "required training" rule fails.
 */
export async function getCompletedTrainingKeys(_db: Database, _applicantId: string): Promise<string[]> {
  return [];
}

/** Profile facts for eligibility, plus family name and city for conflict detection (never shown to reviewers). */
export async function getApplicantFacts(db: Database, applicantId: string): Promise<ApplicantFacts> {
  const [profile] = await db.select().from(profiles).where(eq(profiles.userId, applicantId));
  return {
    dateOfBirth: profile?.birthDate ?? null,
    region: profile?.region ?? null,
    isMigrant: profile?.residentStatus ? profile.residentStatus === "migrant" : null,
    sex: profile?.sex ?? null,
    completedTrainings: await getCompletedTrainingKeys(db, applicantId),
    familyName: profile?.familyName ?? null,
    city: profile?.city ?? null,
  };
}
