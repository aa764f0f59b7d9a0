/**
 * Writes of aid. Stock limits live in the database: the balance row has a check
 * (quantity >= 0) and every decrement is a conditional update that returns nothing
 * when the stock is short; each balance change writes its ledger movement in the
 * same transaction, so the ledger always sums to the balance.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, gte, isNull } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import {
  aidItems,
  beneficiaryCases,
  caseConsents,
  distributionRounds,
  distributions,
  roundItems,
  vouchers,
  warehouses,
} from "~db/schema";
import { audit, auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { latestVulnerability } from "~/modules/protection/queries.server";
import { requireCase } from "~/modules/protection/service.server";
import {
  ineligibility,
  normaliseVoucherCode,
  quantityFor,
  voucherCodeFrom,
  voucherExpiresOn,
  voucherState,
  type IneligibleReason,
} from "./rules";
import type { MovementInput, RoundInput } from "./schemas.server";
import { fail, type Failure, type Meta } from "~/lib/result";
import { moveStock, OutOfStock } from "./stock.server";
import { moroccoToday } from "~/lib/morocco-time";
import { notFound, orgOf, ownRound, startedRoundRefusal } from "./rounds.server";

async function ownWarehouse(db: Executor, org: string, warehouseId: string) {
  const [w] = await db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.organisationId, org)));
  return w ?? notFound();
}

/** An item a round can hand out (anything but a voucher), or null. */
async function kitItem(db: Executor, itemId: string) {
  const [item] = await db
    .select({ id: aidItems.id, kind: aidItems.kind })
    .from(aidItems)
    .where(eq(aidItems.id, itemId));
  return item && item.kind !== "voucher" ? item : null;
}

export async function recordMovement(
  db: Database,
  actor: Actor,
  warehouseId: string,
  input: MovementInput,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const org = orgOf(actor);
  const warehouse = await ownWarehouse(db, org, warehouseId);
  const [item] = await db.select({ id: aidItems.id }).from(aidItems).where(eq(aidItems.id, input.itemId));
  if (!item) return fail(400, { itemId: "errors.invalid" });
  let target: { id: string } | null = null;
  if (input.kind === "transfer_out") {
    const [w] = await db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, input.toWarehouseId ?? ""));
    if (!w || w.id === warehouse.id) return fail(400, { toWarehouseId: "errors.invalid" });
    target = w;
  }
  try {
    await db.transaction(async (tx) => {
      if (input.kind === "receipt" || input.kind === "adjustment") {
        await moveStock(tx, {
          warehouseId: warehouse.id,
          itemId: item.id,
          delta: input.quantity,
          kind: input.kind,
          reason: input.reason,
          actorId: actor.id,
        });
      } else if (target) {
        await moveStock(tx, {
          warehouseId: warehouse.id,
          itemId: item.id,
          delta: -input.quantity,
          kind: "transfer_out",
          reason: input.reason,
          actorId: actor.id,
        });
        await moveStock(tx, {
          warehouseId: target.id,
          itemId: item.id,
          delta: input.quantity,
          kind: "transfer_in",
          reason: input.reason,
          actorId: actor.id,
        });
      }
      await auditRecord(tx, actor, `aid.stock.${input.kind}`, ["warehouse", warehouse.id], meta.ip);
    });
  } catch (error) {
    if (error instanceof OutOfStock) return fail(409, { quantity: "aid.errors.outOfStock" });
    throw error;
  }
  return { ok: true };
}

export async function createRound(
  db: Database,
  actor: Actor,
  input: RoundInput,
  meta: Meta,
): Promise<{ ok: true; roundId: string } | Failure> {
  const org = orgOf(actor);
  await ownWarehouse(db, org, input.warehouseId);
  const item = await kitItem(db, input.itemId);
  if (!item) return fail(400, { itemId: "errors.invalid" });
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(distributionRounds)
      .values({
        organisationId: org,
        warehouseId: input.warehouseId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        perHousehold: input.perHousehold,
        eligibilityVulnerability: input.eligibilityVulnerability ?? null,
        createdById: actor.id,
      })
      .returning({ id: distributionRounds.id });
    await tx.insert(roundItems).values({ roundId: round!.id, itemId: item.id, quantity: input.quantity });
    await auditRecord(tx, actor, "aid.round.create", ["distribution_round", round!.id], meta.ip);
    return { ok: true as const, roundId: round!.id };
  });
}

/** Add an item to a round, before anything is handed out (so everyone gets the same). */
export async function addRoundItem(
  db: Database,
  actor: Actor,
  roundId: string,
  itemId: string,
  quantity: number,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const round = await ownRound(db, actor, roundId);
  const item = await kitItem(db, itemId);
  if (!item) return fail(400, { itemId: "errors.invalid" });
  return db.transaction(async (tx) => {
    const started = await startedRoundRefusal(tx, round.id, "itemId");
    if (started) return started;
    await tx
      .insert(roundItems)
      .values({ roundId: round.id, itemId: item.id, quantity })
      .onConflictDoUpdate({ target: [roundItems.roundId, roundItems.itemId], set: { quantity } });
    await auditRecord(tx, actor, "aid.round.item", ["distribution_round", round.id], meta.ip);
    return { ok: true as const };
  });
}

export async function eligibilityOf(
  db: Executor,
  round: typeof distributionRounds.$inferSelect,
  caseId: string,
  today = moroccoToday(),
): Promise<IneligibleReason | null> {
  const [c] = await db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId));
  if (!c) return "other_association";
  const [consent] = await db
    .select()
    .from(caseConsents)
    .where(eq(caseConsents.caseId, c.id))
    .orderBy(desc(caseConsents.givenAt))
    .limit(1);
  const vulnerability = round.eligibilityVulnerability ? await latestVulnerability(db, c.id) : null;
  return ineligibility({
    round,
    beneficiary: {
      organisationId: c.organisationId,
      status: c.status,
      anonymised: Boolean(c.anonymisedAt),
      consentToServices: Boolean(consent && consent.services && !consent.withdrawnAt),
      vulnerabilities: vulnerability?.flags ?? [],
    },
    today,
  });
}

/**
 * Hand a round's items to one beneficiary: at most once (unique round+case), never
 * beyond the stock (conditional decrement), all or nothing.
 */
export async function recordDistribution(
  db: Database,
  actor: Actor,
  roundId: string,
  caseId: string,
  meta: Meta,
): Promise<{ ok: true; distributionId: string } | Failure> {
  const round = await ownRound(db, actor, roundId);
  const c = await requireCase(db, actor, caseId);
  try {
    return await db.transaction(async (tx) => {
      // the round as it stands once locked: a correction made before the first hand-out
      // (which takes this row for update) cannot change the kit or the rules in between
      const [locked] = await tx
        .select()
        .from(distributionRounds)
        .where(eq(distributionRounds.id, round.id))
        .for("share");
      const reason = await eligibilityOf(tx, locked!, c.id);
      if (reason) return fail(409, { caseId: `aid.ineligible.${reason}` });
      const items = await tx.select().from(roundItems).where(eq(roundItems.roundId, round.id));
      const [given] = await tx
        .insert(distributions)
        .values({ roundId: round.id, caseId: c.id, handedOutById: actor.id })
        .onConflictDoNothing()
        .returning({ id: distributions.id });
      if (!given) return fail(409, { caseId: "aid.errors.alreadyReceived" });
      for (const item of items) {
        const quantity = quantityFor(item.quantity, locked!.perHousehold, c.householdSize);
        await moveStock(tx, {
          warehouseId: locked!.warehouseId,
          itemId: item.itemId,
          delta: -quantity,
          kind: "distribution",
          distributionId: given.id,
          actorId: actor.id,
        });
      }
      await auditRecord(tx, actor, "aid.distribution.record", ["beneficiary_case", c.id], meta.ip);
      return { ok: true as const, distributionId: given.id };
    });
  } catch (error) {
    if (error instanceof OutOfStock) return fail(409, { caseId: "aid.errors.outOfStock" });
    throw error;
  }
}

export async function issueVoucher(
  db: Database,
  actor: Actor,
  caseId: string,
  itemId: string,
  meta: Meta,
): Promise<{ ok: true; voucherId: string } | Failure> {
  const org = orgOf(actor);
  const c = await requireCase(db, actor, caseId);
  if (c.organisationId !== org || c.anonymisedAt || c.status !== "open")
    return fail(400, { itemId: "aid.ineligible.closed" });
  const [item] = await db
    .select()
    .from(aidItems)
    .where(and(eq(aidItems.id, itemId), eq(aidItems.kind, "voucher")));
  if (!item?.faceValueCentimes) return fail(400, { itemId: "errors.invalid" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(vouchers)
      .values({
        caseId: c.id,
        organisationId: org,
        code: voucherCodeFrom(randomBytes(13)),
        valueCentimes: item.faceValueCentimes!,
        issuedById: actor.id,
        expiresOn: voucherExpiresOn(moroccoToday()),
      })
      .returning({ id: vouchers.id });
    await auditRecord(tx, actor, "aid.voucher.issue", ["beneficiary_case", c.id], meta.ip);
    return { ok: true as const, voucherId: row!.id };
  });
}

/**
 * Redeem once, at the association itself (no shop): the conditional update lets exactly
 * one of any number of simultaneous attempts through, and never an expired voucher.
 */
export async function redeemVoucher(
  db: Database,
  actor: Actor,
  code: string,
  meta: Meta,
): Promise<{ ok: true; valueCentimes: number } | Failure> {
  const org = orgOf(actor);
  const normalised = normaliseVoucherCode(code);
  const today = moroccoToday(meta.now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(vouchers)
      .set({ redeemedAt: new Date(), redeemedById: actor.id })
      .where(
        and(
          eq(vouchers.code, normalised),
          eq(vouchers.organisationId, org),
          isNull(vouchers.redeemedAt),
          gte(vouchers.expiresOn, today),
        ),
      )
      .returning({ id: vouchers.id, valueCentimes: vouchers.valueCentimes });
    if (!row) {
      const [existing] = await tx
        .select({ id: vouchers.id, redeemedAt: vouchers.redeemedAt, expiresOn: vouchers.expiresOn })
        .from(vouchers)
        .where(and(eq(vouchers.code, normalised), eq(vouchers.organisationId, org)));
      await auditRecord(
        tx,
        actor,
        existing ? "aid.voucher.redeem_refused" : "aid.voucher.redeem_unknown",
        ["voucher", existing?.id ?? null],
        meta.ip,
      );
      if (!existing) return fail(404, { code: "aid.errors.voucherUnknown" });
      const state = voucherState(existing, today);
      return fail(409, { code: state === "expired" ? "aid.errors.voucherExpired" : "aid.errors.voucherUsed" });
    }
    await audit(tx, { actor, action: "aid.voucher.redeem", entityType: "voucher", entityId: row.id, ip: meta.ip });
    return { ok: true as const, valueCentimes: row.valueCentimes };
  });
}
