/**
 * The column shapes every table repeats, written once. Names come from the keys
 * (drizzle's snake_case casing), so a helper never names a column.
 */
import { customType, date, timestamp, uuid, type ReferenceConfig } from "drizzle-orm/pg-core";

/** The primary key of most tables: a random uuid. */
export const id = () => uuid().primaryKey().defaultRandom();

/** An instant (timestamptz): stored in UTC, shown in Morocco's time (app/lib/morocco-time.ts). */
export const instant = () => timestamp({ withTimezone: true });

/** When the row was written: an instant, required, now by default. */
export const stamp = () => instant().notNull().defaultNow();

/** A calendar day in Morocco, as "YYYY-MM-DD" (no time, no zone). */
export const day = () => date({ mode: "string" });

/** A uuid column pointing at another table's row (nullable: add .notNull() where the row needs one). */
export const ref = (target: ReferenceConfig["ref"], actions?: ReferenceConfig["actions"]) =>
  uuid().references(target, actions);

/** Raw bytes (attachments, issued reports): kept in PostgreSQL so every app server sees the same files. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return "bytea";
  },
});
