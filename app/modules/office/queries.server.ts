/** Reads of the office: whom a member of staff may act for, and what was done for a person. */
import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { runPrepared, type Executor } from "~db/client";
import {
  actsForPeople,
  beneficiaryCases,
  coachAssignments,
  grantApplications,
  grantCalls,
  internshipApplications,
  internshipOffers,
  officeRegistrations,
  profiles,
  trainingCohorts,
  trainingRegistrations,
  trainings,
  users,
} from "~db/schema";
import { isUuid } from "~/lib/ids";
import type { Actor } from "~/modules/auth/permissions";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { mayActFor, namesakesKey, type PersonReach } from "./rules";

/** A person an organisation's office registered (by hand or from a list), as a namesake is shown. */
export type OfficeNamesake = {
  id: string;
  loginId: string | null;
  givenName: string | null;
  familyName: string | null;
  registeredAt: Date;
};

/**
 * The people this organisation's office registered, by folded name (`namesakesKey`): the
 * likely earlier registrations of a walk-in or of a listed row, for whom a name is often
 * all there is. Only the organisation's own: staff never learn of another's people this way.
 */
export async function officeRegisteredByName(
  db: Executor,
  organisationId: string,
): Promise<Map<string, OfficeNamesake[]>> {
  const known = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      givenName: profiles.givenName,
      familyName: profiles.familyName,
      registeredAt: officeRegistrations.createdAt,
    })
    .from(officeRegistrations)
    .innerJoin(users, eq(users.id, officeRegistrations.userId))
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(officeRegistrations.organisationId, organisationId))
    .orderBy(officeRegistrations.createdAt);
  const byName = new Map<string, OfficeNamesake[]>();
  for (const k of known) {
    const folded = namesakesKey({ givenName: k.givenName ?? "", familyName: k.familyName ?? "" });
    if (folded) byName.set(folded, [...(byName.get(folded) ?? []), k]);
  }
  return byName;
}

/** The people of `officeRegisteredByName` whose name folds as this one's. */
export async function officeNamesakes(
  db: Executor,
  organisationId: string,
  name: { givenName: string; familyName: string },
): Promise<OfficeNamesake[]> {
  const folded = namesakesKey(name);
  if (!folded) return [];
  return (await officeRegisteredByName(db, organisationId)).get(folded) ?? [];
}

/** What `mayActFor` needs to know of a person, as this member of staff sees them; null if no such person. */
export async function personReach(db: Executor, actor: Actor, personId: string): Promise<PersonReach | null> {
  if (!isUuid(personId)) return null;
  const [row] = await db
    .select({
      role: users.role,
      isActive: users.isActive,
      registeredById: officeRegistrations.registeredById,
      registeredForOrganisationId: officeRegistrations.organisationId,
    })
    .from(users)
    .leftJoin(officeRegistrations, eq(officeRegistrations.userId, users.id))
    .where(eq(users.id, personId));
  if (!row) return null;
  const followedByStaff = actor.role === "coach" && (await isCurrentCoachOf(db, actor.id, personId));
  const linkedToStaffCase = actor.role === "case_worker" && (await hasLinkedCase(db, actor, personId));
  return { ...row, followedByStaff, linkedToStaffCase };
}

/** A live case file of the case worker's association is linked to this account. */
function linkedToCaseOf(organisationId: string, userId: SQL) {
  return sql`exists (select 1 from ${beneficiaryCases} bc where bc.applicant_user_id = ${userId}
    and bc.organisation_id = ${organisationId} and bc.anonymised_at is null)`;
}

async function hasLinkedCase(db: Executor, actor: Actor, personId: string) {
  if (!actor.organisationId) return false;
  const [row] = await db
    .select({ id: beneficiaryCases.id })
    .from(beneficiaryCases)
    .where(
      and(
        eq(beneficiaryCases.applicantUserId, personId),
        eq(beneficiaryCases.organisationId, actor.organisationId),
        isNull(beneficiaryCases.anonymisedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * The people this member of staff may act for, newest registration first: a case
 * worker's association's office registrations; a coach's own and their beneficiaries.
 */
export async function peopleFor(db: Executor, actor: Actor) {
  const reach =
    actor.role === "case_worker" && actor.organisationId
      ? or(
          eq(officeRegistrations.organisationId, actor.organisationId),
          linkedToCaseOf(actor.organisationId, sql`${users.id}`),
        )
      : actor.role === "coach"
        ? or(
            eq(officeRegistrations.registeredById, actor.id),
            sql`exists (select 1 from ${coachAssignments} ca where ca.beneficiary_id = ${users.id}
              and ca.coach_id = ${actor.id} and ca.ended_at is null)`,
          )
        : sql`false`;
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      loginId: users.loginId,
      phone: users.phone,
      registeredAt: officeRegistrations.createdAt,
      takenOver: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .leftJoin(officeRegistrations, eq(officeRegistrations.userId, users.id))
    .where(and(eq(users.role, "applicant"), eq(users.isActive, true), reach))
    .orderBy(desc(sql`coalesce(${officeRegistrations.createdAt}, ${users.createdAt})`))
    .limit(200);
}

const reader = alias(users, "notice_reader");

/** One person, for a member of staff who may act for them; null otherwise (the page answers 404). */
export async function personForStaff(db: Executor, actor: Actor, personId: string) {
  if (!mayActFor(actor, personId, await personReach(db, actor, personId))) return null;
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      loginId: users.loginId,
      phone: users.phone,
      email: users.email,
      locale: users.locale,
      takenOver: sql<boolean>`${users.passwordHash} is not null`,
      noticeLanguage: officeRegistrations.noticeLanguage,
      noticeReadAt: officeRegistrations.noticeReadAt,
      noticeReadBy: reader.displayName,
    })
    .from(users)
    .leftJoin(officeRegistrations, eq(officeRegistrations.userId, users.id))
    .leftJoin(reader, eq(reader.id, officeRegistrations.noticeReadById))
    .where(eq(users.id, personId));
  return row ?? null;
}

const staff = alias(users, "acting_staff");

/**
 * What was done for a person as `actsFor` lists it (the applicant's home also reads them as
 * a json list, applicant-home.server.ts: the same fields, joins, order and limit).
 */
export const actForPersonFields = {
  id: actsForPeople.id,
  kind: actsForPeople.kind,
  at: actsForPeople.createdAt,
  staffName: staff.displayName,
  trainingTitleFr: trainings.titleFr,
  trainingTitleAr: trainings.titleAr,
  trainingTitleEn: trainings.titleEn,
  offerTitleFr: internshipOffers.titleFr,
  offerTitleAr: internshipOffers.titleAr,
  offerTitleEn: internshipOffers.titleEn,
  callTitleFr: grantCalls.titleFr,
  callTitleAr: grantCalls.titleAr,
  callTitleEn: grantCalls.titleEn,
  receivedOn: grantApplications.decisionReceivedOn,
  receivedHow: grantApplications.decisionReceivedHow,
};
/** The acts a person's list shows, the latest first. */
export const ACTS_LISTED = 100;
/** The member of staff who acted, as `actForPersonFields` names them. */
export const actingStaff = staff;

/**
 * What staff did for a person, newest first, with the staff member's name and what the
 * act was about (a training, an offer) in three languages: the person's own page, and
 * the staff's page of the person. A grant's call title, and for a decision received,
 * the day and how, come from the application.
 */
export async function actsFor(db: Executor, personId: string) {
  return runPrepared(db, "acts_for_person", actsForPerson, { personId });
}
// the applicant's home reads it on every visit: built once (`runPrepared`)
const actsForPerson = (db: Executor) =>
  db
    .select(actForPersonFields)
    .from(actsForPeople)
    .innerJoin(staff, eq(staff.id, actsForPeople.staffId))
    .leftJoin(
      trainingRegistrations,
      and(eq(actsForPeople.kind, "training_registration"), eq(trainingRegistrations.id, actsForPeople.entityId)),
    )
    .leftJoin(trainingCohorts, eq(trainingCohorts.id, trainingRegistrations.cohortId))
    .leftJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .leftJoin(
      internshipApplications,
      and(eq(actsForPeople.kind, "internship_application"), eq(internshipApplications.id, actsForPeople.entityId)),
    )
    .leftJoin(internshipOffers, eq(internshipOffers.id, internshipApplications.offerId))
    .leftJoin(
      grantApplications,
      and(
        inArray(actsForPeople.kind, ["grant_application", "decision_received"]),
        eq(grantApplications.id, actsForPeople.entityId),
      ),
    )
    .leftJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(eq(actsForPeople.personId, sql.placeholder("personId")))
    .orderBy(desc(actsForPeople.createdAt), desc(actsForPeople.id))
    .limit(ACTS_LISTED);

/** Is this account one staff made in an office that the person has not taken over yet? */
export async function isStaffManaged(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.passwordHash)));
  return Boolean(row);
}

/** The person's published decisions (awarded, rejected) whose receipt is not recorded yet, with the call's title. */
export async function decisionsAwaitingReceipt(db: Executor, personId: string) {
  return db
    .select({
      id: grantApplications.id,
      status: grantApplications.status,
      titleFr: grantCalls.titleFr,
      titleAr: grantCalls.titleAr,
      titleEn: grantCalls.titleEn,
    })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(
      and(
        eq(grantApplications.applicantId, personId),
        inArray(grantApplications.status, ["awarded", "rejected"]),
        isNull(grantApplications.decisionReceivedOn),
      ),
    )
    .orderBy(desc(grantApplications.submittedAt));
}

/** The person's decisions whose receipt staff recorded: the day and how, with the call's title. */
export async function decisionsReceived(db: Executor, personId: string) {
  return db
    .select({
      id: grantApplications.id,
      status: grantApplications.status,
      receivedOn: grantApplications.decisionReceivedOn,
      how: grantApplications.decisionReceivedHow,
      titleFr: grantCalls.titleFr,
      titleAr: grantCalls.titleAr,
      titleEn: grantCalls.titleEn,
    })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(and(eq(grantApplications.applicantId, personId), isNotNull(grantApplications.decisionReceivedOn)))
    .orderBy(desc(grantApplications.submittedAt));
}
