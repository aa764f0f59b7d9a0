/**
 * Correcting a distribution round before its hand-out starts: its name, dates, rule
 * (per person or per household) and eligibility, and removing an item from its kit.
 * Once one person has received the round, nothing of it changes, so that everyone
 * receives the same (a hand-out made by mistake is corrected on its own:
 * corrections.server.ts). The round's row is locked for update while a correction
 * checks that no hand-out exists; a hand-out locks it for share, so the two take turns.
 */
import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { distributionRounds, distributions, roundItems } from "~db/schema";
import { changedFields } from "~/lib/changes";
import { fail, type Failure, type Meta } from "~/lib/result";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { kitKeepsAnItem } from "./rules";
import type { CorrectRoundInput } from "./schemas.server";

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/** The association a case worker hands out for; anyone else is refused. */
export function orgOf(actor: Actor): string {
  if (actor.role !== "case_worker" || !actor.organisationId) throw new Response("Forbidden", { status: 403 });
  return actor.organisationId;
}

/**
 * Locks the round for update and refuses (409, on `field`) once anything was handed
 * out from it, a corrected hand-out included: the kit people received stays as it was.
 */
export async function startedRoundRefusal(tx: Executor, roundId: string, field: string): Promise<Failure | null> {
  await tx
    .select({ id: distributionRounds.id })
    .from(distributionRounds)
    .where(eq(distributionRounds.id, roundId))
    .for("update");
  const [given] = await tx
    .select({ id: distributions.id })
    .from(distributions)
    .where(eq(distributions.roundId, roundId))
    .limit(1);
  return given ? fail(409, { [field]: "aid.errors.roundStarted" }) : null;
}

/** The actor's association's round, or a 404. */
export async function ownRound(db: Executor, actor: Actor, roundId: string) {
  const [round] = await db
    .select()
    .from(distributionRounds)
    .where(and(eq(distributionRounds.id, roundId), eq(distributionRounds.organisationId, orgOf(actor))));
  return round ?? notFound();
}

/** Name, dates, rule and eligibility as corrected; the audit row names the fields changed. */
export async function correctRound(
  db: Database,
  actor: Actor,
  roundId: string,
  input: CorrectRoundInput,
  meta: Meta,
): Promise<{ ok: true; fields: string[] } | Failure> {
  const round = await ownRound(db, actor, roundId);
  return db.transaction(async (tx) => {
    const started = await startedRoundRefusal(tx, round.id, "form");
    if (started) return started;
    const [stored] = await tx.select().from(distributionRounds).where(eq(distributionRounds.id, round.id));
    const { fields, changes } = changedFields(stored!, {
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      perHousehold: input.perHousehold,
      eligibilityVulnerability: input.eligibilityVulnerability ?? null,
    });
    if (fields.length === 0) return { ok: true as const, fields };
    await tx.update(distributionRounds).set(changes).where(eq(distributionRounds.id, round.id));
    await auditRecord(tx, actor, "aid.round.correct", ["distribution_round", round.id], meta.ip, fields);
    return { ok: true as const, fields };
  });
}

/** An item taken out of the kit before the hand-out starts; the kit keeps at least one. */
export async function removeRoundItem(
  db: Database,
  actor: Actor,
  roundId: string,
  itemId: string,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const round = await ownRound(db, actor, roundId);
  return db.transaction(async (tx) => {
    const started = await startedRoundRefusal(tx, round.id, "itemId");
    if (started) return started;
    // the round's lock (above) keeps two removals from both seeing two items
    const kit = await tx.select({ itemId: roundItems.itemId }).from(roundItems).where(eq(roundItems.roundId, round.id));
    if (!kit.some((i) => i.itemId === itemId)) return fail(400, { itemId: "errors.invalid" });
    if (!kitKeepsAnItem(kit.length - 1)) return fail(409, { itemId: "aid.errors.lastItem" });
    await tx.delete(roundItems).where(and(eq(roundItems.roundId, round.id), eq(roundItems.itemId, itemId)));
    await auditRecord(tx, actor, "aid.round.item.remove", ["distribution_round", round.id], meta.ip, ["items"]);
    return { ok: true as const };
  });
}
