import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { FieldErrors } from "~/lib/forms";

/**
 * A page with several forms posts an `intent` naming which one was sent. Each intent
 * gets its own small handler (its own permission check and its own schema), so the
 * action stays a table instead of a ladder of ifs.
 */
export type IntentHandler = (args: ActionFunctionArgs, form: FormData) => Promise<unknown>;

type Result<H extends IntentHandler> = Awaited<ReturnType<H>>;

/**
 * The answer to a form the page does not know (an intent it has no handler for: a page
 * loaded before a release, a form from elsewhere): nothing is done, and the refusal says so
 * in the page's error summary under its title (`PlacelessRefusal`), since no form of the
 * page is the one that was sent (decision 0171-placeless-refusals).
 */
export function refuseUnknownForm() {
  const errors: FieldErrors = { form: "errors.unknownForm" };
  return data({ errors, placeless: true as const }, { status: 400 });
}

type UnknownForm = ReturnType<typeof refuseUnknownForm>;

/** Whether the posted form names an intent that is not one of `known`. */
export function postsUnknownIntent(form: FormData, known: readonly string[]): boolean {
  const intent = form.get("intent");
  return intent !== null && !(typeof intent === "string" && known.includes(intent));
}

/**
 * Run the handler the posted `intent` names. A form that posts no intent goes to
 * `fallback`, the page's main form (null: the page has none). An intent the page does not
 * know is refused (`refuseUnknownForm`) once `guard` has checked the user: it never runs
 * the main form, which could do something the person did not ask for.
 */
export async function runIntent<H extends Record<string, IntentHandler>, R = never>(
  args: ActionFunctionArgs,
  handlers: H,
  fallback: ((args: ActionFunctionArgs, form: FormData) => Promise<R>) | null,
  guard: (args: ActionFunctionArgs) => unknown,
): Promise<Result<H[keyof H]> | R | UnknownForm> {
  const form = await args.request.formData();
  const intent = form.get("intent");
  if (intent === null && fallback) return fallback(args, form);
  const named = typeof intent === "string" && Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (named) return (await named(args, form)) as Result<H[keyof H]>;
  await guard(args);
  return refuseUnknownForm();
}
