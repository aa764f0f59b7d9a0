/**
 * Correcting what staff typed about host companies and internship offers, and closing an
 * offer (issue 15). Each correction writes one audit row naming the fields changed
 * (`changedFields`), never their values; one that changes nothing writes nothing.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Database } from "~db/client";
import { hostDetails, internshipApplications, internshipOffers, organisations } from "~db/schema";
import { changedFields } from "~/lib/changes";
import { isUuid } from "~/lib/ids";
import { localizedText } from "~/lib/localized.server";
import { fail, type Meta, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { auditMany, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { ANSWERABLE_APPLICATION_STATUSES, seatsProblem } from "./rules";
import type { CorrectOfferInput, CreateHostInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;

/** A host company's name, town, sector, contact and agreement, as corrected. */
export async function correctHost(
  db: Database,
  actor: Actor,
  hostId: string,
  input: CreateHostInput,
  meta: Meta,
): Promise<Result<{ fields: string[] }>> {
  if (!isUuid(hostId)) return fail(404, {});
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [org] = await tx
          .select({ name: organisations.name, city: organisations.city })
          .from(organisations)
          .where(and(eq(organisations.id, hostId), eq(organisations.kind, "host_company")))
          .for("update");
        if (!org) return fail(404, {});
        const [details] = await tx.select().from(hostDetails).where(eq(hostDetails.organisationId, hostId));
        const own = changedFields(org, { name: input.name, city: input.city });
        const next = {
          sector: input.sector,
          contactName: input.contactName,
          contactPhone: input.contactPhone ?? null,
          contactEmail: input.contactEmail ?? null,
          agreementStatus: input.agreementStatus,
        };
        const more = details ? changedFields(details, next) : { fields: Object.keys(next), changes: next };
        const fields = [...own.fields, ...more.fields];
        if (fields.length === 0) return { ok: true as const, fields };
        if (own.fields.length) await tx.update(organisations).set(own.changes).where(eq(organisations.id, hostId));
        if (details && more.fields.length)
          await tx.update(hostDetails).set(more.changes).where(eq(hostDetails.organisationId, hostId));
        if (!details) await tx.insert(hostDetails).values({ organisationId: hostId, ...next });
        await auditRecord(tx, actor, "internship.host.correct", ["organisation", hostId], meta.ip, fields);
        return { ok: true as const, fields };
      }),
    fail(409, { name: "errors.organisation.taken" }),
  );
}

/**
 * An offer's texts, sector, town, dates, stipend, seats and languages, as corrected. Its
 * seats never drop below the acceptances already given: under the offer's row lock (which
 * acceptances take too), and in the update's own condition; the check constraint is the
 * last guard.
 */
export async function correctOffer(
  db: Database,
  actor: Actor,
  offerId: string,
  input: CorrectOfferInput,
  meta: Meta,
): Promise<Result<{ fields: string[] }>> {
  if (!isUuid(offerId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [stored] = await tx.select().from(internshipOffers).where(eq(internshipOffers.id, offerId)).for("update");
    if (!stored) return fail(404, {});
    if (seatsProblem(input.seats, stored.acceptedCount))
      return fail(409, { seats: "internships.errors.seatsBelowAccepted" });
    const { stipend, ...rest } = input;
    const { fields, changes } = changedFields(stored, { ...rest, stipendCentimes: stipend });
    if (fields.length === 0) return { ok: true as const, fields };
    const [updated] = await tx
      .update(internshipOffers)
      .set(changes)
      .where(and(eq(internshipOffers.id, offerId), lte(internshipOffers.acceptedCount, input.seats)))
      .returning({ id: internshipOffers.id });
    if (!updated) return fail(409, { seats: "internships.errors.seatsBelowAccepted" });
    await auditRecord(tx, actor, "internship.offer.correct", ["internship_offer", offerId], meta.ip, fields);
    return { ok: true as const, fields };
  });
}

/**
 * Close an offer: it takes no new application, and the applications still waiting for an
 * answer are not retained; each of those applicants is told (a decision: by SMS even to
 * people who turned it off, and by e-mail). Accepted applicants keep their place. Closed
 * once: a second close (another tab) answers 409 and tells nobody twice.
 */
export async function closeOffer(
  db: Database,
  actor: Actor,
  offerId: string,
  meta: Meta,
): Promise<Result<{ told: number }>> {
  if (!isUuid(offerId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(internshipOffers)
      .set({ isOpen: false, closedAt: meta.now ?? new Date() })
      .where(and(eq(internshipOffers.id, offerId), eq(internshipOffers.isOpen, true)))
      .returning();
    if (!closed) {
      const [exists] = await tx
        .select({ id: internshipOffers.id })
        .from(internshipOffers)
        .where(eq(internshipOffers.id, offerId));
      return exists ? fail(409, { form: "internships.errors.offerClosed" }) : fail(404, {});
    }
    await auditRecord(tx, actor, "internship.offer.close", ["internship_offer", offerId], meta.ip, ["isOpen"]);
    const waiting = await tx
      .update(internshipApplications)
      .set({ status: "declined", answeredAt: meta.now ?? new Date() })
      .where(
        and(
          eq(internshipApplications.offerId, offerId),
          inArray(internshipApplications.status, [...ANSWERABLE_APPLICATION_STATUSES]),
        ),
      )
      .returning({ id: internshipApplications.id, beneficiaryId: internshipApplications.beneficiaryId });
    await auditMany(
      tx,
      { actor, action: "internship.application.declined", entityType: "internship_application", ip: meta.ip },
      waiting.map((application) => application.id),
    );
    for (const application of waiting) {
      await notify(tx, {
        userId: application.beneficiaryId,
        kind: "notify.internshipOfferClosed",
        params: { offer: localizedText(closed, "title") },
        link: `/internships/offers/${offerId}`,
        channels: ["sms", "email"],
        actorId: actor.id,
      });
    }
    return { ok: true as const, told: waiting.length };
  });
}
