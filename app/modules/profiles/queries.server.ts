import { desc, eq, sql } from "drizzle-orm";
import { runPrepared, type Executor } from "~db/client";
import {
  businessPlans,
  deletionRequests,
  grantApplications,
  internshipApplications,
  trainingCertificates,
  trainingRegistrations,
  notifications,
  planAttachments,
  planComments,
  privacyAcceptances,
  profiles,
  users,
  type BusinessPlan,
  type Profile,
} from "~db/schema";
import { incompleteSteps, planProgress } from "~/modules/business-plans/rules";
import { type PlanStep } from "~/modules/business-plans/constants";
import { actsFor } from "~/modules/office/queries.server";
import { missingSections, profileCompleteness, type ProfileSection } from "./rules";

const profileOf = (db: Executor) =>
  db
    .select()
    .from(profiles)
    .where(eq(profiles.userId, sql.placeholder("userId")));

/** The person's profile; its statement is built once (`runPrepared`): the applicant's home reads it on every visit. */
export async function getProfile(db: Executor, userId: string): Promise<Profile | null> {
  const [row] = await runPrepared(db, "profile_of_user", profileOf, { userId });
  return row ?? null;
}

export async function getPendingDeletionRequest(db: Executor, userId: string) {
  const [row] = await db
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.userId, userId))
    .orderBy(desc(deletionRequests.createdAt))
    .limit(1);
  return row?.status === "pending" ? row : null;
}

export async function listDeletionRequests(db: Executor) {
  return db
    .select({
      id: deletionRequests.id,
      reason: deletionRequests.reason,
      status: deletionRequests.status,
      createdAt: deletionRequests.createdAt,
      handledAt: deletionRequests.handledAt,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      phone: users.phone,
    })
    .from(deletionRequests)
    .innerJoin(users, eq(users.id, deletionRequests.userId))
    .orderBy(desc(deletionRequests.createdAt))
    .limit(500);
}

/** The person's steps in the programme, and what staff did for them: part of `exportMyData`. */
async function myProgrammeData(db: Executor, userId: string) {
  return {
    grantApplications: await db
      .select({
        number: grantApplications.number,
        callId: grantApplications.callId,
        status: grantApplications.status,
        requestedCentimes: grantApplications.requestedCentimes,
        submittedAt: grantApplications.submittedAt,
        withdrawnAt: grantApplications.withdrawnAt,
        decisionReceivedOn: grantApplications.decisionReceivedOn,
        decisionReceivedHow: grantApplications.decisionReceivedHow,
        planSnapshot: grantApplications.planSnapshot,
      })
      .from(grantApplications)
      .where(eq(grantApplications.applicantId, userId)),
    trainingRegistrations: await db
      .select({
        cohortId: trainingRegistrations.cohortId,
        status: trainingRegistrations.status,
        createdAt: trainingRegistrations.createdAt,
        confirmedAt: trainingRegistrations.confirmedAt,
        cancelledAt: trainingRegistrations.cancelledAt,
      })
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.userId, userId)),
    trainingCertificates: await db
      .select({ code: trainingCertificates.code, issuedAt: trainingCertificates.issuedAt })
      .from(trainingCertificates)
      .where(eq(trainingCertificates.userId, userId)),
    internshipApplications: await db
      .select({
        offerId: internshipApplications.offerId,
        status: internshipApplications.status,
        motivation: internshipApplications.motivation,
        answerReason: internshipApplications.answerReason,
        answeredAt: internshipApplications.answeredAt,
        createdAt: internshipApplications.createdAt,
      })
      .from(internshipApplications)
      .where(eq(internshipApplications.beneficiaryId, userId)),
    // what staff did for the person and who, as their home page shows it (issue 15)
    actsDoneForMe: (await actsFor(db, userId)).map((a) => ({
      kind: a.kind,
      at: a.at,
      staffName: a.staffName,
      trainingTitle: a.trainingTitleFr,
      offerTitle: a.offerTitleFr,
      callTitle: a.callTitleFr,
    })),
  };
}

/**
 * What the portal keeps about an applicant's own account, for them to download
 * (`/profile/export.json`; its page lists these parts): account (never the password
 * hash), consents, profile, plans with comments and attachment names, grant and
 * internship applications, training registrations and certificates, what staff did for
 * them and who, notifications, deletion requests. Not the protection records an
 * association keeps, nor a case file's link to this account: whoever holds the phone
 * could read them (decisions 0135 and 0153).
 */
export async function exportMyData(db: Executor, userId: string) {
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      phone: users.phone,
      displayName: users.displayName,
      role: users.role,
      locale: users.locale,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const plans = await db.select().from(businessPlans).where(eq(businessPlans.ownerId, userId));
  const planData = [];
  for (const plan of plans) {
    const comments = await db
      .select({ section: planComments.section, body: planComments.body, createdAt: planComments.createdAt })
      .from(planComments)
      .where(eq(planComments.planId, plan.id));
    const attachments = await db
      .select({
        filename: planAttachments.filename,
        contentType: planAttachments.contentType,
        byteSize: planAttachments.byteSize,
        createdAt: planAttachments.createdAt,
      })
      .from(planAttachments)
      .where(eq(planAttachments.planId, plan.id));
    planData.push({ ...plan, comments, attachments });
  }
  return {
    exportedAt: new Date().toISOString(),
    account: account ?? null,
    privacyAcceptances: await db
      .select({
        noticeVersion: privacyAcceptances.noticeVersion,
        locale: privacyAcceptances.locale,
        acceptedAt: privacyAcceptances.acceptedAt,
      })
      .from(privacyAcceptances)
      .where(eq(privacyAcceptances.userId, userId)),
    profile: await getProfile(db, userId),
    businessPlans: planData,
    ...(await myProgrammeData(db, userId)),
    notifications: await db.select().from(notifications).where(eq(notifications.userId, userId)),
    deletionRequests: await db.select().from(deletionRequests).where(eq(deletionRequests.userId, userId)),
  };
}

export type NextThing =
  | { kind: "profile"; section: ProfileSection }
  | { kind: "start-plan" }
  | { kind: "plan-step"; planId: string; planName: string | null; step: PlanStep }
  | { kind: "plan-ready"; planId: string; planName: string | null };

/**
 * The applicant's home panel (profile completeness, plans and their state, the next thing
 * to do) from her profile and her plans, the latest changed first (`getProfile` and
 * `listOwnPlans`; the home reads both with the rest of the page: applicant-home.server.ts).
 */
export function applicantHomeOf(profile: Profile | null, planRows: BusinessPlan[]) {
  const missing = missingSections(profile);
  const plans = planRows.map((plan) => {
    const steps = incompleteSteps(plan);
    return {
      id: plan.id,
      name: plan.summary.projectName ?? null,
      progress: planProgress(plan),
      complete: steps.length === 0,
      nextStep: steps[0] ?? null,
      updatedAt: plan.updatedAt.toISOString(),
    };
  });
  const draft = plans.find((p) => !p.complete);
  const ready = plans.find((p) => p.complete);
  let next: NextThing;
  if (missing[0] && missing[0] === "personal") next = { kind: "profile", section: missing[0] };
  else if (draft?.nextStep) next = { kind: "plan-step", planId: draft.id, planName: draft.name, step: draft.nextStep };
  else if (missing[0]) next = { kind: "profile", section: missing[0] };
  else if (ready) next = { kind: "plan-ready", planId: ready.id, planName: ready.name };
  else next = { kind: "start-plan" };
  return { completeness: profileCompleteness(profile), missing, plans, next };
}
export type ApplicantHome = ReturnType<typeof applicantHomeOf>;
