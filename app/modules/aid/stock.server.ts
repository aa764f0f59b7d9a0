/**
 * The ledger's one writer: every balance change writes its movement in the same
 * transaction, so the ledger always sums to the balance, and a decrement is a
 * conditional update that refuses (OutOfStock) rather than go below zero.
 */
import { and, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { stockBalances, stockMovements } from "~db/schema";
import type { MovementKind } from "./rules";

export class OutOfStock extends Error {}

/** Add (or take, with a negative delta) stock; throws OutOfStock rather than go below zero. */
export async function moveStock(
  tx: Executor,
  m: {
    warehouseId: string;
    itemId: string;
    delta: number;
    kind: MovementKind;
    reason?: string | null;
    distributionId?: string | null;
    actorId: string;
  },
) {
  if (m.delta > 0) {
    await tx
      .insert(stockBalances)
      .values({ warehouseId: m.warehouseId, itemId: m.itemId, quantity: m.delta })
      .onConflictDoUpdate({
        target: [stockBalances.warehouseId, stockBalances.itemId],
        set: { quantity: sql`${stockBalances.quantity} + ${m.delta}` },
      });
  } else {
    const [row] = await tx
      .update(stockBalances)
      .set({ quantity: sql`${stockBalances.quantity} + ${m.delta}` })
      .where(
        and(
          eq(stockBalances.warehouseId, m.warehouseId),
          eq(stockBalances.itemId, m.itemId),
          gte(stockBalances.quantity, -m.delta),
        ),
      )
      .returning({ quantity: stockBalances.quantity });
    if (!row) throw new OutOfStock();
  }
  await tx.insert(stockMovements).values({
    warehouseId: m.warehouseId,
    itemId: m.itemId,
    kind: m.kind,
    quantity: m.delta,
    reason: m.reason ?? null,
    distributionId: m.distributionId ?? null,
    actorId: m.actorId,
  });
}
