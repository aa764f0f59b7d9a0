/**
 * The outbox states, where pages can import them (no database code reaches the browser);
 * the schema's enum is made from this list (db/schema/notifications.ts).
 */
export const OUTBOX_STATES = [
  "queued",
  "not_configured",
  "sending",
  "accepted",
  "delivered",
  "failed",
  "expired",
] as const;

export type OutboxStateName = (typeof OUTBOX_STATES)[number];

/** Six digits: what a person types from an SMS on a phone keypad. */
export const CODE_LENGTH = 6;
