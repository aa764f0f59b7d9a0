/**
 * Which pages load the app's JavaScript (docs/decisions/0222-scripts-only-where-they-act.md).
 *
 * Every page works as the server sends it. The browser loads React, Remix and the page's
 * modules only for a page that has something that needs them: a route says so with
 * `export const handle = { hydrate: true } satisfies HydrateHandle`. Any other page is
 * sent without scripts, without its data encoded for a browser that would not read it,
 * and without the modules' preloads: less to download and run on a cheap phone, and
 * less work for the server.
 */

/** True on the server, false in the browser. */
export const ON_SERVER = typeof document === "undefined";

/** A route module's `handle`, as far as hydration goes. */
export type HydrateHandle = { hydrate?: boolean };

/** Whether a page whose matched routes have these `handle`s loads the app's scripts. */
export function pageHydrates(handles: readonly unknown[]): boolean {
  return handles.some(
    (handle) => typeof handle === "object" && handle !== null && (handle as HydrateHandle).hydrate === true,
  );
}
