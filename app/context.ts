import type { Database } from "~db/client";
import type { Locale } from "~/i18n/config";
import type { AuthState } from "~/modules/auth/session.server";

/** What the HTTP server hands every loader and action (see app/server/app.server.ts). */
export type MasarContext = {
  db: Database;
  auth: AuthState | null;
  locale: Locale;
  cspNonce: string;
  ip: string;
  i18nVersion: string;
  /** true when cookies must carry Secure (the portal is served over HTTPS) */
  secureCookies: boolean;
};

declare module "@remix-run/node" {
  // single fetch: loader and action types unwrap data()
  interface Future {
    v3_singleFetch: true;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends MasarContext {}
}
