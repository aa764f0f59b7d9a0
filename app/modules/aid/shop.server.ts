/**
 * A partner shop's side of vouchers: the shop of a vendor account, checking a code,
 * redeeming it, and the shop's own history and totals. A shop sees the value, the
 * validity and the holder's initials of its association's vouchers, nothing else of
 * the person, and nothing at all of other associations' vouchers.
 */
import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { beneficiaryCases, shops, users, vouchers, type Shop } from "~db/schema";
import { audit, auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { fail, type Failure, type Meta } from "~/lib/result";
import { moroccoToday, startOfMoroccoDay } from "~/lib/morocco-time";
import { initialsOf, normaliseVoucherCode, shopRefusal, type ShopRefusal } from "./rules";
import { openNames, sealedNameColumns } from "~/modules/protection/identity.server";

/** The shop a vendor account works for; null for any other account. */
export async function shopOf(db: Executor, actor: Actor): Promise<Shop | null> {
  if (actor.role !== "vendor") return null;
  const [row] = await db
    .select({ shop: shops })
    .from(users)
    .innerJoin(shops, eq(shops.id, users.shopId))
    .where(eq(users.id, actor.id));
  return row?.shop ?? null;
}

export type ShopCheck = {
  code: string;
  refusal: ShopRefusal | null;
  /** only for a voucher the shop may take */
  voucher: { valueCentimes: number; initials: string; expiresOn: string } | null;
};

async function voucherByCode(db: Executor, code: string) {
  const [row] = await db
    .select({
      id: vouchers.id,
      organisationId: vouchers.organisationId,
      valueCentimes: vouchers.valueCentimes,
      expiresOn: vouchers.expiresOn,
      redeemedAt: vouchers.redeemedAt,
      ...sealedNameColumns,
    })
    .from(vouchers)
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, vouchers.caseId))
    .where(eq(vouchers.code, code));
  if (!row) return null;
  const { firstNameEnc, lastNameEnc, nameArabicEnc, ...rest } = row;
  const { firstName, lastName } = openNames({ firstNameEnc, lastNameEnc, nameArabicEnc });
  return { ...rest, firstName, lastName };
}

/** What the shop is about to take, before it takes it (the QR code lands here). Changes nothing. */
export async function checkAtShop(db: Executor, shop: Shop, code: string, today = moroccoToday()): Promise<ShopCheck> {
  const normalised = normaliseVoucherCode(code);
  const found = await voucherByCode(db, normalised);
  const refusal = shopRefusal(shop, found, today);
  return {
    code: normalised,
    refusal,
    voucher:
      found && !refusal
        ? {
            valueCentimes: found.valueCentimes,
            initials: initialsOf(found.firstName, found.lastName),
            expiresOn: found.expiresOn,
          }
        : null,
  };
}

/**
 * Take a voucher, whole (no partial redemption): one conditional update that only a
 * valid voucher of the shop's association, not yet redeemed, not expired, taken by an
 * active shop, gets through. Of any number of simultaneous attempts, exactly one wins.
 */
export async function redeemAtShop(
  db: Database,
  actor: Actor,
  code: string,
  meta: Meta,
): Promise<{ ok: true; valueCentimes: number; initials: string; code: string } | Failure> {
  const shop = await shopOf(db, actor);
  if (!shop) throw new Response("Not Found", { status: 404 });
  const normalised = normaliseVoucherCode(code);
  const today = moroccoToday(meta.now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(vouchers)
      .set({ redeemedAt: meta.now ?? new Date(), redeemedById: actor.id, shopId: shop.id })
      .where(
        and(
          eq(vouchers.code, normalised),
          eq(vouchers.organisationId, shop.organisationId),
          isNull(vouchers.redeemedAt),
          gte(vouchers.expiresOn, today),
          sql`exists (select 1 from ${shops} where ${shops.id} = ${shop.id} and ${shops.isActive})`,
        ),
      )
      .returning({ id: vouchers.id, valueCentimes: vouchers.valueCentimes, caseId: vouchers.caseId });
    if (!row) {
      const [fresh] = await tx.select().from(shops).where(eq(shops.id, shop.id));
      const found = await voucherByCode(tx, normalised);
      const refusal = shopRefusal(fresh ?? { ...shop, isActive: false }, found, today) ?? "redeemed";
      await auditRecord(
        tx,
        actor,
        refusal === "unknown" ? "aid.voucher.redeem_unknown" : "aid.voucher.redeem_refused",
        ["voucher", found && found.organisationId === shop.organisationId ? found.id : null],
        meta.ip,
      );
      return fail(refusal === "unknown" ? 404 : 409, { code: `aid.shop.refused.${refusal}` });
    }
    const [sealed] = await tx
      .select(sealedNameColumns)
      .from(beneficiaryCases)
      .where(eq(beneficiaryCases.id, row.caseId));
    const holder = sealed ? openNames(sealed) : null;
    await audit(tx, { actor, action: "aid.voucher.redeem", entityType: "voucher", entityId: row.id, ip: meta.ip });
    return {
      ok: true as const,
      valueCentimes: row.valueCentimes,
      initials: initialsOf(holder?.firstName, holder?.lastName),
      code: normalised,
    };
  });
}

/** The shop's own redemptions, newest first: code, day, value, initials. */
export async function shopRedemptions(db: Executor, shop: Shop, limit = 50) {
  const rows = await db
    .select({
      id: vouchers.id,
      code: vouchers.code,
      redeemedAt: vouchers.redeemedAt,
      valueCentimes: vouchers.valueCentimes,
      ...sealedNameColumns,
    })
    .from(vouchers)
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, vouchers.caseId))
    .where(eq(vouchers.shopId, shop.id))
    .orderBy(desc(vouchers.redeemedAt))
    .limit(limit);
  return rows.map(({ firstNameEnc, lastNameEnc, nameArabicEnc, ...r }) => {
    const { firstName, lastName } = openNames({ firstNameEnc, lastNameEnc, nameArabicEnc });
    return { ...r, redeemedAt: r.redeemedAt!.toISOString(), initials: initialsOf(firstName, lastName) };
  });
}

/** The shop's totals: every redemption, and those of the current Moroccan month. */
export async function shopTotals(db: Executor, shop: Shop, today = moroccoToday()) {
  const monthStart = sql`${startOfMoroccoDay(`${today.slice(0, 7)}-01`).toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      centimes: sql<number>`coalesce(sum(${vouchers.valueCentimes}), 0)::bigint`,
      monthCount: sql<number>`(count(*) filter (where ${vouchers.redeemedAt} >= ${monthStart}))::int`,
      monthCentimes: sql<number>`coalesce(sum(${vouchers.valueCentimes}) filter (where ${vouchers.redeemedAt} >= ${monthStart}), 0)::bigint`,
    })
    .from(vouchers)
    .where(eq(vouchers.shopId, shop.id));
  return {
    all: { count: row?.count ?? 0, centimes: Number(row?.centimes ?? 0) },
    month: { count: row?.monthCount ?? 0, centimes: Number(row?.monthCentimes ?? 0) },
  };
}
