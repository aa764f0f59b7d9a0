/**
 * The aid catalogue, corrected by the programme admin (issue 15, "correct and close"):
 * an item's names in three languages at any time; its unit (the kind, and a voucher's
 * face value) only until stock of it has moved, which the database holds (migration
 * 0041's trigger, also under concurrent movements). Each change writes an audit row
 * naming the fields changed.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { aidItems } from "~db/schema";
import { isCheckViolation } from "~db/errors";
import { changedFields, versionOf } from "~/lib/changes";
import { fail, type Meta, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import type { CorrectItemInput } from "./schemas.server";

/** The fields of an item a correction may change, in the order its version reads them. */
const ITEM_FIELDS = ["nameFr", "nameAr", "nameEn", "kind", "faceValueCentimes"] as const;

/** Every item, with whether stock of it has moved (its unit is then fixed) and its version. */
export async function listCatalogue(db: Database) {
  const rows = await db
    .select({
      id: aidItems.id,
      kind: aidItems.kind,
      nameFr: aidItems.nameFr,
      nameAr: aidItems.nameAr,
      nameEn: aidItems.nameEn,
      faceValueCentimes: aidItems.faceValueCentimes,
      // written out: inside one table's select, drizzle would leave the columns unqualified
      moved: sql<boolean>`exists (select 1 from stock_movements m where m.item_id = aid_items.id)`,
    })
    .from(aidItems)
    .orderBy(asc(aidItems.kind), asc(aidItems.nameFr));
  return rows.map((row) => ({ ...row, version: versionOf(row, ITEM_FIELDS) }));
}

/** Correct an item; 404 when there is none, 409 when its unit is fixed, 400 when its French name is another's. */
export async function correctItem(
  db: Database,
  actor: Actor,
  input: CorrectItemInput,
  meta: Meta,
): Promise<Result<{ fields: string[] }>> {
  try {
    return await refuseDuplicate(
      () =>
        db.transaction(async (tx) => {
          const [stored] = await tx.select().from(aidItems).where(eq(aidItems.id, input.itemId)).for("update");
          if (!stored) return fail(404, {});
          if (versionOf(stored, ITEM_FIELDS) !== input.version)
            return fail(409, { form: "aid.items.changedMeanwhile" });
          const { fields, changes } = changedFields(stored, {
            nameFr: input.nameFr,
            nameAr: input.nameAr,
            nameEn: input.nameEn,
            kind: input.kind,
            faceValueCentimes: input.faceValueCentimes,
          });
          if (fields.length === 0) return { ok: true as const, fields };
          await tx.update(aidItems).set(changes).where(eq(aidItems.id, stored.id));
          await auditRecord(tx, actor, "aid.item.correct", ["aid_item", stored.id], meta.ip, fields);
          return { ok: true as const, fields };
        }),
      fail(400, { nameFr: "aid.items.errors.nameTaken" }),
      "aid_items_name_unique",
    );
  } catch (error) {
    if (isCheckViolation(error, "aid_items_unit_fixed_check")) return fail(409, { kind: "aid.items.errors.unitFixed" });
    throw error;
  }
}
