/** Reads of aid: always the actor's own association's warehouses, rounds and vouchers. */
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { runPrepared, type Executor } from "~db/client";
import {
  aidItems,
  beneficiaryCases,
  distributionRounds,
  distributions,
  organisations,
  roundItems,
  stockBalances,
  stockMovements,
  users,
  vouchers,
  warehouses,
} from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { openNames } from "~/modules/protection/identity.server";

/** An item's name in its three languages: pages show the reader's (`localized(row, "name", locale)`). */
const itemName = { nameFr: aidItems.nameFr, nameAr: aidItems.nameAr, nameEn: aidItems.nameEn };

function orgOf(actor: Actor): string | null {
  return actor.role === "case_worker" ? actor.organisationId : null;
}

export async function listItems(db: Executor) {
  return runPrepared(db, "aid_list_items", listItemsQuery, {});
}
const listItemsQuery = (db: Executor) => db.select().from(aidItems).orderBy(asc(aidItems.kind), asc(aidItems.nameFr));

export async function listWarehouses(db: Executor, actor: Actor) {
  const org = orgOf(actor);
  if (!org) return [];
  return db.select().from(warehouses).where(eq(warehouses.organisationId, org)).orderBy(asc(warehouses.name));
}

export async function getWarehouse(db: Executor, actor: Actor, warehouseId: string) {
  const org = orgOf(actor);
  if (!org || !isUuid(warehouseId)) return null;
  const [row] = await db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.organisationId, org)));
  return row ?? null;
}

export async function balancesOf(db: Executor, warehouseIds: string[]) {
  if (!warehouseIds.length) return [];
  return db
    .select({
      warehouseId: stockBalances.warehouseId,
      itemId: stockBalances.itemId,
      ...itemName,
      kind: aidItems.kind,
      quantity: stockBalances.quantity,
    })
    .from(stockBalances)
    .innerJoin(aidItems, eq(aidItems.id, stockBalances.itemId))
    .where(inArray(stockBalances.warehouseId, warehouseIds))
    .orderBy(asc(aidItems.nameFr));
}

export async function ledgerOf(db: Executor, warehouseId: string) {
  return db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      quantity: stockMovements.quantity,
      reason: stockMovements.reason,
      createdAt: stockMovements.createdAt,
      ...itemName,
      actor: users.displayName,
    })
    .from(stockMovements)
    .innerJoin(aidItems, eq(aidItems.id, stockMovements.itemId))
    .leftJoin(users, eq(users.id, stockMovements.actorId))
    .where(eq(stockMovements.warehouseId, warehouseId))
    .orderBy(desc(stockMovements.createdAt))
    .limit(300);
}

/** Sum of the ledger per item, to check against the balances. */
export async function ledgerSums(db: Executor, warehouseId: string) {
  return db
    .select({ itemId: stockMovements.itemId, total: sql<number>`sum(${stockMovements.quantity})::int` })
    .from(stockMovements)
    .where(eq(stockMovements.warehouseId, warehouseId))
    .groupBy(stockMovements.itemId);
}

export async function listRounds(db: Executor, actor: Actor) {
  const org = orgOf(actor);
  if (!org) return [];
  return db
    .select({
      id: distributionRounds.id,
      name: distributionRounds.name,
      startsOn: distributionRounds.startsOn,
      endsOn: distributionRounds.endsOn,
      // qualified by hand: in a select list without joins drizzle writes columns bare, and the
      // subquery's own table would take "id" (every round showed "0 handed out")
      handedOut: sql<number>`(select count(*)::int from ${distributions} d
        where d.round_id = ${distributionRounds}.id and d.corrected_at is null)`,
    })
    .from(distributionRounds)
    .where(eq(distributionRounds.organisationId, org))
    .orderBy(desc(distributionRounds.startsOn));
}

export async function getRound(db: Executor, actor: Actor, roundId: string) {
  const org = orgOf(actor);
  if (!org || !isUuid(roundId)) return null;
  const [round] = await db
    .select()
    .from(distributionRounds)
    .where(and(eq(distributionRounds.id, roundId), eq(distributionRounds.organisationId, org)));
  if (!round) return null;
  const items = await db
    .select({ itemId: roundItems.itemId, quantity: roundItems.quantity, ...itemName })
    .from(roundItems)
    .innerJoin(aidItems, eq(aidItems.id, roundItems.itemId))
    .where(eq(roundItems.roundId, round.id));
  return { round, items };
}

/** A round's hand-outs, the corrected ones included (marked: they are kept, never deleted). */
export async function roundDistributions(db: Executor, roundId: string) {
  return db
    .select({
      id: distributions.id,
      caseId: distributions.caseId,
      createdAt: distributions.createdAt,
      correctedAt: distributions.correctedAt,
      correctionReason: distributions.correctionReason,
      reference: beneficiaryCases.reference,
      handedBy: users.displayName,
    })
    .from(distributions)
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, distributions.caseId))
    .innerJoin(users, eq(users.id, distributions.handedOutById))
    .where(eq(distributions.roundId, roundId))
    .orderBy(desc(distributions.createdAt));
}

/** A distribution as a case file lists it (read within the case file's one statement, ownerSections). */
export const caseDistributionFields = {
  id: distributions.id,
  createdAt: distributions.createdAt,
  correctedAt: distributions.correctedAt,
  round: distributionRounds.name,
};

export async function getVoucherForActor(db: Executor, actor: Actor, voucherId: string) {
  const org = orgOf(actor);
  if (!org || !isUuid(voucherId)) return null;
  const [row] = await db
    .select({ voucher: vouchers, firstNameEnc: beneficiaryCases.firstNameEnc, reference: beneficiaryCases.reference })
    .from(vouchers)
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, vouchers.caseId))
    .where(and(eq(vouchers.id, voucherId), eq(vouchers.organisationId, org)));
  if (!row) return null;
  const { firstNameEnc, ...rest } = row;
  return { ...rest, firstName: openNames({ firstNameEnc, lastNameEnc: null, nameArabicEnc: null }).firstName };
}

/** Warehouses stock can be transferred to (any association's: the programme moves stock between them). */
export async function transferTargets(db: Executor, fromWarehouseId: string) {
  return db
    .select({ id: warehouses.id, name: sql<string>`${warehouses.name} || ' — ' || ${organisations.name}` })
    .from(warehouses)
    .innerJoin(organisations, eq(organisations.id, warehouses.organisationId))
    .where(ne(warehouses.id, fromWarehouseId))
    .orderBy(asc(organisations.name), asc(warehouses.name));
}
