/**
 * Form fields every module types the same way, read by one rule each: an amount
 * (app/lib/money.ts) and a calendar day (app/lib/morocco-time.ts). A field that a
 * column would refuse ("2026-02-31", "12,500") is a field error here, never a 500.
 */
import type { MessageKey } from "~/i18n/translate";
import { z } from "./forms.server";
import { parseMoney, type Currency } from "./money";
import { isIsoDate } from "./morocco-time";
import { isUuid } from "./ids";
import { isCode, type Code, type CodeKind } from "~/i18n/codes";

/** An amount as typed, to minor units; `min`/`max` in minor units bound what this field accepts. */
export function moneyField(
  message: MessageKey = "errors.money",
  options: { currency?: Currency; min?: number; max?: number } = {},
) {
  return z
    .string()
    .max(64, message)
    .transform((value, ctx) => {
      const centimes = parseMoney(value, options.currency);
      if (
        centimes === null ||
        (options.min !== undefined && centimes < options.min) ||
        (options.max !== undefined && centimes > options.max)
      ) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return centimes;
    });
}

/** A real calendar day, YYYY-MM-DD, as <input type="date"> posts it. */
export function dateField(message: MessageKey = "errors.invalid") {
  return z.string().refine(isIsoDate, { message });
}

/** A wall-clock time on Morocco's clock, HH:MM, as <input type="time"> posts it. */
export function timeField(message: MessageKey = "errors.invalid") {
  return z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);
}

/**
 * An id posted by a form (a hidden field, a select of rows): what isUuid accepts, the one
 * check of app/lib/ids.ts, so a forged value is a field error and never reaches a uuid column.
 * In lower case, as the database gives ids back, so that it compares equal to them.
 */
export function idField(message: MessageKey = "errors.invalid") {
  return z
    .string()
    .refine(isUuid, { message })
    .transform((id) => id.toLowerCase());
}

/**
 * Ticked checkboxes of one name: none posts nothing, one posts a string, several an
 * array; always an array here, each value checked by `item`.
 */
export function checkedField<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/**
 * A code of one of the code lists (app/i18n/codes.ts), as a select posts it: anything
 * else is a field error ("choose from the list"), never a value the database refuses.
 */
export function codeField<K extends CodeKind>(kind: K, message: MessageKey = "codes.errors.unknown") {
  return z
    .string()
    .refine((v) => isCode(kind, v), { message })
    .transform((v) => v as Code<K>);
}

/**
 * A person's sex as the form offers it (woman, man; `withOther` adds "other"): a value
 * not offered is an error naming the field and the choices, never a generic "invalid".
 */
export function sexField(withOther = false) {
  return withOther
    ? z.enum(["female", "male", "other"], { message: "errors.sex.chooseWithOther" })
    : z.enum(["female", "male"], { message: "errors.sex.choose" });
}

/** Whether the person is a migrant in Morocco or a Moroccan national, as the form offers it. */
export function residentStatusField() {
  return z.enum(["migrant", "moroccan"], { message: "errors.residentStatus.choose" });
}

/** Ticked codes of one list (checkboxes of one name), each checked, none repeated. */
export function codesField<K extends CodeKind>(kind: K, message: MessageKey = "codes.errors.unknown") {
  // checked as a whole, so the error belongs to the group of boxes, not to its n-th value
  return checkedField(z.string())
    .refine((codes) => codes.every((c) => isCode(kind, c)), { message })
    .transform((codes) => [...new Set(codes.filter((c): c is Code<K> => isCode(kind, c)))]);
}
