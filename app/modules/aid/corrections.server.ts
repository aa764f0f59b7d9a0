/**
 * Correcting a hand-out made by mistake (the wrong person, the wrong household size),
 * the same Moroccan day: the distribution is marked corrected, never deleted, and each
 * item it took goes back to the stock by a reversal movement in the ledger. The person
 * can then receive the right hand-out (the one-per-round key counts live hand-outs only).
 *
 * Two people correcting the same hand-out at once: the conditional update lets exactly
 * one through, so the stock comes back once.
 */
import { and, eq, gte, isNull } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { aidItems, beneficiaryCases, distributionRounds, distributions, stockMovements } from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { fail, type Failure, type Meta } from "~/lib/result";
import { moroccoToday, startOfMoroccoDay } from "~/lib/morocco-time";
import { correctionRefusal } from "./rules";
import { moveStock } from "./stock.server";
import type { CorrectionPreview } from "./correction-step";
import { openNames, sealedNameColumns } from "~/modules/protection/identity.server";

/**
 * A hand-out of the actor's association with what it took from the stock; null when
 * there is none (or it belongs to another association): the caller answers 404.
 */
export async function getDistributionForActor(db: Executor, actor: Actor, distributionId: string) {
  if (actor.role !== "case_worker" || !actor.organisationId) return null;
  const [row] = await db
    .select({
      id: distributions.id,
      roundId: distributions.roundId,
      caseId: distributions.caseId,
      createdAt: distributions.createdAt,
      correctedAt: distributions.correctedAt,
      warehouseId: distributionRounds.warehouseId,
      ...sealedNameColumns,
      reference: beneficiaryCases.reference,
    })
    .from(distributions)
    .innerJoin(distributionRounds, eq(distributionRounds.id, distributions.roundId))
    .innerJoin(beneficiaryCases, eq(beneficiaryCases.id, distributions.caseId))
    .where(and(eq(distributions.id, distributionId), eq(distributionRounds.organisationId, actor.organisationId)));
  if (!row) return null;
  const taken = await db
    .select({
      itemId: stockMovements.itemId,
      quantity: stockMovements.quantity,
      nameFr: aidItems.nameFr,
      nameAr: aidItems.nameAr,
      nameEn: aidItems.nameEn,
    })
    .from(stockMovements)
    .innerJoin(aidItems, eq(aidItems.id, stockMovements.itemId))
    .where(and(eq(stockMovements.distributionId, row.id), eq(stockMovements.kind, "distribution")));
  const { firstNameEnc, lastNameEnc, nameArabicEnc, ...rest } = row;
  const { firstName, lastName } = openNames({ firstNameEnc, lastNameEnc, nameArabicEnc });
  return { ...rest, firstName, lastName, items: taken.map((m) => ({ ...m, quantity: Math.abs(m.quantity) })) };
}

export type DistributionForActor = NonNullable<Awaited<ReturnType<typeof getDistributionForActor>>>;

/**
 * What the correction step of a hand-out of this round shows; null when it may not be
 * corrected (another round or association, corrected already, not today): the round
 * page shows as usual.
 */
export async function correctionPreview(
  db: Executor,
  actor: Actor,
  roundId: string,
  distributionId: string,
  now = new Date(),
): Promise<CorrectionPreview | null> {
  const found = await getDistributionForActor(db, actor, distributionId);
  if (!found || found.roundId !== roundId || correctionRefusal(found, now)) return null;
  return {
    distributionId: found.id,
    name: `${found.firstName} ${found.lastName}`,
    reference: found.reference,
    createdAt: found.createdAt.toISOString(),
    items: found.items.map((i) => ({
      itemId: i.itemId,
      nameFr: i.nameFr,
      nameAr: i.nameAr,
      nameEn: i.nameEn,
      quantity: i.quantity,
    })),
  };
}

/** Reverse a hand-out of `found` (read by getDistributionForActor): stock back, row marked, audited. */
export async function correctDistribution(
  db: Database,
  actor: Actor,
  found: DistributionForActor,
  reason: string,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const now = meta.now ?? new Date();
  const refused = correctionRefusal(found, now);
  if (refused) return fail(409, { reason: `aid.correct.refused.${refused}` });
  return db.transaction(async (tx) => {
    const [marked] = await tx
      .update(distributions)
      .set({ correctedAt: now, correctedById: actor.id, correctionReason: reason })
      .where(
        and(
          eq(distributions.id, found.id),
          isNull(distributions.correctedAt),
          // held here too, not only by the check above: the same Moroccan day, once
          gte(distributions.createdAt, startOfMoroccoDay(moroccoToday(now))),
        ),
      )
      .returning({ id: distributions.id });
    if (!marked) return fail(409, { reason: "aid.correct.refused.already_corrected" });
    for (const item of found.items) {
      await moveStock(tx, {
        warehouseId: found.warehouseId,
        itemId: item.itemId,
        delta: item.quantity,
        kind: "reversal",
        reason,
        distributionId: found.id,
        actorId: actor.id,
      });
    }
    await auditRecord(tx, actor, "aid.distribution.correct", ["beneficiary_case", found.caseId], meta.ip);
    return { ok: true as const };
  });
}
