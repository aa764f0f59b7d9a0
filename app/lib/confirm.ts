/**
 * The confirmation step of an action that cannot be undone or that hurts someone
 * (GOV.UK's confirmation pattern; house rule 13), shared by the browser and the server.
 *
 * A page offers such an action as a link to `?confirm=<intent>` (plus the ids it needs):
 * never a button, so one tap does nothing, and never next to an ordinary submit. That
 * address shows what will happen and to whom, the destructive button and a cancel link.
 * The button posts the intent with `confirm=<intent>`; the action does the work only then
 * (see confirm.server.ts). All of it works without JavaScript.
 */

/** The address of the confirmation step of `intent` on the page `path`. */
export function confirmHref(path: string, intent: string, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ confirm: intent, ...extra });
  return `${path}?${search.toString()}`;
}
