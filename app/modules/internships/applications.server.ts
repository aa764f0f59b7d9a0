/**
 * Applications to internship offers: an applicant applies or a coach proposes one of her
 * beneficiaries; staff record the host's answer, and the person is told it.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { internshipApplications, internshipOffers } from "~db/schema";
import { auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { notify } from "~/modules/notifications/service.server";
import { isUuid } from "~/lib/ids";
import { localizedText } from "~/lib/localized.server";
import { fail, type Meta, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import type { ForPerson } from "~/modules/office/types";
import { ANSWERABLE_APPLICATION_STATUSES, mayAnswerApplication } from "./rules";
import type { AnswerApplicationInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;

/**
 * An applicant applies, or a coach proposes one of their own beneficiaries, or staff
 * apply for a person in the office with their agreement (`forPerson`). Once per offer.
 */
export async function applyToOffer(
  db: Database,
  actor: Actor,
  input: { offerId: string; beneficiaryId: string; motivation?: string },
  meta: Meta,
  forPerson?: ForPerson,
): Promise<Result<{ id: string }>> {
  // staff applying for a person in the office (the office module checked it may): the person's application
  if (forPerson && forPerson.personId !== input.beneficiaryId) return fail(404, {});
  if (!forPerson && actor.role === "coach" && !(await isCurrentCoachOf(db, actor.id, input.beneficiaryId)))
    return fail(404, {});
  if (actor.role === "applicant" && actor.id !== input.beneficiaryId) return fail(404, {});
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [offer] = await tx
          .select({
            id: internshipOffers.id,
            titleFr: internshipOffers.titleFr,
            titleAr: internshipOffers.titleAr,
            titleEn: internshipOffers.titleEn,
            isOpen: internshipOffers.isOpen,
          })
          .from(internshipOffers)
          .where(eq(internshipOffers.id, input.offerId));
        if (!offer) return fail(404, {});
        if (!offer.isOpen) return fail(409, { form: "internships.errors.offerClosed" });
        const proposed = actor.role !== "applicant" && !forPerson;
        const [row] = await tx
          .insert(internshipApplications)
          .values({
            offerId: offer.id,
            beneficiaryId: input.beneficiaryId,
            proposedById: proposed ? actor.id : null,
            status: proposed ? "proposed" : "submitted",
            motivation: input.motivation ?? null,
          })
          .returning({ id: internshipApplications.id });
        if (!row) throw new Error("no row");
        await forPerson?.record(tx, row.id);
        await auditRecord(
          tx,
          actor,
          proposed ? "internship.propose" : forPerson ? "internship.apply_for" : "internship.apply",
          ["internship_application", row.id],
          meta.ip,
        );
        // the person's receipt: proposed by a coach, or sent (by them, or for them in an office)
        {
          await notify(tx, {
            userId: input.beneficiaryId,
            kind: proposed ? "notify.internshipProposed" : "notify.internshipApplied",
            params: { offer: localizedText(offer, "title") },
            link: `/internships/offers/${offer.id}`,
            channels: ["sms", "email"],
          });
        }
        return { ok: true as const, id: row.id };
      }),
    fail(409, { form: "internships.errors.alreadyApplied" }),
  );
}

/**
 * Record the host's answer to an application, with its reason (admins; a coach for the
 * people she follows). Given once: the update re-checks that the application still waits,
 * so two members of staff answering at once tell the person once. An acceptance takes one
 * of the offer's seats with a conditional update (`accepted_count < seats`), which takes
 * the offer's row lock: acceptances arriving together are counted one after the other,
 * and the check constraint is the last guard. The answer is a decision: it goes by SMS
 * even to people who turned SMS off, and by e-mail.
 */
export async function answerApplication(
  db: Database,
  actor: Actor,
  input: AnswerApplicationInput,
  meta: Meta,
): Promise<Result> {
  if (!isUuid(input.applicationId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        status: internshipApplications.status,
        beneficiaryId: internshipApplications.beneficiaryId,
        offerId: internshipOffers.id,
        titleFr: internshipOffers.titleFr,
        titleAr: internshipOffers.titleAr,
        titleEn: internshipOffers.titleEn,
      })
      .from(internshipApplications)
      .innerJoin(internshipOffers, eq(internshipOffers.id, internshipApplications.offerId))
      .where(eq(internshipApplications.id, input.applicationId));
    const allowed =
      actor.role === "admin" ||
      (actor.role === "coach" && found && (await isCurrentCoachOf(tx, actor.id, found.beneficiaryId)));
    if (!found || !allowed) return fail(404, {});
    if (!mayAnswerApplication(found.status)) return fail(409, { form: "internships.errors.alreadyAnswered" });
    if (input.answer === "accepted") {
      // the offer's row first, as closing an offer does: the two never wait on each other in turn
      const [seat] = await tx
        .update(internshipOffers)
        .set({ acceptedCount: sql`${internshipOffers.acceptedCount} + 1` })
        .where(and(eq(internshipOffers.id, found.offerId), lt(internshipOffers.acceptedCount, internshipOffers.seats)))
        .returning({ id: internshipOffers.id });
      if (!seat) return fail(409, { form: "internships.errors.noSeatsLeft" });
    }
    const [answered] = await tx
      .update(internshipApplications)
      .set({ status: input.answer, answerReason: input.reason ?? null, answeredAt: new Date() })
      .where(
        and(
          eq(internshipApplications.id, input.applicationId),
          inArray(internshipApplications.status, [...ANSWERABLE_APPLICATION_STATUSES]),
        ),
      )
      .returning({ id: internshipApplications.id });
    if (!answered) {
      // answered meanwhile by someone else: the seat taken above goes back
      if (input.answer === "accepted")
        await tx
          .update(internshipOffers)
          .set({ acceptedCount: sql`${internshipOffers.acceptedCount} - 1` })
          .where(eq(internshipOffers.id, found.offerId));
      return fail(409, { form: "internships.errors.alreadyAnswered" });
    }
    await auditRecord(
      tx,
      actor,
      `internship.application.${input.answer}`,
      ["internship_application", input.applicationId],
      meta.ip,
    );
    await notify(tx, {
      userId: found.beneficiaryId,
      kind: input.answer === "accepted" ? "notify.internshipAccepted" : "notify.internshipDeclined",
      params: { offer: localizedText(found, "title") },
      link: `/internships/offers/${found.offerId}`,
      channels: ["sms", "email"],
      actorId: actor.id,
    });
    return { ok: true as const };
  });
}
