/**
 * What every write on a case file checks first: the actor's scope is re-checked here,
 * so no route can skip it.
 */
import type { Executor } from "~db/client";
import type { BeneficiaryCase } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { isSupervisor, ownsCase } from "./queries.server";
import { getCaseForActor, liveRequestsTo } from "./reach.server";

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/**
 * A case the actor works on (its association's, or referred to it and accepted), or a
 * refusal: 403 to a receiving association whose request is still pending (it sees the
 * shared sections, it writes nothing), 404 to everyone else.
 */
export async function requireCase(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase> {
  const c = await getCaseForActor(db, actor, caseId);
  if (c) return c;
  if ((await liveRequestsTo(db, actor, caseId)).length) forbidden();
  notFound();
}

/** Only the association that owns the case changes it; a referred association reads it. */
export async function requireOwnCase(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase> {
  const c = await requireCase(db, actor, caseId);
  if (!ownsCase(actor, c)) forbidden();
  if (c.anonymisedAt) forbidden();
  return c;
}

export async function requireSupervisorOfCase(db: Executor, actor: Actor, caseId: string) {
  const c = await requireCase(db, actor, caseId);
  if (!ownsCase(actor, c) || !(await isSupervisor(db, actor.id))) forbidden();
  return c;
}
