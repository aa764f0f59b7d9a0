import { and, eq } from "drizzle-orm";
import type { Database } from "~db/client";
import {
  hostDetails,
  internshipOffers,
  organisations,
  placementContacts,
  placementEvaluations,
  placementOutcomes,
  placements,
} from "~db/schema";
import { audit, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { notify } from "~/modules/notifications/service.server";
import { isUuid } from "~/lib/ids";
import { canRecordOutcome, canTransition } from "./rules";
import { type Checkpoint, type PlacementStatus } from "./constants";
import type {
  ContactInput,
  CreateHostInput,
  CreateOfferInput,
  CreatePlacementInput,
  EvaluationInput,
} from "./schemas.server";
import { fail, type Failure, type Meta } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { moroccoToday } from "~/lib/morocco-time";

type Actor = NonNullable<AuditActor>;
export async function createHost(
  db: Database,
  actor: Actor,
  input: CreateHostInput,
  meta: Meta,
): Promise<{ ok: true; id: string } | Failure> {
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [org] = await tx
          .insert(organisations)
          .values({ name: input.name, kind: "host_company", city: input.city })
          .returning({ id: organisations.id });
        if (!org) throw new Error("no row");
        await tx.insert(hostDetails).values({
          organisationId: org.id,
          sector: input.sector,
          contactName: input.contactName,
          contactPhone: input.contactPhone ?? null,
          contactEmail: input.contactEmail ?? null,
          agreementStatus: input.agreementStatus,
        });
        await auditRecord(tx, actor, "internship.host.create", ["organisation", org.id], meta.ip);
        return { ok: true as const, id: org.id };
      }),
    fail(409, { name: "errors.organisation.taken" }),
  );
}

export async function createOffer(
  db: Database,
  actor: Actor,
  input: CreateOfferInput,
  meta: Meta,
): Promise<{ ok: true; id: string } | Failure> {
  return db.transaction(async (tx) => {
    const [host] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.hostId), eq(organisations.kind, "host_company")));
    if (!host) return fail(400, { hostId: "errors.required" });
    const { stipend, ...rest } = input;
    const [row] = await tx
      .insert(internshipOffers)
      .values({ ...rest, stipendCentimes: stipend })
      .returning({ id: internshipOffers.id });
    if (!row) throw new Error("no row");
    await auditRecord(tx, actor, "internship.offer.create", ["internship_offer", row.id], meta.ip);
    return { ok: true as const, id: row.id };
  });
}

/** May this actor work on this beneficiary's internship? Admins always; coaches for their own. */
export async function mayFollow(db: Database, actor: Actor, beneficiaryId: string): Promise<boolean> {
  if (!isUuid(beneficiaryId)) return false;
  if (actor.role === "admin") return true;
  return actor.role === "coach" && isCurrentCoachOf(db, actor.id, beneficiaryId);
}

export async function createPlacement(
  db: Database,
  actor: Actor,
  input: CreatePlacementInput,
  meta: Meta,
): Promise<{ ok: true; id: string } | Failure> {
  if (!(await mayFollow(db, actor, input.beneficiaryId))) return fail(404, {});
  return db.transaction(async (tx) => {
    const [host] = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.id, input.hostId), eq(organisations.kind, "host_company")));
    if (!host) return fail(400, { hostId: "errors.required" });
    const { stipend, ...rest } = input;
    const coachId = actor.role === "coach" ? actor.id : actor.id;
    const [row] = await tx
      .insert(placements)
      .values({
        ...rest,
        offerId: rest.offerId ?? null,
        tutorContact: rest.tutorContact ?? null,
        stipendCentimes: stipend,
        coachId,
      })
      .returning({ id: placements.id });
    if (!row) throw new Error("no row");
    await audit(tx, { actor, action: "placement.create", entityType: "placement", entityId: row.id, ip: meta.ip });
    await notify(tx, {
      userId: input.beneficiaryId,
      kind: "notify.placementCreated",
      params: { host: host.name },
      link: "/home",
      channels: ["sms", "email"],
    });
    return { ok: true as const, id: row.id };
  });
}

/** Move a placement along its status machine; the update re-checks the status it started from. */
export async function transitionPlacement(
  db: Database,
  actor: Actor,
  placementId: string,
  input: { to: PlacementStatus; reason?: string },
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: placements.status })
      .from(placements)
      .where(eq(placements.id, placementId))
      .for("update");
    if (!current || !canTransition(current.status, input.to)) return fail(409, { to: "internships.errors.transition" });
    await tx
      .update(placements)
      .set({ status: input.to, endedReason: input.to === "ended_early" ? (input.reason ?? null) : null })
      .where(and(eq(placements.id, placementId), eq(placements.status, current.status)));
    await auditRecord(tx, actor, `placement.status.${input.to}`, ["placement", placementId], meta.ip);
    return { ok: true as const };
  });
}

export async function logContact(db: Database, actor: Actor, placementId: string, input: ContactInput, meta: Meta) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(placementContacts)
      .values({ placementId, ...input, problem: input.problem ?? null, loggedById: actor.id })
      .returning({ id: placementContacts.id });
    await auditRecord(tx, actor, "placement.contact.log", ["placement", placementId], meta.ip);
    return row;
  });
}

export async function recordEvaluation(
  db: Database,
  actor: Actor,
  placementId: string,
  input: EvaluationInput,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        await tx.insert(placementEvaluations).values({ placementId, ...input, enteredById: actor.id });
        await auditRecord(tx, actor, `placement.evaluation.${input.stage}`, ["placement", placementId], meta.ip);
        return { ok: true as const };
      }),
    fail(409, { stage: "internships.errors.evaluationExists" }),
  );
}

export async function recordOutcome(
  db: Database,
  actor: Actor,
  placementId: string,
  input: { checkpoint: Checkpoint; employmentStatus: (typeof placementOutcomes.$inferInsert)["employmentStatus"] },
  meta: Meta & { today?: string },
): Promise<{ ok: true } | Failure> {
  const today = meta.today ?? moroccoToday();
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [p] = await tx
          .select({ status: placements.status, endsOn: placements.endsOn })
          .from(placements)
          .where(eq(placements.id, placementId));
        if (!p || !canRecordOutcome({ status: p.status, endsOn: p.endsOn, checkpoint: input.checkpoint, today })) {
          return fail(409, { checkpoint: "internships.errors.outcomeNotDue" });
        }
        await tx.insert(placementOutcomes).values({ placementId, ...input, recordedOn: today, recordedById: actor.id });
        await auditRecord(tx, actor, `placement.outcome.${input.checkpoint}`, ["placement", placementId], meta.ip);
        return { ok: true as const };
      }),
    fail(409, { checkpoint: "internships.errors.outcomeExists" }),
  );
}
