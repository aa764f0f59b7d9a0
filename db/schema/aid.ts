import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, shops, users } from "./auth";
import { beneficiaryCases } from "./protection";
import { id, instant, stamp, day, ref } from "./columns";
import { ITEM_KINDS } from "../../app/modules/aid/constants";

/**
 * Humanitarian aid: a catalogue, warehouses of associations, stock kept as a ledger
 * (movements) with a balance per warehouse and item that can never go below zero,
 * distribution rounds handed out at most once per beneficiary, and vouchers redeemed once.
 */
export const aidItemKindEnum = pgEnum("aid_item_kind", ITEM_KINDS);
export const stockMovementKindEnum = pgEnum("stock_movement_kind", [
  "receipt",
  "transfer_in",
  "transfer_out",
  "distribution",
  "adjustment",
  // stock coming back when a hand-out made by mistake is corrected (same Moroccan day)
  "reversal",
]);

export const aidItems = pgTable(
  "aid_items",
  {
    id: id(),
    kind: aidItemKindEnum().notNull(),
    /** the item's name in three languages (French required and unique; empty ones show the French) */
    nameFr: text().notNull().unique("aid_items_name_unique"),
    nameAr: text().notNull().default(""),
    nameEn: text().notNull().default(""),
    /** vouchers only: face value in centimes of MAD */
    faceValueCentimes: integer(),
    createdAt: stamp(),
  },
  (t) => [
    check(
      "aid_items_face_value_check",
      sql`(${t.kind} = 'voucher' and ${t.faceValueCentimes} > 0) or (${t.kind} <> 'voucher' and ${t.faceValueCentimes} is null)`,
    ),
  ],
);

export const warehouses = pgTable(
  "warehouses",
  {
    id: id(),
    organisationId: ref(() => organisations.id).notNull(),
    name: text().notNull(),
    createdAt: stamp(),
  },
  (t) => [unique("warehouses_org_name_key").on(t.organisationId, t.name)],
);

export const stockBalances = pgTable(
  "stock_balances",
  {
    warehouseId: ref(() => warehouses.id).notNull(),
    itemId: ref(() => aidItems.id).notNull(),
    quantity: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.itemId] }),
    check("stock_balances_quantity_check", sql`${t.quantity} >= 0`),
  ],
);

export const distributionRounds = pgTable(
  "distribution_rounds",
  {
    id: id(),
    organisationId: ref(() => organisations.id).notNull(),
    warehouseId: ref(() => warehouses.id).notNull(),
    name: text().notNull(),
    startsOn: day().notNull(),
    endsOn: day().notNull(),
    /** quantities are per person, or multiplied by the household size */
    perHousehold: boolean().notNull().default(false),
    /** only cases whose latest assessment has this vulnerability; null: every open case */
    eligibilityVulnerability: text(),
    createdById: ref(() => users.id),
    createdAt: stamp(),
  },
  (t) => [check("distribution_rounds_dates_check", sql`${t.endsOn} >= ${t.startsOn}`)],
);

export const roundItems = pgTable(
  "round_items",
  {
    roundId: ref(() => distributionRounds.id, { onDelete: "cascade" }).notNull(),
    itemId: ref(() => aidItems.id).notNull(),
    quantity: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.itemId] }), check("round_items_quantity_check", sql`${t.quantity} > 0`)],
);

export const distributions = pgTable(
  "distributions",
  {
    id: id(),
    roundId: ref(() => distributionRounds.id).notNull(),
    caseId: ref(() => beneficiaryCases.id).notNull(),
    handedOutById: ref(() => users.id).notNull(),
    createdAt: stamp(),
    /** a hand-out made by mistake, reversed the same day: kept, never deleted, and no longer counted */
    correctedAt: instant(),
    correctedById: ref(() => users.id),
    correctionReason: text(),
  },
  (t) => [
    // a beneficiary holds a round's items at most once; a corrected hand-out frees the
    // place, so the person can receive the right one
    uniqueIndex("distributions_round_case_key")
      .on(t.roundId, t.caseId)
      .where(sql`${t.correctedAt} is null`),
    // the reporting rollup follows a case's changes to its distributions
    index("distributions_case_idx").on(t.caseId),
    check(
      "distributions_correction_check",
      sql`(${t.correctedAt} is null and ${t.correctedById} is null and ${t.correctionReason} is null)
        or (${t.correctedAt} is not null and ${t.correctedById} is not null and length(${t.correctionReason}) > 0)`,
    ),
  ],
);

export const stockMovements = pgTable(
  "stock_movements",
  {
    id: id(),
    warehouseId: ref(() => warehouses.id).notNull(),
    itemId: ref(() => aidItems.id).notNull(),
    kind: stockMovementKindEnum().notNull(),
    /** signed: receipts and transfers in add, distributions and transfers out subtract */
    quantity: integer().notNull(),
    reason: text(),
    distributionId: ref(() => distributions.id),
    actorId: ref(() => users.id),
    createdAt: stamp(),
  },
  (t) => [
    index("stock_movements_warehouse_item_idx").on(t.warehouseId, t.itemId, t.createdAt),
    check("stock_movements_nonzero_check", sql`${t.quantity} <> 0`),
    check("stock_movements_adjustment_reason_check", sql`${t.kind} <> 'adjustment' or length(${t.reason}) > 0`),
    // compared as text: the enum value is new in the same migration
    check(
      "stock_movements_reversal_check",
      sql`${t.kind}::text <> 'reversal' or (${t.distributionId} is not null and ${t.quantity} > 0 and length(${t.reason}) > 0)`,
    ),
  ],
);

export const vouchers = pgTable(
  "vouchers",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id).notNull(),
    organisationId: ref(() => organisations.id).notNull(),
    /** 20 characters of base32 from 100 random bits */
    code: text().notNull().unique(),
    valueCentimes: integer().notNull(),
    issuedById: ref(() => users.id).notNull(),
    issuedAt: stamp(),
    /** the last Moroccan day it can be redeemed */
    expiresOn: day().notNull(),
    redeemedAt: instant(),
    redeemedById: ref(() => users.id),
    /** the shop that took it; null when the association redeemed it itself */
    shopId: uuid(),
  },
  (t) => [
    index("vouchers_case_idx").on(t.caseId),
    // reconciliation: a shop's redemptions, by day
    index("vouchers_shop_idx").on(t.shopId, t.redeemedAt),
    check("vouchers_value_check", sql`${t.valueCentimes} > 0`),
    check("vouchers_redeemed_check", sql`(${t.redeemedAt} is null) = (${t.redeemedById} is null)`),
    check("vouchers_shop_redeemed_check", sql`${t.shopId} is null or ${t.redeemedAt} is not null`),
    // a shop only ever takes the vouchers of its own association
    foreignKey({
      name: "vouchers_shop_fk",
      columns: [t.shopId, t.organisationId],
      foreignColumns: [shops.id, shops.organisationId],
    }),
  ],
);

export type AidItem = typeof aidItems.$inferSelect;
export type Warehouse = typeof warehouses.$inferSelect;
export type DistributionRound = typeof distributionRounds.$inferSelect;
export type Voucher = typeof vouchers.$inferSelect;
