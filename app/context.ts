import type { Database } from "~db/client";
import type { Locale } from "~/i18n/config";
import type { AuthState } from "~/modules/auth/session.server";
import type { Logger } from "~/server/logger.server";

/** What the HTTP server hands every loader and action (see app/server/app.server.ts). */
export type MasarContext = {
  db: Database;
  auth: AuthState | null;
  locale: Locale;
  cspNonce: string;
  ip: string;
  i18nVersion: string;
  /**
   * A document request's parts of the page that its loaders rendered to HTML themselves, by
   * element id, for `<KeptHtml>` (entry.server.tsx); null for a data request, whose loader
   * data carries them (app/lib/kept-html.server.ts)
   */
  keptHtml: Map<string, string> | null;
  /** the client takes gzip: the rendered page is sent gzipped (entry.server.tsx) */
  gzip: boolean;
  /** true when cookies must carry Secure (the portal is served over HTTPS) */
  secureCookies: boolean;
  /** this request's log (its lines carry the request id); see app/server/logger.server.ts */
  log: Logger;
  /** tells the outage log about an error that may mean the database is away */
  observeDatabaseError(error: unknown): void;
};

declare module "@remix-run/node" {
  // single fetch: loader and action types unwrap data()
  interface Future {
    v3_singleFetch: true;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends MasarContext {}
}
