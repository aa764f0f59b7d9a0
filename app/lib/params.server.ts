/**
 * Route parameters and query strings, read one way in every loader and action.
 *
 * A path segment names a thing: when it cannot name one (not a uuid, not a known
 * step), the page does not exist: 404. A query string is the visitor's request:
 * a value that cannot be read (31 February, month 99, "abc" for a number, a choice
 * not offered) is answered 400 with a translated message naming the parameter.
 * Never a 500 from PostgreSQL refusing the value, and never a silent correction
 * that shows another page than the one asked for.
 */
import type { Params } from "@remix-run/react";
import type { AppLoadContext } from "@remix-run/node";
import { LOCALES, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import type { MessageKey } from "~/i18n/translate";
import { z } from "./forms.server";
import { isUuid } from "./ids";
import { isIsoDate } from "./morocco-time";

type RouteArgs = { params: Params; request: Request; context: AppLoadContext };

function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * The uuid in the path segment `name` (e.g. "callId"); 404 when it is not one. In lower
 * case, as PostgreSQL gives ids back: the same id in capitals reads the same row, so it
 * must also compare equal to it (the owner of a CV, an id in a list).
 */
export function idParam(args: Pick<RouteArgs, "params">, name: string): string {
  const value = args.params[name];
  if (!isUuid(value)) notFound();
  return value.toLowerCase();
}

/** A path segment that must be one of `values` (a step, a language); 404 otherwise. */
export function oneOfParam<const T extends string>(
  args: Pick<RouteArgs, "params">,
  name: string,
  values: readonly T[],
): T {
  const value = args.params[name];
  if (typeof value !== "string" || !(values as readonly string[]).includes(value)) notFound();
  return value as T;
}

/** A free path segment (a verification code), cut to `max` characters; 404 when absent. */
export function textParam(args: Pick<RouteArgs, "params">, name: string, max: number): string {
  const value = args.params[name];
  if (typeof value !== "string" || value === "" || value.length > max || value.includes("\u0000")) notFound();
  return value;
}

/** 400 with a translated message naming the query parameter; the error page shows it. */
export function badQuery(context: Pick<AppLoadContext, "locale">, field: string, key: MessageKey): never {
  const message = serverT(context.locale)(key, { field });
  throw new Response(JSON.stringify({ key, field, message }), {
    status: 400,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

/**
 * The schemas `query.*` made, one per kind and arguments, and the object schemas
 * `parseQuery` made of them, one per shape: a zod 4 schema compiles its parser on its
 * first use (about 0.2 ms for a one-field object), so a shape written inline in a loader
 * (`{ notes: query.int(1, 100_000) }`) is made and compiled once, not on every request
 * (issue 19). Both are bounded: past `MADE_MAX` entries schemas are made afresh, as before.
 */
const MADE_MAX = 1000;
const fieldSchemas = new Map<string, z.ZodType>();
const fieldIds = new WeakMap<z.ZodType, number>();
const objectSchemas = new Map<string, z.ZodObject<z.ZodRawShape>>();

function madeOnce<T extends z.ZodType>(key: string, make: () => T): T {
  const kept = fieldSchemas.get(key);
  if (kept) return kept as T;
  const schema = make();
  if (fieldSchemas.size < MADE_MAX) {
    fieldSchemas.set(key, schema);
    fieldIds.set(schema, fieldSchemas.size);
  }
  return schema;
}

/** `z.object(shape)`, the same object for shapes made of the same `query.*` fields under the same names. */
function objectOf<S extends z.ZodRawShape>(shape: S): z.ZodObject<S> {
  let key = "";
  for (const [name, field] of Object.entries(shape)) {
    const id = fieldIds.get(field as z.ZodType);
    // a schema not made by `query.*` may be new on every call: never kept
    if (id === undefined) return z.object(shape);
    key += `${name}\u0000${id}\u0000`;
  }
  const kept = objectSchemas.get(key);
  if (kept) return kept as unknown as z.ZodObject<S>;
  const schema = z.object(shape);
  if (objectSchemas.size < MADE_MAX) objectSchemas.set(key, schema as unknown as z.ZodObject<z.ZodRawShape>);
  return schema;
}

/*
 * Field types for query strings: each optional (an absent or blank parameter is
 * absent), each with the message its failure shows.
 */
export const query = {
  /** A real calendar day, YYYY-MM-DD. */
  date: () => madeOnce("date", () => z.string().refine(isIsoDate, { message: "errors.query.date" }).optional()),
  /** A calendar month, YYYY-MM (a month field's value). */
  month: () =>
    madeOnce("month", () =>
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "errors.query.month")
        .optional(),
    ),
  /** A whole number within bounds. */
  int: (min: number, max: number) =>
    madeOnce(`int\u0000${min}\u0000${max}`, () =>
      z
        .string()
        .regex(/^-?\d{1,15}$/, "errors.query.number")
        .transform(Number)
        .pipe(z.number().int().min(min, "errors.query.number").max(max, "errors.query.number"))
        .optional(),
    ),
  /** One of the choices the page offers. */
  oneOf: <const T extends string>(values: readonly T[]) =>
    madeOnce(`oneOf\u0000${values.join("\u0000")}`, () =>
      z
        .string()
        .refine((v): v is T => (values as readonly string[]).includes(v), { message: "errors.query.choice" })
        .transform((v) => v as T)
        .optional(),
    ),
  /** An id (a filter on an organisation, a call). */
  id: () =>
    madeOnce("id", () =>
      z
        .string()
        .refine(isUuid, { message: "errors.query.invalid" })
        .transform((id) => id.toLowerCase())
        .optional(),
    ),
  /** Free text (a search), trimmed, at most `max` characters. */
  text: (max: number) =>
    madeOnce(`text\u0000${max}`, () =>
      z
        .string()
        .trim()
        .max(max, "errors.query.tooLong")
        .refine((v) => !v.includes("\u0000"), { message: "errors.query.invalid" })
        .optional(),
    ),
};

/**
 * The query string of the request, read with a shape built from `query.*`.
 * Parameters the shape does not name are ignored (trackers, cache busters); a
 * repeated parameter counts by its last value; blank values count as absent.
 */
export function parseQuery<S extends z.ZodRawShape>(
  args: Pick<RouteArgs, "request" | "context">,
  shape: S,
): z.infer<z.ZodObject<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of new URL(args.request.url).searchParams) {
    if (!Object.hasOwn(shape, key)) continue;
    if (value.trim() === "") delete raw[key];
    else raw[key] = value;
  }
  const result = objectOf(shape).safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length ? String(issue.path[0]) : "query";
  const key = issue?.message.startsWith("errors.query.") ? (issue.message as MessageKey) : "errors.query.invalid";
  return badQuery(args.context, field, key);
}

/** A flag a redirect sets ("?saved"): present or not, whatever its value. */
export function queryFlag(args: Pick<RouteArgs, "request">, name: string): boolean {
  return new URL(args.request.url).searchParams.has(name);
}

/** The language a document is asked in ("?lang=ar"), if any: downloads may differ from the page's language. */
export function queryLocale(args: Pick<RouteArgs, "request" | "context">): Locale | undefined {
  return parseQuery(args, { lang: query.oneOf(LOCALES) }).lang;
}
