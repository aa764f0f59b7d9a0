/**
 * Values typed by hand before a staff field became a code list, that the migration did
 * not recognise (db/schema/codes.ts `code_flags`, decision 0100-staff-fields-as-codes.md).
 * The admin reads each with its record and chooses the code; the record and the flag
 * change in one transaction, with an audit row.
 */
import { and, asc, eq, inArray, isNull, not, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { alias } from "drizzle-orm/pg-core";
import {
  beneficiaryCases,
  businessPlans,
  codeFlags,
  grantCalls,
  hostDetails,
  internshipOffers,
  organisations,
  profiles,
  shops,
  trainings,
  type CodeFlag,
} from "~db/schema";
import { CODE_LISTS, isCode } from "~/i18n/codes";
import { auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { fail, type Failure, type Meta } from "~/lib/result";
import { z } from "~/lib/forms.server";
import { codeField, codesField, idField } from "~/lib/fields.server";
import { isCountry } from "~/modules/profiles/rules";

const caseOrganisations = alias(organisations, "case_organisations");

/** Each flagged field: the code list it takes, and whether it holds several codes. */
export const FLAG_FIELDS = {
  sector: { kind: "sector", multiple: false },
  city: { kind: "city", multiple: false },
  languages: { kind: "language", multiple: true },
  delivery_languages: { kind: "language", multiple: true },
  // a country (ISO 3166), from the profile's country list rather than a code list
  nationality: { kind: null, multiple: false },
} as const;

export type FlagField = CodeFlag["field"];

/** The open flags, oldest first, with the record's name and the field's current value. */
export async function openCodeFlags(db: Executor) {
  const rows = await db
    .select({
      id: codeFlags.id,
      record: codeFlags.record,
      recordId: codeFlags.recordId,
      field: codeFlags.field,
      original: codeFlags.original,
      createdAt: codeFlags.createdAt,
      hostName: organisations.name,
      organisationCity: organisations.city,
      shopName: shops.name,
      shopCity: shops.city,
      offerTitle: internshipOffers.titleFr,
      trainingTitle: trainings.titleFr,
      hostSector: hostDetails.sector,
      offer: { sector: internshipOffers.sector, city: internshipOffers.city, languages: internshipOffers.languages },
      trainingLanguages: trainings.deliveryLanguages,
      // a case file is named by its association only: its town and nationality are identity data
      caseAssociation: caseOrganisations.name,
      case: { city: beneficiaryCases.city, nationality: beneficiaryCases.nationality },
      // an applicant's profile is named by nobody: the town typed is all the admin needs
      profileCity: profiles.city,
      // a plan likewise (its project's name may name the person): its town as the plan holds it
      planCity: sql<string | null>`${businessPlans.summary} ->> 'city'`,
    })
    .from(codeFlags)
    .leftJoin(hostDetails, and(eq(codeFlags.record, "host"), eq(hostDetails.organisationId, codeFlags.recordId)))
    .leftJoin(
      organisations,
      and(inArray(codeFlags.record, ["host", "organisation"]), eq(organisations.id, codeFlags.recordId)),
    )
    .leftJoin(internshipOffers, and(eq(codeFlags.record, "offer"), eq(internshipOffers.id, codeFlags.recordId)))
    .leftJoin(trainings, and(eq(codeFlags.record, "training"), eq(trainings.id, codeFlags.recordId)))
    .leftJoin(shops, and(eq(codeFlags.record, "shop"), eq(shops.id, codeFlags.recordId)))
    .leftJoin(beneficiaryCases, and(eq(codeFlags.record, "case"), eq(beneficiaryCases.id, codeFlags.recordId)))
    .leftJoin(caseOrganisations, eq(caseOrganisations.id, beneficiaryCases.organisationId))
    .leftJoin(profiles, and(eq(codeFlags.record, "profile"), eq(profiles.userId, codeFlags.recordId)))
    .leftJoin(businessPlans, and(eq(codeFlags.record, "plan"), eq(businessPlans.id, codeFlags.recordId)))
    .where(isNull(codeFlags.resolvedAt))
    .orderBy(asc(codeFlags.createdAt), asc(codeFlags.id));
  return rows.map((r) => {
    const current: string[] =
      r.record === "case"
        ? [(r.field === "city" ? r.case?.city : r.case?.nationality) ?? ""].filter(Boolean)
        : r.record === "profile"
          ? [r.profileCity ?? "other"]
          : r.record === "plan"
            ? [r.planCity ?? "other"]
            : r.record === "host"
              ? [r.hostSector ?? "other"]
              : r.record === "organisation"
                ? [r.organisationCity ?? "other"]
                : r.record === "shop"
                  ? [r.shopCity ?? "other"]
                  : r.record === "training"
                    ? (r.trainingLanguages ?? [])
                    : r.field === "languages"
                      ? (r.offer?.languages ?? [])
                      : [r.field === "city" ? (r.offer?.city ?? "other") : (r.offer?.sector ?? "other")];
    return {
      id: r.id,
      record: r.record,
      recordId: r.recordId,
      field: r.field,
      original: r.original,
      name: r.hostName ?? r.shopName ?? r.offerTitle ?? r.trainingTitle ?? r.caseAssociation ?? "—",
      current,
    };
  });
}

/**
 * The person chose the flagged field themselves (their profile's town, their plan's): the
 * text they once typed no longer waits for the admin, and the open flag goes. A flag an
 * admin already closed stays, as the record of that choice.
 */
export async function dropOpenFlag(db: Executor, record: CodeFlag["record"], recordId: string, field: FlagField) {
  await db
    .delete(codeFlags)
    .where(
      and(
        eq(codeFlags.record, record),
        eq(codeFlags.recordId, recordId),
        eq(codeFlags.field, field),
        isNull(codeFlags.resolvedAt),
      ),
    );
}

/** A call's regions are all codes of the region list (what the table's check holds for every new write). */
const regionsAreCodes = sql`${grantCalls.regions} <@ array[${sql.join(
  CODE_LISTS.region.values.map((r) => sql`${r}`),
  sql`, `,
)}]::text[]`;

/**
 * Calls whose eligible regions still hold text typed before the region list (the
 * migration kept what it did not recognise, so the call stays as strict as it was):
 * no applicant can match such a region until the admin chooses.
 */
export async function callsWithTypedRegions(db: Executor) {
  const rows = await db
    .select({ id: grantCalls.id, titleFr: grantCalls.titleFr, regions: grantCalls.regions })
    .from(grantCalls)
    .where(not(regionsAreCodes))
    .orderBy(asc(grantCalls.createdAt));
  return rows.map((r) => ({
    ...r,
    typed: r.regions.filter((v) => !isCode("region", v)),
    current: r.regions.filter((v) => isCode("region", v)),
  }));
}

export async function countOpenCodeFlags(db: Executor): Promise<number> {
  return (
    (await db.$count(codeFlags, isNull(codeFlags.resolvedAt))) + (await db.$count(grantCalls, not(regionsAreCodes)))
  );
}

export const ResolveCallRegionsSchema = z.object({ callId: idField(), regions: codesField("region") });

/** Set a call's regions to codes chosen by the admin, once: a call already fixed is a 409. */
export async function resolveCallRegions(
  db: Database,
  actor: NonNullable<AuditActor>,
  input: z.infer<typeof ResolveCallRegionsSchema>,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  return db.transaction(async (tx) => {
    const [call] = await tx
      .update(grantCalls)
      .set({ regions: input.regions })
      .where(and(eq(grantCalls.id, input.callId), not(regionsAreCodes)))
      .returning({ id: grantCalls.id });
    if (!call) return fail(409, { form: "codes.flags.gone" });
    await auditRecord(tx, actor, "code_flag.resolve.regions", ["grant_call", call.id], meta.ip);
    return { ok: true as const };
  });
}

/** The admin's choice for one flag: the field says which list the value comes from. */
export const ResolveCodeFlagSchema = z.discriminatedUnion("field", [
  z.object({ flagId: idField(), field: z.literal("sector"), sector: codeField("sector") }),
  z.object({ flagId: idField(), field: z.literal("city"), city: codeField("city") }),
  z.object({
    flagId: idField(),
    field: z.literal("nationality"),
    nationality: z.string().refine(isCountry, "profiles.errors.country"),
  }),
  z.object({
    flagId: idField(),
    field: z.enum(["languages", "delivery_languages"]),
    languages: codesField("language").refine((codes) => codes.length > 0, "codes.errors.languages"),
  }),
]);
export type ResolveCodeFlagInput = z.infer<typeof ResolveCodeFlagSchema>;

/**
 * Set the flagged field to the codes chosen and close the flag, once: a flag another
 * admin closed meanwhile (or a field that is not the flag's) is a 409, and nothing is written.
 */
export async function resolveCodeFlag(
  db: Database,
  actor: NonNullable<AuditActor>,
  input: ResolveCodeFlagInput,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  return db.transaction(async (tx) => {
    const [flag] = await tx
      .update(codeFlags)
      .set({ resolvedAt: sql`now()`, resolvedById: actor.id })
      .where(and(eq(codeFlags.id, input.flagId), eq(codeFlags.field, input.field), isNull(codeFlags.resolvedAt)))
      .returning();
    if (!flag) return fail(409, { form: "codes.flags.gone" });
    const id = flag.recordId;
    if (input.field === "sector" && flag.record === "host")
      await tx.update(hostDetails).set({ sector: input.sector }).where(eq(hostDetails.organisationId, id));
    else if (input.field === "sector")
      await tx.update(internshipOffers).set({ sector: input.sector }).where(eq(internshipOffers.id, id));
    else if (input.field === "city" && flag.record === "organisation")
      await tx.update(organisations).set({ city: input.city }).where(eq(organisations.id, id));
    else if (input.field === "city" && flag.record === "case")
      await tx.update(beneficiaryCases).set({ city: input.city }).where(eq(beneficiaryCases.id, id));
    else if (input.field === "nationality")
      await tx.update(beneficiaryCases).set({ nationality: input.nationality }).where(eq(beneficiaryCases.id, id));
    else if (input.field === "city" && flag.record === "profile")
      await tx.update(profiles).set({ city: input.city }).where(eq(profiles.userId, id));
    else if (input.field === "city" && flag.record === "plan")
      // the plan's town is one key of its summary; nothing else of the plan changes
      await tx
        .update(businessPlans)
        .set({ summary: sql`jsonb_set(${businessPlans.summary}, '{city}', to_jsonb(${input.city}::text))` })
        .where(eq(businessPlans.id, id));
    else if (input.field === "city" && flag.record === "shop")
      await tx.update(shops).set({ city: input.city }).where(eq(shops.id, id));
    else if (input.field === "city")
      await tx.update(internshipOffers).set({ city: input.city }).where(eq(internshipOffers.id, id));
    else if (input.field === "languages")
      await tx.update(internshipOffers).set({ languages: input.languages }).where(eq(internshipOffers.id, id));
    else await tx.update(trainings).set({ deliveryLanguages: input.languages }).where(eq(trainings.id, id));
    await auditRecord(tx, actor, `code_flag.resolve.${flag.field}`, [flag.record, id], meta.ip);
    return { ok: true as const };
  });
}
