/**
 * Partner shops, seen from above: the admin runs them (create, deactivate), and an
 * association reconciles what its shops redeemed, shop by shop and month by month.
 */
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { beneficiaryCases, organisations, shops, users, vouchers } from "~db/schema";
import { audit, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { fail, type Failure, type Meta } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { addMonths, startOfMoroccoDay } from "~/lib/morocco-time";
import type { Code } from "~/i18n/codes";

export async function listShops(db: Executor) {
  return db
    .select({
      id: shops.id,
      name: shops.name,
      city: shops.city,
      isActive: shops.isActive,
      organisationId: shops.organisationId,
      association: organisations.name,
      accounts: sql<number>`(select count(*)::int from ${users} where ${users.shopId} = ${shops.id})`,
    })
    .from(shops)
    .innerJoin(organisations, eq(organisations.id, shops.organisationId))
    .orderBy(asc(organisations.name), asc(shops.name));
}

/** The associations a shop can belong to: the partner associations, which issue vouchers. */
export async function voucherSchemes(db: Executor) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "partner_association"))
    .orderBy(asc(organisations.name));
}

export async function createShop(
  db: Database,
  actor: NonNullable<AuditActor>,
  input: { name: string; organisationId: string; city?: Code<"city"> },
  meta: Meta,
): Promise<{ ok: true; shopId: string } | Failure> {
  const [association] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), eq(organisations.kind, "partner_association")));
  if (!association) return fail(400, { organisationId: "aid.shops.errors.association" });
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(shops)
          .values({ name: input.name, organisationId: association.id, city: input.city ?? null })
          .returning({ id: shops.id });
        await audit(tx, { actor, action: "aid.shop.create", entityType: "shop", entityId: row!.id, ip: meta.ip });
        return { ok: true as const, shopId: row!.id };
      }),
    fail(409, { name: "aid.shops.errors.taken" }),
    "shops_org_name_key",
  );
}

/** A deactivated shop keeps its history and its accounts, and redeems nothing more. */
export async function setShopActive(
  db: Database,
  actor: NonNullable<AuditActor>,
  shopId: string,
  active: boolean,
  meta: Meta,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(shops)
      .set({ isActive: active })
      .where(eq(shops.id, shopId))
      .returning({ id: shops.id });
    if (!row) return false;
    await auditRecord(tx, actor, active ? "aid.shop.reactivate" : "aid.shop.deactivate", ["shop", row.id], meta.ip);
    return true;
  });
}

/** The instants a Moroccan month (YYYY-MM) runs between. */
export function monthBounds(month: string) {
  const first = `${month}-01`;
  return { from: startOfMoroccoDay(first), to: startOfMoroccoDay(addMonths(first, 1)) };
}

/**
 * An association's redemptions in a Moroccan month, per shop (null: redeemed by the
 * association itself), with the lines behind the totals. Case workers only, their own
 * association only.
 */
export async function redemptionsOfMonth(db: Executor, actor: Actor, month: string) {
  if (actor.role !== "case_worker" || !actor.organisationId) return null;
  const { from, to } = monthBounds(month);
  const inMonth = and(
    eq(vouchers.organisationId, actor.organisationId),
    gte(vouchers.redeemedAt, from),
    lt(vouchers.redeemedAt, to),
  );
  const [perShop, lines] = await Promise.all([
    db
      .select({
        shopId: vouchers.shopId,
        shop: shops.name,
        count: sql<number>`count(*)::int`,
        centimes: sql<string>`sum(${vouchers.valueCentimes})::bigint`,
      })
      .from(vouchers)
      .leftJoin(shops, eq(shops.id, vouchers.shopId))
      .where(inMonth)
      .groupBy(vouchers.shopId, shops.name)
      .orderBy(sql`${shops.name} nulls last`),
    db
      .select({
        id: vouchers.id,
        code: vouchers.code,
        redeemedAt: vouchers.redeemedAt,
        valueCentimes: vouchers.valueCentimes,
        shop: shops.name,
        caseId: vouchers.caseId,
        reference: beneficiaryCases.reference,
      })
      .from(vouchers)
      .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, vouchers.caseId))
      .leftJoin(shops, eq(shops.id, vouchers.shopId))
      .where(inMonth)
      .orderBy(sql`${shops.name} nulls last`, desc(vouchers.redeemedAt))
      .limit(1000),
  ]);
  return {
    perShop: perShop.map((s) => ({ ...s, centimes: Number(s.centimes) })),
    lines: lines.map((l) => ({ ...l, redeemedAt: l.redeemedAt!.toISOString() })),
  };
}
