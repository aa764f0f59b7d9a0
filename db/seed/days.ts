/** Days and times of the demo data, counted from today on Morocco's clock. */
import { addDays, moroccoInstant, moroccoToday } from "../../app/lib/morocco-time";

/** A day counted from today in Morocco (negative: in the past). */
export function isoDay(offsetDays: number): string {
  return addDays(moroccoToday(), offsetDays);
}

/** An hour on Morocco's clock, on a day counted from today. */
export function at(offsetDays: number, hour = 9): Date {
  return moroccoInstant(isoDay(offsetDays), `${String(hour).padStart(2, "0")}:00`);
}
