import type { MessageKey } from "~/i18n/translate";

/*
 * What forms share with the browser: types and small helpers, no zod. Parsing lives
 * in forms.server.ts, so zod and the schemas never reach the browser bundle.
 */

export type FieldErrors = Partial<Record<string, MessageKey>>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormSuccess<T> = { ok: true; data: T };

/** The values typed, to show again beside errors; never passwords or codes. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (/password|code/i.test(key) || typeof value !== "string" || key in values) continue;
    values[key] = value.slice(0, 2000);
  }
  return values;
}

/** Only same-site paths: never let a link send someone to another site after sign-in. */
export function safeRedirect(to: unknown, fallback = "/home"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
