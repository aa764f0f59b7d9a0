/**
 * What the grants module reads from other modules, in one place, so wiring them is
 * one file's work:
 * - the applicant's complete business plans and a frozen PlanDocument (issue 3,
 *   business-plans), with the grant amount requested in centimes;
 * - the applicant's profile facts for eligibility (issue 3, profiles);
 * - the trainings the applicant completed (issue 5, trainings).
 * Until those branches are merged these return nothing, and the apply page says a
 * complete plan is needed. Tests and demo data call `submitApplication` directly.
 */
import type { Database } from "~db/client";
import type { ApplicantFacts } from "./rules";

export type SubmittablePlan = {
  id: string;
  title: string;
  requestedCentimes: number;
  snapshot: Record<string, unknown>;
};

/** Complete plans of this applicant, each with the snapshot to freeze. TODO(issue-3): wire to business-plans. */
export async function getSubmittablePlans(_db: Database, _applicantId: string): Promise<SubmittablePlan[]> {
  return [];
}

/** Training ids and categories this applicant completed. TODO(issue-5): wire to trainings. */
export async function getCompletedTrainingKeys(_db: Database, _applicantId: string): Promise<string[]> {
  return [];
}

/** Profile facts for eligibility. TODO(issue-3): wire to profiles (date of birth, sex, region, migrant). */
export async function getApplicantFacts(db: Database, applicantId: string): Promise<ApplicantFacts> {
  return {
    dateOfBirth: null,
    region: null,
    isMigrant: null,
    sex: null,
    completedTrainings: await getCompletedTrainingKeys(db, applicantId),
  };
}
