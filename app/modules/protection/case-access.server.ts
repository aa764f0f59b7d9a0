/**
 * What every write on a case file checks first: the actor's scope is re-checked here,
 * so no route can skip it.
 */
import type { Executor } from "~db/client";
import type { BeneficiaryCase } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { getCaseForActor, isSupervisor, ownsCase } from "./queries.server";

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** A case the actor may reach, or 404. */
export async function requireCase(db: Executor, actor: Actor, caseId: string): Promise<BeneficiaryCase> {
  return (await getCaseForActor(db, actor, caseId)) ?? notFound();
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
