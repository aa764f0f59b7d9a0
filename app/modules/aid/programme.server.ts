/**
 * The programme admin's view of aid across associations: figures only. Stock per
 * warehouse and item, rounds and how far they got, voucher totals per association and
 * per shop. No query here returns a case, a name or a reference: protection stays with
 * the associations (decision: programme view of aid).
 */
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import {
  aidItems,
  distributionRounds,
  distributions,
  organisations,
  roundItems,
  shops,
  stockBalances,
  stockMovements,
  vouchers,
  warehouses,
} from "~db/schema";
import { moroccoToday } from "~/lib/morocco-time";
import { roundState } from "./rules";

const itemName = { nameFr: aidItems.nameFr, nameAr: aidItems.nameAr, nameEn: aidItems.nameEn };

export async function programmeStock(db: Executor) {
  return db
    .select({
      warehouseId: warehouses.id,
      warehouse: warehouses.name,
      association: organisations.name,
      itemId: aidItems.id,
      ...itemName,
      quantity: stockBalances.quantity,
    })
    .from(stockBalances)
    .innerJoin(warehouses, eq(warehouses.id, stockBalances.warehouseId))
    .innerJoin(organisations, eq(organisations.id, warehouses.organisationId))
    .innerJoin(aidItems, eq(aidItems.id, stockBalances.itemId))
    .orderBy(asc(organisations.name), asc(warehouses.name), asc(aidItems.nameFr));
}

/**
 * Rounds with what they hand out (catalogue items, shared by all) rather than their
 * name: a round's name is typed by a case worker and may say more than a figure
 * should (the canary test holds it to protection staff).
 */
export async function programmeRounds(db: Executor, today = moroccoToday()) {
  const rows = await db
    .select({
      id: distributionRounds.id,
      association: organisations.name,
      startsOn: distributionRounds.startsOn,
      endsOn: distributionRounds.endsOn,
      // a corrected hand-out does not count (its reversal already nets its units out)
      handedOut: sql<number>`(select count(*)::int from ${distributions}
        where ${distributions.roundId} = ${distributionRounds.id} and ${distributions.correctedAt} is null)`,
      units: sql<number>`(select coalesce(-sum(${stockMovements.quantity}), 0)::int from ${stockMovements}
        join ${distributions} on ${distributions.id} = ${stockMovements.distributionId}
        where ${distributions.roundId} = ${distributionRounds.id})`,
    })
    .from(distributionRounds)
    .innerJoin(organisations, eq(organisations.id, distributionRounds.organisationId))
    .orderBy(desc(distributionRounds.startsOn), asc(organisations.name))
    .limit(200);
  const items = rows.length
    ? await db
        .select({ roundId: roundItems.roundId, quantity: roundItems.quantity, ...itemName })
        .from(roundItems)
        .innerJoin(aidItems, eq(aidItems.id, roundItems.itemId))
        .where(
          inArray(
            roundItems.roundId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(aidItems.nameFr))
    : [];
  return rows.map((r) => ({
    ...r,
    state: roundState(r, today),
    items: items.filter((i) => i.roundId === r.id),
  }));
}

type Totals = { count: number; centimes: number };
const figure = (count: unknown, centimes: unknown): Totals => ({ count: Number(count), centimes: Number(centimes) });

/** Issued, redeemed, expired and outstanding vouchers per association, on a Moroccan day. */
export async function programmeVouchers(db: Executor, today = moroccoToday()) {
  const expired = sql`${vouchers.redeemedAt} is null and ${vouchers.expiresOn} < ${today}`;
  const outstanding = sql`${vouchers.redeemedAt} is null and ${vouchers.expiresOn} >= ${today}`;
  const rows = await db
    .select({
      organisationId: organisations.id,
      association: organisations.name,
      issuedCount: sql<number>`count(*)::int`,
      issuedCentimes: sql<string>`sum(${vouchers.valueCentimes})::bigint`,
      redeemedCount: sql<number>`(count(*) filter (where ${vouchers.redeemedAt} is not null))::int`,
      redeemedCentimes: sql<string>`coalesce(sum(${vouchers.valueCentimes}) filter (where ${vouchers.redeemedAt} is not null), 0)::bigint`,
      expiredCount: sql<number>`(count(*) filter (where ${expired}))::int`,
      expiredCentimes: sql<string>`coalesce(sum(${vouchers.valueCentimes}) filter (where ${expired}), 0)::bigint`,
      outstandingCount: sql<number>`(count(*) filter (where ${outstanding}))::int`,
      outstandingCentimes: sql<string>`coalesce(sum(${vouchers.valueCentimes}) filter (where ${outstanding}), 0)::bigint`,
    })
    .from(vouchers)
    .innerJoin(organisations, eq(organisations.id, vouchers.organisationId))
    .groupBy(organisations.id, organisations.name)
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({
    organisationId: r.organisationId,
    association: r.association,
    issued: figure(r.issuedCount, r.issuedCentimes),
    redeemed: figure(r.redeemedCount, r.redeemedCentimes),
    expired: figure(r.expiredCount, r.expiredCentimes),
    outstanding: figure(r.outstandingCount, r.outstandingCentimes),
  }));
}

/** Redeemed vouchers per shop (and per association for those it redeemed itself: shop null). */
export async function programmeRedemptionsByShop(db: Executor) {
  const rows = await db
    .select({
      association: organisations.name,
      shopId: vouchers.shopId,
      shop: shops.name,
      count: sql<number>`count(*)::int`,
      centimes: sql<string>`sum(${vouchers.valueCentimes})::bigint`,
    })
    .from(vouchers)
    .innerJoin(organisations, eq(organisations.id, vouchers.organisationId))
    .leftJoin(shops, eq(shops.id, vouchers.shopId))
    .where(sql`${vouchers.redeemedAt} is not null`)
    .groupBy(organisations.name, vouchers.shopId, shops.name)
    .orderBy(asc(organisations.name), sql`${shops.name} nulls last`);
  return rows.map(({ count, centimes, ...r }) => ({ ...r, ...figure(count, centimes) }));
}
