import type { MessageKey } from "~/i18n/translate";

/*
 * What forms share with the browser: types and small helpers, no zod. Parsing lives
 * in forms.server.ts, so zod and the schemas never reach the browser bundle.
 */

export type FieldErrors = Partial<Record<string, MessageKey>>;

/** What a refused submit echoes back to its form: the errors, and the values typed. */
export type FormEcho = { errors?: FieldErrors; values?: Record<string, string> };
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormSuccess<T> = { ok: true; data: T };

/**
 * The values typed, to show again beside errors; never passwords or codes. A field is
 * its first value; a field posted more than once (boxes ticked under one name) also
 * has all its values, one a line, under `name[]`: read them with `isTicked`.
 */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  // one value a line: a line break inside a value must not read as two boxes
  const line = (v: string) => v.slice(0, 200).replace(/[\r\n]/g, " ");
  for (const [key, value] of formData.entries()) {
    if (/password|code/i.test(key) || typeof value !== "string") continue;
    const first = values[key];
    if (first === undefined) values[key] = value.slice(0, 2000);
    else values[`${key}[]`] = `${values[`${key}[]`] ?? line(first)}\n${line(value)}`.slice(0, 20_000);
  }
  return values;
}

/** Whether the box `name` = `value` was ticked on the refused form whose values these are. */
export function isTicked(values: Record<string, string> | undefined, name: string, value: string): boolean {
  return tickedValues(values, name).includes(value);
}

/** Every box of `name` ticked on the refused form whose values these are. */
export function tickedValues(values: Record<string, string> | undefined, name: string): string[] {
  const one = values?.[name];
  if (one === undefined) return [];
  return values?.[`${name}[]`]?.split("\n") ?? [one];
}

/** The name of a field of a repeated row, as conform reads it: `costs[2].item`. */
export function rowField(list: string, index: number, field: string): string {
  return `${list}[${index}].${field}`;
}

/** Rows as the flat values a form shows, under their row names. */
export function rowValues(list: string, rows: readonly Record<string, string>[]): Record<string, string> {
  const values: Record<string, string> = {};
  rows.forEach((row, i) => {
    for (const [field, value] of Object.entries(row)) values[rowField(list, i, field)] = value;
  });
  return values;
}

const REDIRECT_BASE = "http://portal.invalid";

/**
 * Only paths of this portal: never let a link send someone to another site after sign-in.
 * An absolute path, parsed as a URL against the portal's origin, must keep that origin;
 * control characters and backslashes (which browsers drop or read as "/") are refused,
 * and what is returned is the parsed path, query and fragment, not the input, and only
 * when that too stays on the portal.
 */
export function safeRedirect(to: unknown, fallback = "/home"): string {
  // eslint-disable-next-line no-control-regex
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  // dot segments resolve away: "/.//evil.example" parses as the path "//evil.example", which
  // a browser reads as another site; what goes out must itself be a path of this portal
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || new URL(path, REDIRECT_BASE).origin !== REDIRECT_BASE) return fallback;
  return path;
}

/**
 * A stored record as the values a correction form starts from: text as it is, numbers
 * as text, null as empty, a list as its ticked boxes (the shape `formValues` gives).
 */
export function recordValues(record: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      values[key] = String(value[0]);
      values[`${key}[]`] = value.map(String).join("\n");
    } else if (typeof value === "string" || typeof value === "number") values[key] = String(value);
    else if (value === null || value === undefined) values[key] = "";
  }
  return values;
}
