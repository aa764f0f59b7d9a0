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
 * as absent, as in parseForm; errors are keyed by the field's full name.
 */
export function parseRowsForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): FormSuccess<z.output<S>> | FormFailure {
  const withNul = refuseNul(formData);
  if (withNul) return withNul;
  const submission = parseWithZod(formData, { schema });
  if (submission.status === "success") return { ok: true, data: submission.value };
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    const message = messages?.[0];
    if (message) errors[name || "form"] ??= message as MessageKey;
  }
  if (!Object.keys(errors).length) errors.form = "errors.invalid";
  return { ok: false, errors, values: formValues(formData) };
}
