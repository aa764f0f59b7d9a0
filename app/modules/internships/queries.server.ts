import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { idIn, jsonList, runPrepared, type Executor } from "~db/client";
import { isUuid } from "~/lib/ids";
import type { Code } from "~/i18n/codes";
import type { Checkpoint } from "./constants";
import {
  hostDetails,
  internshipApplications,
  internshipOffers,
  organisations,
  placementContacts,
  placementEvaluations,
  placementOutcomes,
  placements,
  users,
} from "~db/schema";

/** A host company as its list shows it (its details row may not exist yet). */
const hostColumns = {
  id: organisations.id,
  name: organisations.name,
  city: organisations.city,
  sector: hostDetails.sector,
  contactName: hostDetails.contactName,
  contactPhone: hostDetails.contactPhone,
  agreementStatus: hostDetails.agreementStatus,
};

export async function listHosts(db: Executor) {
  return db
    .select(hostColumns)
    .from(organisations)
    .leftJoin(hostDetails, eq(hostDetails.organisationId, organisations.id))
    .where(eq(organisations.kind, "host_company"))
    .orderBy(asc(organisations.name));
}

/** One host company with its details, for its correction page; null when there is none. */
export async function getHost(db: Executor, hostId: string) {
  if (!isUuid(hostId)) return null;
  const [row] = await db
    .select({ ...hostColumns, contactEmail: hostDetails.contactEmail })
    .from(organisations)
    .leftJoin(hostDetails, eq(hostDetails.organisationId, organisations.id))
    .where(and(eq(organisations.id, hostId), eq(organisations.kind, "host_company")));
  return row ?? null;
}

export async function listOffers(
  db: Executor,
  filters: { city?: Code<"city">; sector?: Code<"sector">; paid?: "yes" },
) {
  const where = [eq(internshipOffers.isOpen, true)];
  if (filters.city) where.push(eq(internshipOffers.city, filters.city));
  if (filters.sector) where.push(eq(internshipOffers.sector, filters.sector));
  if (filters.paid) where.push(gt(internshipOffers.stipendCentimes, 0));
  return db
    .select({
      id: internshipOffers.id,
      titleFr: internshipOffers.titleFr,
      titleAr: internshipOffers.titleAr,
      titleEn: internshipOffers.titleEn,
      hostName: organisations.name,
      sector: internshipOffers.sector,
      city: internshipOffers.city,
      startsOn: internshipOffers.startsOn,
      durationWeeks: internshipOffers.durationWeeks,
      stipendCentimes: internshipOffers.stipendCentimes,
      seats: internshipOffers.seats,
    })
    .from(internshipOffers)
    .innerJoin(organisations, eq(organisations.id, internshipOffers.hostId))
    .where(and(...where))
    .orderBy(asc(internshipOffers.startsOn));
}

export async function getOffer(db: Executor, offerId: string) {
  if (!isUuid(offerId)) return null;
  const [row] = await db
    .select({ offer: internshipOffers, hostName: organisations.name })
    .from(internshipOffers)
    .innerJoin(organisations, eq(organisations.id, internshipOffers.hostId))
    .where(eq(internshipOffers.id, offerId));
  return row ?? null;
}

/** Applications to an offer, for staff; a coach sees only those of their own beneficiaries. */
export async function applicationsFor(db: Executor, offerId: string, coachId: string | null) {
  const rows = await db
    .select({
      id: internshipApplications.id,
      beneficiaryId: users.id,
      displayName: users.displayName,
      status: internshipApplications.status,
      createdAt: internshipApplications.createdAt,
    })
    .from(internshipApplications)
    .innerJoin(users, eq(users.id, internshipApplications.beneficiaryId))
    .where(
      and(
        eq(internshipApplications.offerId, offerId),
        coachId
          ? sql`exists (select 1 from coach_assignments ca where ca.beneficiary_id = ${users.id} and ca.coach_id = ${coachId} and ca.ended_at is null)`
          : undefined,
      ),
    )
    .orderBy(asc(internshipApplications.createdAt));
  return rows;
}

export async function myApplication(db: Executor, offerId: string, userId: string) {
  const [row] = await db
    .select({ status: internshipApplications.status, answerReason: internshipApplications.answerReason })
    .from(internshipApplications)
    .where(and(eq(internshipApplications.offerId, offerId), eq(internshipApplications.beneficiaryId, userId)));
  return row ?? null;
}

const lastContact = sql<
  string | null
>`(select max(pc.contacted_on)::text from ${placementContacts} pc where pc.placement_id = ${placements.id})`;

export async function getPlacement(db: Executor, placementId: string) {
  if (!isUuid(placementId)) return null;
  const [row] = await db
    .select({
      placement: placements,
      beneficiaryName: users.displayName,
      beneficiaryPhone: users.phone,
      beneficiaryEmail: users.email,
      beneficiaryLocale: users.locale,
      hostName: organisations.name,
      hostCity: organisations.city,
      lastContactOn: lastContact,
    })
    .from(placements)
    .innerJoin(users, eq(users.id, placements.beneficiaryId))
    .innerJoin(organisations, eq(organisations.id, placements.hostId))
    .where(eq(placements.id, placementId));
  if (!row) return null;
  const [coach] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, row.placement.coachId));
  const [host] = await db.select().from(hostDetails).where(eq(hostDetails.organisationId, row.placement.hostId));
  const contacts = await db
    .select()
    .from(placementContacts)
    .where(eq(placementContacts.placementId, placementId))
    .orderBy(desc(placementContacts.contactedOn), desc(placementContacts.createdAt));
  const evaluations = await db
    .select()
    .from(placementEvaluations)
    .where(eq(placementEvaluations.placementId, placementId));
  const outcomes = await db.select().from(placementOutcomes).where(eq(placementOutcomes.placementId, placementId));
  return { ...row, coachName: coach?.displayName ?? "", host: host ?? null, contacts, evaluations, outcomes };
}

/** Placements of a set of beneficiaries, with the date of their last contact. */
export async function placementsOf(db: Executor, beneficiaryIds: string[]) {
  if (beneficiaryIds.length === 0) return [];
  // built once (`runPrepared`): a coach's caseload and an applicant's home send it on every request
  return runPrepared(db, "internships_placements_of", placementsOfQuery, { ids: beneficiaryIds });
}
/**
 * A placement as `placementsOf` lists it (the applicant's home and the coach's caseload
 * read placements as a json list, `placementList`: the same fields, joins and order).
 */
export const placementFields = {
  id: placements.id,
  beneficiaryId: placements.beneficiaryId,
  hostName: organisations.name,
  hostSector: hostDetails.sector,
  status: placements.status,
  startsOn: placements.startsOn,
  endsOn: placements.endsOn,
  lastContactOn: lastContact,
  /** the outcome checkpoints already recorded (end, 3 and 6 months after) */
  recordedCheckpoints: sql<Checkpoint[]>`coalesce((select array_agg(${placementOutcomes.checkpoint}::text)
        from ${placementOutcomes} where ${placementOutcomes.placementId} = ${placements.id}), '{}')`,
};
const placementsOfQuery = (db: Executor) =>
  db
    .select(placementFields)
    .from(placements)
    .innerJoin(organisations, eq(organisations.id, placements.hostId))
    .leftJoin(hostDetails, eq(hostDetails.organisationId, placements.hostId))
    .where(idIn(placements.beneficiaryId, "ids"))
    // the placement's id orders two that start the same day, the same way every time
    .orderBy(desc(placements.startsOn), desc(placements.id));

/** The placements `where` chooses as a json list of one statement (`jsonList`), as `placementsOf` lists them. */
export function placementList(where: SQL) {
  return jsonList(
    placementFields,
    sql`from ${placements}
      inner join ${organisations} on ${organisations.id} = ${placements.hostId}
      left join ${hostDetails} on ${hostDetails.organisationId} = ${placements.hostId}
      where ${where}
      order by ${desc(placements.startsOn)}, ${desc(placements.id)}`,
  );
}
