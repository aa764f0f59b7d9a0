import type { Executor } from "~db/client";

/**
 * A member of staff acting for a person in the office, as the services of other modules
 * take it: whose record it is, and how to write the on-behalf record in the transaction
 * of the act once its id is known. The services stay the same; only the owner changes.
 */
export type ForPerson = { personId: string; record: (tx: Executor, entityId: string) => Promise<void> };
