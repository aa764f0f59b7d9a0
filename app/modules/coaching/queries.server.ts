import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { idIn, jsonList, runPrepared, type Executor } from "~db/client";
import {
  coachAssignments,
  coachingActions,
  grantApplications,
  grantAwards,
  guidanceSessions,
  jobSearchLogs,
  placements,
  profiles,
  trainingCertificates,
  trainingCohorts,
  trainingOutcomes,
  trainingRegistrations,
  users,
} from "~db/schema";
import { placementList, placementsOf } from "~/modules/internships/queries.server";
import { myTrainings } from "~/modules/trainings/queries.server";
import {
  buildCaseloadRow,
  employmentCheckSchedule,
  sortCaseload,
  type CaseloadRow,
  type EmploymentCheckMonths,
} from "./rules";
import type { ScheduledFollowUp } from "~/modules/businesses/rules";
import { dueFollowUpsOf, fundedAwardFields, fundedBusinessesFrom } from "~/modules/businesses/service.server";
import { UPCOMING_APPOINTMENTS_SHOWN, upcomingAppointmentsWhere } from "~/modules/coaching/appointments.server";

/** Is this coach the current coach of this beneficiary? The one check every module uses. */
export async function isCurrentCoachOf(db: Executor, coachId: string, beneficiaryId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: coachAssignments.id })
    .from(coachAssignments)
    .where(
      and(
        eq(coachAssignments.coachId, coachId),
        eq(coachAssignments.beneficiaryId, beneficiaryId),
        isNull(coachAssignments.endedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function currentCoachOf(db: Executor, beneficiaryId: string): Promise<string | null> {
  const [row] = await db
    .select({ coachId: coachAssignments.coachId })
    .from(coachAssignments)
    .where(and(eq(coachAssignments.beneficiaryId, beneficiaryId), isNull(coachAssignments.endedAt)))
    .limit(1);
  return row?.coachId ?? null;
}

// ---- caseload and follow-up (issue 5) ----

/** The current beneficiaries of a coach: id and name. */
export async function beneficiariesOf(db: Executor, coachId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(coachAssignments)
    .innerJoin(users, eq(users.id, coachAssignments.beneficiaryId))
    .where(and(eq(coachAssignments.coachId, coachId), isNull(coachAssignments.endedAt)))
    .orderBy(asc(users.displayName));
}

/** A person of a caseload, and whether she is in a training or searching for a job. */
export const caseloadPersonFields = {
  id: users.id,
  displayName: users.displayName,
  inTraining: sql<boolean>`exists (select 1 from ${trainingRegistrations} where ${trainingRegistrations.userId} = ${users.id} and ${trainingRegistrations.status} <> 'cancelled')`,
  inJobSearch: sql<boolean>`exists (select 1 from ${jobSearchLogs} where ${jobSearchLogs.beneficiaryId} = ${users.id})`,
};
/** An open action of a person's, as the caseload shows the next one. */
export const openActionFields = {
  beneficiaryId: coachingActions.beneficiaryId,
  description: coachingActions.description,
  dueOn: coachingActions.dueOn,
};

const coachId = sql.placeholder("coachId");
/** The people the coach (placeholder `coachId`) follows now. */
const followed = sql`(select ${coachAssignments.beneficiaryId} from ${coachAssignments}
  where ${coachAssignments.coachId} = ${coachId} and ${coachAssignments.endedAt} is null)`;

/**
 * The caseload's lists, each a json field of one row (`jsonList`); made on first use, as
 * the businesses module (its awards' fields) imports this one through the internships'.
 */
let lists: ReturnType<typeof makeCaseloadLists> | null = null;
const caseloadLists = () => (lists ??= makeCaseloadLists());
const makeCaseloadLists = () => ({
  people: jsonList(
    caseloadPersonFields,
    sql`from ${coachAssignments} inner join ${users} on ${users.id} = ${coachAssignments.beneficiaryId}
      where ${coachAssignments.coachId} = ${coachId} and ${coachAssignments.endedAt} is null
      order by ${asc(users.displayName)}, ${asc(users.id)}`,
  ),
  placements: placementList(sql`${placements.beneficiaryId} in ${followed}`),
  // the soonest first: the first of a person's is her next action
  actions: jsonList(
    openActionFields,
    sql`from ${coachingActions} where ${coachingActions.beneficiaryId} in ${followed} and ${coachingActions.doneAt} is null
      order by ${asc(coachingActions.dueOn)}, ${asc(coachingActions.id)}`,
  ),
  awards: jsonList(
    fundedAwardFields,
    sql`from ${grantAwards} inner join ${grantApplications} on ${grantApplications.id} = ${grantAwards.applicationId}
      where ${grantApplications.applicantId} in ${followed}`,
  ),
  checks: jsonList(employmentCheckFields(), sql`from ${users} where ${users.id} in ${followed}`),
});

/** Built once (`runPrepared`): every coach's home page sends it. */
const caseloadQuery = (db: Executor) =>
  db
    .select(Object.fromEntries(Object.entries(caseloadLists()).map(([key, list]) => [key, list.sql])))
    .from(sql`(select) as one`);

/**
 * The coach's morning page: each of their own beneficiaries with a stage, the next
 * action and its due date; overdue follow-ups first. Only current assignments count.
 * One statement: the people, their placements, open actions, funded businesses and
 * employment checks as json lists (issue 19).
 */
export async function caseload(db: Executor, coachIdValue: string, today: string): Promise<CaseloadRow[]> {
  const [row] = await runPrepared(db, "coaching_caseload", caseloadQuery, { coachId: coachIdValue });
  const made = caseloadLists();
  const list = <K extends keyof typeof made>(key: K) =>
    made[key].decode(row?.[key]) as ReturnType<(typeof made)[K]["decode"]>;
  return caseloadOf({
    people: list("people"),
    placements: list("placements"),
    actions: list("actions"),
    visitsDue: dueFollowUpsOf(fundedBusinessesFrom(list("awards"), today)),
    checks: employmentChecksFrom(list("checks"), today),
    today,
  });
}

/**
 * The caseload's rows from its reads: the people (by name), their placements (the latest
 * first), their open actions (the soonest first), the visits due and the employment checks
 * per person.
 */
export function caseloadOf(reads: {
  people: { id: string; displayName: string; inTraining: boolean; inJobSearch: boolean }[];
  placements: Awaited<ReturnType<typeof placementsOf>>;
  actions: { beneficiaryId: string; description: string; dueOn: string }[];
  visitsDue: Map<string, number>;
  checks: Map<string, EmploymentChecks>;
  today: string;
}): CaseloadRow[] {
  const { today } = reads;
  const rows = reads.people.map(({ inTraining, inJobSearch, ...p }) =>
    buildCaseloadRow({
      beneficiary: p,
      placements: reads.placements.filter((x) => x.beneficiaryId === p.id),
      nextAction: reads.actions.find((a) => a.beneficiaryId === p.id) ?? null,
      inTraining,
      inJobSearch,
      businessVisitsDue: reads.visitsDue.get(p.id) ?? 0,
      employmentChecksDue: reads.checks.get(p.id)?.schedule.filter((c) => c.state === "due").length ?? 0,
      today,
    }),
  );
  return sortCaseload(rows);
}

export type EmploymentChecks = {
  schedule: ScheduledFollowUp<EmploymentCheckMonths>[];
  recorded: { monthsAfter: number; employmentStatus: string; recordedOn: string; recordedById: string }[];
};

/**
 * Each person's employment checks after her training (3 and 6 months after the end of the
 * first cohort she holds a certificate of): one statement for many people; a person not
 * trained has none.
 */
export async function employmentChecksOf(
  db: Executor,
  beneficiaryIds: string[],
  today: string,
): Promise<Map<string, EmploymentChecks>> {
  if (beneficiaryIds.length === 0) return new Map();
  const rows = await runPrepared(db, "coaching_employment_checks_of", employmentChecksQuery, { ids: beneficiaryIds });
  return employmentChecksFrom(rows, today);
}

/** Each person's checks on `today` from her rows of `employmentCheckFields`; a person with none is left out. */
export function employmentChecksFrom(
  rows: {
    id: string;
    certificates: { cohortEndsOn: string; revoked: boolean }[];
    recorded: EmploymentChecks["recorded"];
  }[],
  today: string,
): Map<string, EmploymentChecks> {
  const checks = new Map<string, EmploymentChecks>();
  for (const r of rows) {
    const schedule = employmentCheckSchedule({
      certificates: r.certificates,
      recorded: r.recorded.map((x) => x.monthsAfter),
      today,
    });
    if (schedule.length) checks.set(r.id, { schedule, recorded: r.recorded });
  }
  return checks;
}

/** A person's certificates and recorded checks, read from `users` (the caseload reads them as a json list too). */
function employmentCheckFields() {
  return {
    id: users.id,
    certificates: sql<{ cohortEndsOn: string; revoked: boolean }[]>`coalesce((select json_agg(json_build_object(
        'cohortEndsOn', co.ends_on, 'revoked', tc.revoked_at is not null))
        from ${trainingCertificates} tc join ${trainingCohorts} co on co.id = tc.cohort_id
        where tc.user_id = ${users}.id), '[]'::json)`,
    recorded: sql<EmploymentChecks["recorded"]>`coalesce((select json_agg(json_build_object(
        'monthsAfter', o.months_after, 'employmentStatus', o.employment_status, 'recordedOn', o.recorded_on,
        'recordedById', o.recorded_by_id)
        order by o.months_after) from ${trainingOutcomes} o where o.user_id = ${users}.id), '[]'::json)`,
  };
}
const employmentChecksQuery = (db: Executor) =>
  db.select(employmentCheckFields()).from(users).where(idIn(users.id, "ids"));

/** A beneficiary's name and ways to reach them, and the role that says it is one. */
const contactColumns = {
  displayName: users.displayName,
  phone: users.phone,
  email: users.email,
  locale: users.locale,
  role: users.role,
};

export async function beneficiaryFile(db: Executor, beneficiaryId: string) {
  const [person] = await db
    .select({ id: users.id, ...contactColumns })
    .from(users)
    .where(eq(users.id, beneficiaryId));
  if (!person || person.role !== "applicant") return null;
  const [trainingsList, places, sessions, actions, searches] = await Promise.all([
    myTrainings(db, beneficiaryId),
    placementsOf(db, [beneficiaryId]),
    db
      .select()
      .from(guidanceSessions)
      .where(eq(guidanceSessions.beneficiaryId, beneficiaryId))
      .orderBy(desc(guidanceSessions.heldOn)),
    db
      .select()
      .from(coachingActions)
      .where(eq(coachingActions.beneficiaryId, beneficiaryId))
      .orderBy(asc(coachingActions.dueOn)),
    db
      .select()
      .from(jobSearchLogs)
      .where(eq(jobSearchLogs.beneficiaryId, beneficiaryId))
      .orderBy(desc(jobSearchLogs.loggedOn)),
  ]);
  return { person, trainings: trainingsList, placements: places, sessions, actions, searches };
}

/** For the admin screen: current assignments, coaches, and applicants. */
export async function assignmentOverview(db: Executor) {
  const coach = sql<string>`(select display_name from users c where c.id = ${coachAssignments.coachId})`;
  const current = await db
    .select({
      id: coachAssignments.id,
      beneficiaryId: users.id,
      beneficiaryName: users.displayName,
      coachId: coachAssignments.coachId,
      coachName: coach,
      startedAt: coachAssignments.startedAt,
    })
    .from(coachAssignments)
    .innerJoin(users, eq(users.id, coachAssignments.beneficiaryId))
    .where(isNull(coachAssignments.endedAt))
    .orderBy(asc(users.displayName));
  const coaches = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, "coach"), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));
  const applicants = await db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone, email: users.email })
    .from(users)
    .where(eq(users.role, "applicant"))
    .orderBy(asc(users.displayName))
    .limit(500);
  return { current, coaches, applicants };
}

/** The applicant's home panel (appointments, trainings, certificates, internship, coach, next steps) from its reads (applicant-home.server.ts). */
export function applicantPanelOf(
  userId: string,
  trainingsList: Awaited<ReturnType<typeof myTrainings>>,
  places: Awaited<ReturnType<typeof placementsOf>>,
  lists: ApplicantLists,
) {
  return {
    userId,
    trainings: trainingsList,
    placement: places[0] ?? null,
    actions: lists.actions,
    coach: lists.coach,
    // JSON gives timestamps with the session's offset: read back and written in UTC, as before
    appointments: lists.appointments.map((a) => ({ ...a, startsAt: new Date(a.startsAt).toISOString() })),
    sessions: lists.sessions.map((x) => ({ ...x, startsAt: new Date(x.startsAt).toISOString() })),
  };
}

export type ApplicantLists = {
  actions: { id: string; description: string; dueOn: string }[];
  coach: { displayName: string; phone: string | null; email: string | null } | null;
  appointments: { id: string; startsAt: string; coachId: string; coachName: string }[];
  sessions: {
    id: string;
    trainingId: string;
    titleFr: string;
    titleAr: string;
    titleEn: string;
    startsAt: string;
    placeFr: string | null;
    placeAr: string | null;
    placeEn: string | null;
    onlineLink: string | null;
  }[];
};

/** The lists as the page takes them, from a row of `applicantListFields` (an absent list is empty). */
export function applicantListsOf(
  row: { [K in keyof ApplicantLists]: ApplicantLists[K] | null } | undefined,
): ApplicantLists {
  return {
    actions: row?.actions ?? [],
    coach: row?.coach ?? null,
    appointments: row?.appointments ?? [],
    sessions: row?.sessions ?? [],
  };
}

/**
 * The applicant's short lists, as json fields of one row, for the user id and the time
 * given as the placeholders `userId` and `now` (the home reads them with the rest of the
 * page: applicant-home.server.ts): her open actions, her current coach, her appointments
 * to come (with the condition and number upcomingAppointments uses for the coach's page,
 * the soonest first) and the next three sessions of the cohorts where she holds a seat
 * (one under way still counts).
 */
export function applicantListFields() {
  const userId = sql.placeholder("userId");
  const at = sql`${sql.placeholder("now")}::timestamptz`;
  return {
    actions: sql<
      ApplicantLists["actions"] | null
    >`(select coalesce(json_agg(json_build_object('id', a.id, 'description', a.description, 'dueOn', a.due_on) order by a.due_on), '[]'::json)
      from coaching_actions a where a.beneficiary_id = ${userId} and a.done_at is null)`,
    coach: sql<
      ApplicantLists["coach"]
    >`(select json_build_object('displayName', u.display_name, 'phone', u.phone, 'email', u.email)
      from coach_assignments ca join users u on u.id = ca.coach_id
      where ca.beneficiary_id = ${userId} and ca.ended_at is null limit 1)`,
    appointments: sql<
      ApplicantLists["appointments"] | null
    >`(select coalesce(json_agg(x order by x."startsAt"), '[]'::json) from (
      select coaching_appointments.id, coaching_appointments.starts_at as "startsAt",
        coaching_appointments.coach_id as "coachId", u.display_name as "coachName"
      from coaching_appointments join users u on u.id = coaching_appointments.coach_id
      where ${upcomingAppointmentsWhere(userId, at)}
      order by coaching_appointments.starts_at limit ${UPCOMING_APPOINTMENTS_SHOWN}) x)`,
    sessions: sql<
      ApplicantLists["sessions"] | null
    >`(select coalesce(json_agg(x order by x."startsAt"), '[]'::json) from (
      select ts.id, t.id as "trainingId", t.title_fr as "titleFr", t.title_ar as "titleAr", t.title_en as "titleEn",
        ts.starts_at as "startsAt", ts.place_fr as "placeFr", ts.place_ar as "placeAr", ts.place_en as "placeEn",
        ts.online_link as "onlineLink"
      from training_registrations r
      join training_sessions ts on ts.cohort_id = r.cohort_id
      join training_cohorts co on co.id = r.cohort_id
      join trainings t on t.id = co.training_id
      where r.user_id = ${userId} and r.status = 'confirmed'
        and ts.starts_at + make_interval(mins => ts.duration_minutes) >= ${at}
      order by ts.starts_at limit 3) x)`,
  };
}
/** What the CV needs: the profile (issue 3) if filled in, the account otherwise, and completed trainings and internships. */
export async function cvSource(db: Executor, userId: string) {
  const [user] = await db.select(contactColumns).from(users).where(eq(users.id, userId));
  if (!user || user.role !== "applicant") return null;
  const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  const trainingsDone = (await myTrainings(db, userId)).filter((r) => r.certificateId);
  const internships = (await placementsOf(db, [userId])).filter(
    (p) => p.status === "completed" || p.status === "ongoing",
  );
  return { user, profile: profile ?? null, trainings: trainingsDone, internships };
}
