/**
 * The server half of the confirmation step (see confirm.ts): an action changes
 * nothing unless its form carries `confirm=<intent>`, which only the confirmation
 * step's button sends. Without it (a stale page, a second tab, a forged post), the
 * person is sent to the confirmation step instead.
 */
import { redirect } from "@remix-run/node";
import { confirmHref } from "./confirm";
import { parseQuery, query } from "./params.server";

export { confirmHref };

/** Whether the posted form went through the confirmation step of `intent`. */
export function isConfirmed(form: FormData, intent: string): boolean {
  return form.get("confirm") === intent;
}

/**
 * null when the form was confirmed; otherwise the redirect (303) to the confirmation
 * step of `intent` on the page that was posted to, carrying the `keep` fields it needs.
 *
 * Call it only once the actor is known to be allowed the action on that record: who may
 * not do it gets the 403 or 404 at once, never a confirmation step for it.
 */
export function unlessConfirmed(
  request: Request,
  form: FormData,
  intent: string,
  keep: readonly string[] = [],
): Response | null {
  if (isConfirmed(form, intent)) return null;
  const extra: Record<string, string> = {};
  for (const name of keep) {
    const value = form.get(name);
    if (typeof value === "string" && value) extra[name] = value;
  }
  return redirect(confirmHref(new URL(request.url).pathname, intent, extra), 303);
}

/** The confirmation step asked for in the address (`?confirm=`), one of `intents`, if any. */
export function confirmStep<const T extends string>(
  args: { request: Request; context: Parameters<typeof parseQuery>[0]["context"] },
  intents: readonly T[],
): T | undefined {
  return parseQuery(args, { confirm: query.oneOf(intents) }).confirm;
}
