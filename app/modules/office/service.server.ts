/**
 * Acting for a person in the office (issue 15): a case worker or a coach registers a
 * walk-in applicant (no phone, no e-mail needed), prints them a sign-in slip, and with
 * their agreement registers them for a training or applies for an internship offer.
 * Each act is the other module's own service, run for the person, plus one on-behalf
 * row the person reads and one audit row naming the staff member and the person.
 * docs/decisions/0104-acting-for-a-person.md
 */
import { randomInt } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { isUniqueViolation } from "~db/errors";
import {
  actsForPeople,
  grantApplications,
  grantCalls,
  officeRegistrations,
  privacyAcceptances,
  profiles,
  trainingCohorts,
  trainings,
  users,
} from "~db/schema";
import type { Locale } from "~/i18n/config";
import { fail, type Meta, type Result } from "~/lib/result";
import { audit } from "~/modules/audit/service.server";
import { localizedText } from "~/lib/localized.server";
import { notify } from "~/modules/notifications/service.server";
import { issueSlipCode, liveCode } from "~/modules/auth/codes.server";
import { PRIVACY_NOTICE_VERSION } from "~/modules/auth/constants";
import type { Actor } from "~/modules/auth/permissions";
import { LOGIN_ID_LENGTH, loginIdFrom } from "~/modules/auth/rules";
import { unlessContactTaken } from "~/modules/auth/service.server";
import { moroccoToday } from "~/lib/morocco-time";
import { submitApplication } from "~/modules/grants/applications.server";
import { getApplicantFacts, getSubmittablePlans } from "~/modules/grants/sources.server";
import { applyToOffer } from "~/modules/internships/applications.server";
import { audienceGroupOf } from "~/modules/trainings/queries.server";
import { isEligible, registrationOpen } from "~/modules/trainings/rules";
import { register } from "~/modules/trainings/service.server";
import type { ActKind, DecisionChannel } from "./constants";
import { personReach } from "./queries.server";
import { mayActFor, receiptFieldsChanged, receiptVersion, receivedOnRefusal, SLIP_CODE_TTL_MS } from "./rules";
import type { ChangeReceiptInput, RegisterPersonInput } from "./schemas.server";
import type { ForPerson } from "./types";

/** Write the on-behalf row and its audit row (actor: the staff member; entity: the person). */
async function recordAct(
  tx: Executor,
  actor: Actor,
  input: { personId: string; kind: ActKind; entityId: string | null; at: Date },
  meta: Meta,
  fields?: string[],
) {
  await tx.insert(actsForPeople).values({
    personId: input.personId,
    staffId: actor.id,
    staffOrganisationId: actor.organisationId,
    kind: input.kind,
    entityId: input.entityId,
    agreedAt: input.at,
    createdAt: input.at,
  });
  await audit(tx, {
    actor,
    action: `office.${input.kind}`,
    entityType: "user",
    entityId: input.personId,
    ip: meta.ip,
    fields,
  });
}

/** The same answer for a person who does not exist and one the staff member may not reach. */
async function requireReach(db: Executor, actor: Actor, personId: string): Promise<boolean> {
  return mayActFor(actor, personId, await personReach(db, actor, personId));
}

function newLoginId(): string {
  return loginIdFrom(Array.from({ length: LOGIN_ID_LENGTH }, () => randomInt(0, 1 << 30)));
}

/**
 * Register a person in the office: an applicant account with no password (staff-managed
 * until the person takes it over with a slip), a sign-in identifier, the profile's
 * identity, the notice read aloud, the acceptance. A phone or e-mail another account
 * holds is the field's error; an identifier drawn twice is drawn again.
 */
export async function registerPerson(
  db: Database,
  actor: Actor,
  input: RegisterPersonInput,
  meta: Meta,
): Promise<Result<{ personId: string }>> {
  // a coach's organisation is the programme; a case worker's, the association
  if (!actor.organisationId) return fail(403, {});
  const organisationId = actor.organisationId;
  const now = meta.now ?? new Date();
  for (let attempt = 0; ; attempt++) {
    try {
      return await unlessContactTaken(() =>
        db.transaction(async (tx) => {
          const [person] = await tx
            .insert(users)
            .values({
              displayName: `${input.givenName} ${input.familyName}`,
              phone: input.phone,
              email: input.email,
              loginId: newLoginId(),
              role: "applicant",
              locale: input.locale,
            })
            .returning({ id: users.id });
          if (!person) throw new Error("insert returned no row");
          await tx.insert(profiles).values({
            userId: person.id,
            givenName: input.givenName,
            familyName: input.familyName,
            sex: input.sex ?? null,
            nationality: input.nationality ?? null,
            residentStatus: input.residentStatus ?? null,
          });
          await tx.insert(officeRegistrations).values({
            userId: person.id,
            registeredById: actor.id,
            organisationId,
            noticeVersion: PRIVACY_NOTICE_VERSION,
            noticeLanguage: input.noticeLanguage,
            noticeReadById: actor.id,
            noticeReadAt: now,
          });
          await tx.insert(privacyAcceptances).values({
            userId: person.id,
            noticeVersion: PRIVACY_NOTICE_VERSION,
            locale: input.locale,
            acceptedAt: now,
          });
          await recordAct(tx, actor, { personId: person.id, kind: "registration", entityId: null, at: now }, meta);
          return { ok: true as const, personId: person.id };
        }),
      );
    } catch (error) {
      if (attempt < 4 && isUniqueViolation(error, "users_login_id_key")) continue;
      throw error;
    }
  }
}

/**
 * A new sign-in slip: the person's identifier and a new set-up code (the last one stops
 * working). The code exists only in this answer, for the PDF; the database keeps its hash.
 */
export async function printSlip(
  db: Database,
  actor: Actor,
  personId: string,
  meta: Meta,
  { replaces = null }: { replaces?: string | null } = {},
): Promise<Result<{ loginId: string; displayName: string; locale: Locale; code: string; expiresAt: Date }>> {
  const now = meta.now ?? new Date();
  if (!(await requireReach(db, actor, personId))) return fail(404, {});
  return db.transaction(async (tx) => {
    // the person's row locked: two prints at once are one after the other, the second sees the first's code
    const [person] = await tx
      .select({ loginId: users.loginId, displayName: users.displayName, locale: users.locale })
      .from(users)
      .where(eq(users.id, personId))
      .for("update");
    // people who signed up themselves have a phone or an e-mail, and recover with it
    if (!person?.loginId) return fail(404, {});
    // a code still usable is replaced only when the staff member confirmed replacing that very
    // code: a reloaded slip (the same POST again) never kills the slip it printed (decision 0174-slip-reload)
    const live = await liveCode(tx, personId, "account_setup", now, { usable: true });
    if (live && live.id !== replaces) return fail(409, { form: "office.slip.live" });
    const issued = await issueSlipCode(tx, { userId: personId, loginId: person.loginId, now, ttlMs: SLIP_CODE_TTL_MS });
    await recordAct(tx, actor, { personId, kind: "slip", entityId: null, at: now }, meta);
    return { ok: true as const, ...person, loginId: person.loginId, ...issued };
  });
}

function forPerson(actor: Actor, personId: string, kind: ActKind, meta: Meta): ForPerson {
  const at = meta.now ?? new Date();
  return { personId, record: (tx, entityId) => recordAct(tx, actor, { personId, kind, entityId, at }, meta) };
}

/** Register the person for a cohort, as they would themselves: a seat, or the waiting list. */
export async function enrolPerson(
  db: Database,
  actor: Actor,
  personId: string,
  cohortId: string,
  meta: Meta,
): Promise<Result<{ status: "confirmed" | "waiting" }>> {
  if (!(await requireReach(db, actor, personId))) return fail(404, {});
  const training = await trainingOfCohort(db, cohortId);
  if (!training) return fail(400, { cohortId: "errors.invalid" });
  if (!isEligible(training.audience, await audienceGroupOf(db, personId)))
    return fail(400, { cohortId: "trainings.errors.notEligible" });
  if (!registrationOpen(training.endsOn, moroccoToday()))
    return fail(400, { cohortId: "trainings.errors.cohortEnded" });
  const result = await register(db, actor, cohortId, meta, forPerson(actor, personId, "training_registration", meta));
  if (!result.ok) return result.status === 404 ? fail(400, { cohortId: "errors.invalid" }) : result;
  return { ok: true as const, status: result.status };
}

async function trainingOfCohort(db: Executor, cohortId: string) {
  const [row] = await db
    .select({ audience: trainings.audience, endsOn: trainingCohorts.endsOn })
    .from(trainingCohorts)
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingCohorts.id, cohortId));
  return row ?? null;
}

/** Apply for the person to an open internship offer (once per offer, as they would themselves). */
export async function applyForPerson(
  db: Database,
  actor: Actor,
  personId: string,
  offerId: string,
  meta: Meta,
): Promise<Result<{ id: string }>> {
  if (!(await requireReach(db, actor, personId))) return fail(404, {});
  const result = await applyToOffer(
    db,
    actor,
    { offerId, beneficiaryId: personId },
    meta,
    forPerson(actor, personId, "internship_application", meta),
  );
  if (!result.ok && result.status === 404) return fail(400, { offerId: "errors.invalid" });
  return result;
}

/**
 * Apply for the person to an open call with one of their complete business plans, as
 * they would themselves: the call's eligibility rules decide "submitted" or
 * "ineligible", and the database keeps one live application per person and call.
 */
export async function applyGrantForPerson(
  db: Database,
  actor: Actor,
  personId: string,
  input: { callId: string; planId: string },
  meta: Meta,
): Promise<Result<{ id: string; eligible: boolean }>> {
  if (!(await requireReach(db, actor, personId))) return fail(404, {});
  const plan = (await getSubmittablePlans(db, personId)).find((p) => p.id === input.planId);
  if (!plan) return fail(400, { planId: "office.errors.plan" });
  const result = await submitApplication(
    db,
    actor,
    {
      callId: input.callId,
      planId: plan.id,
      planSnapshot: plan.snapshot,
      requestedCentimes: plan.requestedCentimes,
      facts: await getApplicantFacts(db, personId),
    },
    meta,
    forPerson(actor, personId, "grant_application", meta),
  );
  if (result.ok) return { ok: true as const, id: result.application.id, eligible: result.eligibility.eligible };
  if (result.status === 404) return fail(400, { callId: "errors.invalid" });
  // the grants module speaks to the applicant ("you"); here staff read it about the person
  if (result.errors.form === "grants.errors.alreadyApplied")
    return fail(409, { callId: "office.errors.alreadyApplied" });
  if (result.errors.form === "grants.errors.callNotOpen") return fail(409, { callId: "office.errors.callNotOpen" });
  return result;
}

/**
 * Record that the person received a published decision (an award or a refusal): the day
 * and how. Once per application (a conditional update and the on-behalf row's unique key).
 */
export async function recordDecisionReceived(
  db: Database,
  actor: Actor,
  personId: string,
  input: { applicationId: string; receivedOn: string; how: DecisionChannel },
  meta: Meta,
): Promise<Result> {
  if (!(await requireReach(db, actor, personId))) return fail(404, {});
  const now = meta.now ?? new Date();
  const decided = ["awarded", "rejected"] as const;
  const [app] = await db
    .select({ status: grantApplications.status, publishedAt: grantCalls.publishedAt })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(and(eq(grantApplications.id, input.applicationId), eq(grantApplications.applicantId, personId)));
  if (!app || !decided.some((d) => d === app.status)) return fail(400, { applicationId: "errors.invalid" });
  const publishedOn = app.publishedAt ? moroccoToday(app.publishedAt) : null;
  const refusal = receivedOnRefusal(input.receivedOn, moroccoToday(now), publishedOn);
  if (refusal) return fail(400, { receivedOn: refusal });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(grantApplications)
      .set({ decisionReceivedOn: input.receivedOn, decisionReceivedHow: input.how })
      .where(
        and(
          eq(grantApplications.id, input.applicationId),
          eq(grantApplications.applicantId, personId),
          inArray(grantApplications.status, [...decided]),
          isNull(grantApplications.decisionReceivedOn),
        ),
      )
      .returning({ id: grantApplications.id });
    if (!row) return fail(409, { applicationId: "office.errors.alreadyReceived" });
    const fields = ["decisionReceivedOn", "decisionReceivedHow"];
    await recordAct(tx, actor, { personId, kind: "decision_received", entityId: row.id, at: now }, meta, fields);
    return { ok: true as const };
  });
}

/**
 * Correct (the day, how) or undo a decision's receipt recorded for the person, with a
 * reason: staff who may act for the person, on a receipt that is recorded. A correction
 * that changes nothing writes nothing. Undoing removes the on-behalf row too: the person
 * no longer reads that they received it, and the receipt can be recorded again. One
 * audit row names the fields and the reason's code, never the values.
 */
export async function changeDecisionReceived(
  db: Database,
  actor: Actor,
  personId: string,
  input: ChangeReceiptInput,
  meta: Meta,
): Promise<Result<{ changed: boolean }>> {
  if (!(await requireReach(db, actor, personId))) return fail(404, {});
  const now = meta.now ?? new Date();
  const ofPerson = and(
    eq(grantApplications.id, input.applicationId),
    eq(grantApplications.applicantId, personId),
    isNotNull(grantApplications.decisionReceivedOn),
  );
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .select({
        receivedOn: grantApplications.decisionReceivedOn,
        how: grantApplications.decisionReceivedHow,
        publishedAt: grantCalls.publishedAt,
        titleFr: grantCalls.titleFr,
        titleAr: grantCalls.titleAr,
        titleEn: grantCalls.titleEn,
      })
      .from(grantApplications)
      .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
      .where(ofPerson)
      .for("update", { of: grantApplications });
    if (!stored) return fail(409, { form: "office.errors.receiptNotRecorded" });
    // a form older than the receipt (corrected meanwhile, another tab) changes nothing
    if (receiptVersion(stored) !== input.version) return fail(409, { form: "office.errors.receiptStale" });
    const fields = ["decisionReceivedOn", "decisionReceivedHow"];
    if (input.change === "undo") {
      await tx.update(grantApplications).set({ decisionReceivedOn: null, decisionReceivedHow: null }).where(ofPerson);
      await tx
        .delete(actsForPeople)
        .where(and(eq(actsForPeople.kind, "decision_received"), eq(actsForPeople.entityId, input.applicationId)));
    } else {
      const publishedOn = stored.publishedAt ? moroccoToday(stored.publishedAt) : null;
      const refusal = receivedOnRefusal(input.receivedOn, moroccoToday(now), publishedOn);
      if (refusal) return fail(400, { receivedOn: refusal });
      fields.splice(0, fields.length, ...receiptFieldsChanged(stored, input));
      if (fields.length === 0) return { ok: true as const, changed: false };
      await tx
        .update(grantApplications)
        .set({ decisionReceivedOn: input.receivedOn, decisionReceivedHow: input.how })
        .where(ofPerson);
    }
    await audit(tx, {
      actor,
      action: `office.decision_received.${input.change}`,
      entityType: "grant_application",
      entityId: input.applicationId,
      ip: meta.ip,
      fields,
      reason: input.reason,
    });
    // the person reads what was recorded for them: they are told it changed, in their language
    await notify(tx, {
      userId: personId,
      kind: input.change === "undo" ? "office.notify.receiptUndone" : "office.notify.receiptCorrected",
      params: { call: localizedText(stored, "title") },
      link: `/grants/applications/${input.applicationId}`,
      channels: ["sms", "email"],
      actorId: actor.id,
    });
    return { ok: true as const, changed: true };
  });
}
