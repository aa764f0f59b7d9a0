import type { ActionFunctionArgs } from "@remix-run/node";

/**
 * A page with several forms posts an `intent` naming which one was sent. Each intent
 * gets its own small handler (its own permission check and its own schema), so the
 * action stays a table instead of a ladder of ifs.
 */
export type IntentHandler = (args: ActionFunctionArgs, form: FormData) => Promise<unknown>;

type Result<H extends IntentHandler> = Awaited<ReturnType<H>>;

/**
 * Run the handler the posted `intent` names. A form that posts no intent, or one the page
 * does not know, goes to `fallback`: the page's main form.
 */
export async function runIntent<H extends Record<string, IntentHandler>, F extends IntentHandler>(
  args: ActionFunctionArgs,
  handlers: H,
  fallback: F,
): Promise<Result<H[keyof H]> | Result<F>> {
  const form = await args.request.formData();
  const intent = form.get("intent");
  const named = typeof intent === "string" && Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  return (await (named ?? fallback)(args, form)) as Result<H[keyof H]> | Result<F>;
}
