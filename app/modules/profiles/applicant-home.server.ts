/**
 * The applicant's home in one statement (issue 19): her profile and plans (the next thing
 * to do), her trainings, placement, coaching lists and what staff did for her, read as
 * json fields of one row (`jsonList`, db/client.ts) instead of six statements side by
 * side. Built once (`runPrepared`): its values are placeholders. Each list holds the rows
 * the module's own read returns, in its order, decoded alike (`getProfile`,
 * `listOwnPlans`, `myTrainings`, `placementsOf`, `actsFor`, which other pages use):
 * applicant-home-one-statement.test.ts compares them.
 */
import { and, asc, desc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import { jsonList, runPrepared, type Executor } from "~db/client";
import {
  actsForPeople,
  businessPlans,
  grantApplications,
  grantCalls,
  internshipApplications,
  internshipOffers,
  placements,
  profiles,
  trainingCertificates,
  trainingCohorts,
  trainingRegistrations,
  trainings,
  users,
} from "~db/schema";
import { applicantListFields, applicantListsOf, applicantPanelOf } from "~/modules/coaching/queries.server";
import { placementList } from "~/modules/internships/queries.server";
import { ACTS_LISTED, actForPersonFields, actingStaff } from "~/modules/office/queries.server";
import { personTrainingFields } from "~/modules/trainings/queries.server";
import { applicantHomeOf } from "./queries.server";

const userId = sql.placeholder("userId");

const lists = {
  profile: jsonList(getTableColumns(profiles), sql`from ${profiles} where ${profiles.userId} = ${userId}`),
  plans: jsonList(
    getTableColumns(businessPlans),
    sql`from ${businessPlans} where ${businessPlans.ownerId} = ${userId} order by ${desc(businessPlans.updatedAt)}`,
  ),
  trainings: jsonList(
    personTrainingFields,
    sql`from ${trainingRegistrations}
      inner join ${trainingCohorts} on ${trainingCohorts.id} = ${trainingRegistrations.cohortId}
      inner join ${trainings} on ${trainings.id} = ${trainingCohorts.trainingId}
      left join ${trainingCertificates} on ${and(
        eq(trainingCertificates.registrationId, trainingRegistrations.id),
        isNull(trainingCertificates.revokedAt),
      )}
      where ${trainingRegistrations.userId} = ${userId} and ${trainingRegistrations.status} <> 'cancelled'
      order by ${asc(trainingCohorts.startsOn)}, ${asc(trainingRegistrations.id)}`,
  ),
  placements: placementList(sql`${placements.beneficiaryId} = ${userId}`),
  acts: jsonList(
    actForPersonFields,
    sql`from ${actsForPeople}
      inner join ${users} ${actingStaff} on ${actingStaff.id} = ${actsForPeople.staffId}
      left join ${trainingRegistrations} on ${actsForPeople.kind} = 'training_registration'
        and ${trainingRegistrations.id} = ${actsForPeople.entityId}
      left join ${trainingCohorts} on ${trainingCohorts.id} = ${trainingRegistrations.cohortId}
      left join ${trainings} on ${trainings.id} = ${trainingCohorts.trainingId}
      left join ${internshipApplications} on ${actsForPeople.kind} = 'internship_application'
        and ${internshipApplications.id} = ${actsForPeople.entityId}
      left join ${internshipOffers} on ${internshipOffers.id} = ${internshipApplications.offerId}
      left join ${grantApplications} on ${actsForPeople.kind} in ('grant_application', 'decision_received')
        and ${grantApplications.id} = ${actsForPeople.entityId}
      left join ${grantCalls} on ${grantCalls.id} = ${grantApplications.callId}
      where ${actsForPeople.personId} = ${userId}
      order by ${desc(actsForPeople.createdAt)}, ${desc(actsForPeople.id)} limit ${sql.raw(String(ACTS_LISTED))}`,
  ),
};

/** One row: each list as json, and the coaching lists (`applicantListFields`). */
const applicantHomeQuery = (db: Executor) =>
  db
    .select({
      ...applicantListFields(),
      ...Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.sql])),
    })
    .from(sql`(select) as one`);

/**
 * What the applicant's home shows of user `userId` at `now`, in the shapes of the separate
 * reads: `plans` as `applicantHomeOf` makes it, `employability` as `applicantPanelOf`, `acts`
 * as `actsFor` lists them.
 */
export async function applicantHomeRead(db: Executor, userIdValue: string, now = new Date()) {
  const [row] = await runPrepared(db, "applicant_home", applicantHomeQuery, {
    userId: userIdValue,
    now: now.toISOString(),
  });
  if (!row) throw new Error("applicant_home: no row");
  const list = <K extends keyof typeof lists>(key: K) =>
    lists[key].decode((row as Record<string, unknown>)[key]) as ReturnType<(typeof lists)[K]["decode"]>;
  const [profile] = list("profile");
  return {
    plans: applicantHomeOf(profile ?? null, list("plans")),
    employability: applicantPanelOf(userIdValue, list("trainings"), list("placements"), applicantListsOf(row)),
    acts: list("acts"),
  };
}
