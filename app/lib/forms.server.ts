import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import type { MessageKey } from "~/i18n/translate";
import { formValues, type FieldErrors, type FormFailure, type FormSuccess } from "./forms";

export * from "./forms";

/**
 * zod's own messages never reach a user: every issue becomes a message key, which
 * the page translates. Schemas name their specific keys; this maps the rest.
 */
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "errors.required";
    if (issue.code === "too_big" && issue.origin === "string") return "errors.tooLong";
    if (issue.code === "too_small" && issue.origin === "string") return "errors.required";
    if (issue.code === "invalid_value" || issue.code === "invalid_format") return "errors.invalid";
    if (issue.code === "too_small" || issue.code === "too_big") return "errors.outOfRange";
    return "errors.invalid";
  },
});

export { z };

/**
 * Parse posted form data with a schema. Empty fields count as absent. On failure,
 * return the first error of each field as a message key, and the values typed
 * (never passwords) so the form can show them again.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormSuccess<z.infer<S>> | FormFailure {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = raw[key];
    if (existing === undefined) raw[key] = value;
    else raw[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const withNul = refuseNul(formData);
  if (withNul) return withNul;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && value.trim() === "") continue;
    input[key] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "form";
    if (!errors[field]) errors[field] = issue.message as MessageKey;
  }
  return { ok: false, errors, values: formValues(formData) };
}

/** PostgreSQL text cannot hold NUL: refuse it here, as a field error, not a 500 later. */
function refuseNul(formData: FormData): FormFailure | null {
  const errors: FieldErrors = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && value.includes("\u0000")) errors[key] = "errors.invalid";
  }
  return Object.keys(errors).length ? { ok: false, errors, values: formValues(formData) } : null;
}

/**
 * For forms with repeated rows (experience, financial lines, competitors, criteria):
 * fields named as conform names them, `rows[0].label`, reach the schema as an array
 * of objects, parsed by conform's parseWithZod (server side only). Empty fields count
 * as absent, as in parseForm; errors are keyed by the field's full name. `payload` is
 * the form as typed, nested the same way (strings, rows as arrays), to show it again.
 */
export function parseRowsForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): (FormSuccess<z.output<S>> | FormFailure) & { payload: Record<string, unknown> } {
  const submission = parseWithZod(formData, { schema });
  const payload = submission.payload;
  const withNul = refuseNul(formData);
  if (withNul) return { ...withNul, payload };
  if (submission.status === "success") return { ok: true, data: submission.value, payload };
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    const message = messages?.[0];
    if (message) errors[name || "form"] ??= message as MessageKey;
  }
  if (!Object.keys(errors).length) errors.form = "errors.invalid";
  return { ok: false, errors, values: formValues(formData), payload };
}

/** A row whose fields `keys` (all by default) are absent, empty or only spaces. */
function isBlankRow(row: unknown, keys?: readonly string[]): boolean {
  if (row === null || row === undefined) return true;
  if (typeof row !== "object") return false;
  const fields: Record<string, unknown> = { ...row };
  return (keys ?? Object.keys(fields)).every((k) => {
    const v = fields[k];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
}

/**
 * The rows of a list (parseRowsForm): a blank row is left out, where the person left
 * it, without moving the others (so an error names the row the page shows); at most
 * `max` rows are posted, or the list has the error `tooMany`.
 */
export function rowList<S extends z.ZodType>(row: S, max: number, tooMany: MessageKey, keys?: readonly string[]) {
  return z
    .array(z.preprocess((value) => (isBlankRow(value, keys) ? undefined : value), row.optional()))
    .max(max, tooMany)
    .default([])
    .transform((rows) => rows.filter((r): r is z.output<S> => r !== undefined));
}

const ROW_FIELD = /^(\w+)\[(\d+)\](.*)$/;

/**
 * The form as posted, with its rows of `list` renumbered: `at` maps each row's index to
 * its new one (null drops the row). Lets a row button of a form without JavaScript
 * ("remove line 2") act on the form before the rows are parsed, so errors and values
 * come back under the names the page shows next.
 */
function renumberRows(formData: FormData, list: string, at: (index: number) => number | null): FormData {
  const next = new FormData();
  for (const [key, value] of formData.entries()) {
    const match = ROW_FIELD.exec(key);
    if (!match || match[1] !== list) {
      next.append(key, value);
      continue;
    }
    const index = at(Number(match[2]));
    if (index !== null) next.append(`${list}[${index}]${match[3]}`, value);
  }
  return next;
}

/** Without row `index` of `list`: the rows after it move up one. */
export function withoutRow(formData: FormData, list: string, index: number): FormData {
  return renumberRows(formData, list, (i) => (i === index ? null : i > index ? i - 1 : i));
}

/** The fields of row `index` of `list` as posted (the first value of each). */
export function rowAt(formData: FormData, list: string, index: number): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    const match = ROW_FIELD.exec(key);
    if (match && match[1] === list && Number(match[2]) === index && typeof value === "string")
      row[match[3]?.replace(/^\./, "") ?? ""] ??= value;
  }
  return row;
}

/** With `row` put back at `index` of `list`: the rows from there move down one. */
export function withRow(formData: FormData, list: string, index: number, row: Record<string, string>): FormData {
  const next = renumberRows(formData, list, (i) => (i >= index ? i + 1 : i));
  for (const [field, value] of Object.entries(row)) next.append(`${list}[${index}].${field}`, value);
  return next;
}
