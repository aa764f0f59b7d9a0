/**
 * What a hand-out gives, shown before it is recorded (issue 13): each item and its
 * quantity for this person's household. Offered only for a case the actor's association
 * may hand this round to and that has not received it yet.
 */
import type { Database } from "~db/client";
import type { Trilingual } from "~/lib/localized";
import type { Actor } from "~/modules/auth/permissions";
import { getCaseForActor } from "~/modules/protection/reach.server";
import { quantityFor } from "./rules";

export async function handOutPreview(
  db: Database,
  actor: Actor,
  round: { perHousehold: boolean },
  items: (Trilingual<"name"> & { itemId: string; quantity: number })[],
  caseId: string,
  received: Set<string>,
) {
  const c = await getCaseForActor(db, actor, caseId);
  if (!c || c.organisationId !== actor.organisationId || c.status !== "open" || received.has(c.id)) return null;
  return {
    caseId: c.id,
    name: `${c.firstName} ${c.lastName}`,
    reference: c.reference,
    householdSize: c.householdSize,
    items: items.map((i) => ({
      itemId: i.itemId,
      nameFr: i.nameFr,
      nameAr: i.nameAr,
      nameEn: i.nameEn,
      quantity: quantityFor(i.quantity, round.perHousehold, c.householdSize),
    })),
  };
}
