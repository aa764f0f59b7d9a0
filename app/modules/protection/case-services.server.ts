/** The services a case receives (medical, shelter, legal...) and their status machines. */
import { and, eq } from "drizzle-orm";
import type { Database } from "~db/client";
import { beneficiaryCases, caseServices, users } from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireCase } from "./case-access.server";
import { ownsCase } from "./queries.server";
import { encrypt } from "./crypto.server";
import { sealServiceFields } from "./identity.server";
import { initialStatus, nextStatuses, shelterNights } from "./rules";
import type { ServiceInput } from "./schemas.server";
import { fail, type Failure, type Meta } from "~/lib/result";

export function serviceFields(input: ServiceInput): {
  details: Record<string, string | number | null>;
  dueDate: string | null;
} {
  switch (input.kind) {
    case "medical":
      return { details: { reasonCategory: input.reasonCategory, outcome: input.outcome }, dueDate: null };
    case "hospital_referral":
      return {
        details: { facility: input.facility, specialty: input.specialty, urgency: input.urgency },
        dueDate: input.followUpDate ?? null,
      };
    case "mental_health":
      return { details: { sessionType: input.sessionType }, dueDate: null };
    case "shelter":
      return {
        details: {
          place: input.place,
          checkIn: input.checkIn,
          checkOut: input.checkOut ?? null,
          nights: shelterNights(input.checkIn, input.checkOut),
        },
        dueDate: input.checkOut ?? null,
      };
    case "legal":
      return { details: { legalType: input.legalType }, dueDate: null };
    case "avrr":
      return { details: { countryOfReturn: input.countryOfReturn }, dueDate: null };
  }
}

export async function addService(db: Database, actor: Actor, caseId: string, input: ServiceInput, meta: Meta) {
  const c = await requireCase(db, actor, caseId);
  if (c.anonymisedAt) forbidden();
  const { details, dueDate } = serviceFields(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseServices)
      .values({
        caseId: c.id,
        kind: input.kind,
        serviceDate: input.serviceDate,
        status: initialStatus(input.kind),
        dueDate,
        costCentimes: input.cost,
        ...sealServiceFields({ ...details, provider: input.provider ?? null }),
        notesEnc: input.notes ? encrypt(input.notes) : null,
        recordedById: actor.id,
      })
      .returning({ id: caseServices.id });
    await tx.update(beneficiaryCases).set({ updatedAt: new Date() }).where(eq(beneficiaryCases.id, c.id));
    await auditRecord(tx, actor, `protection.service.${input.kind}.add`, ["beneficiary_case", c.id], meta.ip);
    return row!;
  });
}

/** Move a service along its status machine; a stale form (status changed meanwhile) changes nothing. */
export async function updateServiceStatus(
  db: Database,
  actor: Actor,
  caseId: string,
  input: { serviceId: string; status: string; dueDate?: string },
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const c = await requireCase(db, actor, caseId);
  if (c.anonymisedAt) forbidden();
  const [found] = await db
    .select({ service: caseServices, recorderOrganisationId: users.organisationId })
    .from(caseServices)
    .innerJoin(users, eq(users.id, caseServices.recordedById))
    .where(and(eq(caseServices.id, input.serviceId), eq(caseServices.caseId, c.id)));
  if (!found) notFound();
  const service = found.service;
  // a referred association moves its own services along, never the referring association's
  if (!ownsCase(actor, c) && found.recorderOrganisationId !== actor.organisationId) forbidden();
  if (!nextStatuses(service.kind, service.status).includes(input.status))
    return fail(400, { status: "protection.errors.statusTransition" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(caseServices)
      .set({ status: input.status, dueDate: input.dueDate ?? service.dueDate, updatedAt: new Date() })
      .where(and(eq(caseServices.id, service.id), eq(caseServices.status, service.status)))
      .returning({ id: caseServices.id });
    if (!row) return fail(400, { status: "protection.errors.statusTransition" });
    await auditRecord(tx, actor, `protection.service.${service.kind}.status`, ["beneficiary_case", c.id], meta.ip);
    return { ok: true as const };
  });
}
