import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { navFor } from "~/components/nav-items";
import { useI18n } from "~/i18n/i18n-context";
import { installedOffsetTable, OFFSET_TABLE_ELEMENT_ID, serializeOffsetTable } from "~/i18n/time-zone";
import { ON_SERVER, pageHydrates } from "~/lib/hydration";
import { can } from "~/modules/auth/permissions";
import { countUnread } from "~/modules/notifications/service.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles.css?v=1" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Masar" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const auth = context.auth;
  const user = auth?.user ?? null;
  // the session check counted the unread notifications; a form posted without
  // JavaScript runs its action first in the same request, so the count is taken again
  const fresh = request.method === "GET" || request.method === "HEAD";
  return {
    locale: context.locale,
    i18nVersion: context.i18nVersion,
    cspNonce: context.cspNonce,
    user: user
      ? {
          displayName: user.displayName,
          role: user.role,
          notifications: can(user, "notifications:read-own"),
          nav: navFor(user),
        }
      : null,
    unread: auth ? (fresh ? auth.unread : await countUnread(context.db, auth.user.id)) : 0,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const { locale, dir } = useI18n();
  const data = useRouteLoaderData<typeof loader>("root");
  // the app's scripts only on a page that needs them (app/lib/hydration.ts); once they run,
  // they stay for every page the browser goes on to
  const matches = useMatches();
  const scripts = !ON_SERVER || pageHydrates(matches.map((m) => m.handle));
  // Morocco's UTC offsets from the server's time-zone data, for the browser to format
  // dates exactly as the server did (entry.client.tsx reads it before hydrating)
  const offsets = scripts ? installedOffsetTable() : null;
  return (
    <html lang={locale} dir={dir} data-i18n={data?.i18nVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        {offsets ? (
          <script
            id={OFFSET_TABLE_ELEMENT_ID}
            type="application/json"
            nonce={data?.cspNonce}
            dangerouslySetInnerHTML={{ __html: serializeOffsetTable(offsets) }}
          />
        ) : null}
      </head>
      <body>
        <SiteHeader user={data?.user ?? null} unread={data?.unread ?? 0} />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
        {scripts ? (
          <>
            <ScrollRestoration nonce={data?.cspNonce} />
            <Scripts nonce={data?.cspNonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
