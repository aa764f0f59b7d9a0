/** What a warehouse holds of an item: its balance row, and the sum of its ledger (the two must agree). */
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { stockBalances, stockMovements } from "../../../db/schema";

export async function balanceOf(db: Executor, warehouseId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(stockBalances)
    .where(and(eq(stockBalances.warehouseId, warehouseId), eq(stockBalances.itemId, itemId)));
  return row?.quantity ?? 0;
}

export async function ledgerSumOf(db: Executor, warehouseId: string, itemId: string) {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)::int` })
    .from(stockMovements)
    .where(and(eq(stockMovements.warehouseId, warehouseId), eq(stockMovements.itemId, itemId)));
  return row!.total;
}
