/**
 * The header's menu written as markup on the server (app/components/site-header.tsx,
 * decision 0205): its bytes must be what the browser's hydration
 * renders, Remix's NavLinks and the sign-out form, for every role's links, in every
 * language, on the page a link opens, below it, and elsewhere.
 */
import { createRequire } from "node:module";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Remix from "@remix-run/react";
import { NAV_ITEMS } from "~/components/nav-items";
import { MenuLinks, menuLinksHtml, type MenuLink } from "~/components/site-header";
import { LOCALES } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import { ROLES } from "~/modules/auth/roles";

const routerDom = createRequire(require.resolve("@remix-run/react"))("react-router-dom") as {
  MemoryRouter: ComponentType<{ initialEntries: string[]; children?: ReactNode }>;
};

const at = (pathname: string, element: ReactNode) =>
  renderToString(createElement(routerDom.MemoryRouter, { initialEntries: [pathname] }, element));

/** The list as the browser renders it: Remix's NavLinks, then the sign-out form */
function remixList(links: MenuLink[], signOut?: string) {
  return (
    <ul>
      {links.map((link) => (
        <li key={link.to}>
          <Remix.NavLink to={link.to} prefetch="none">
            {link.text}
            {link.badge ? <span className="nav-badge">{link.badge}</span> : null}
          </Remix.NavLink>
        </li>
      ))}
      {signOut ? (
        <li>
          <form method="post" action="/logout">
            <button type="submit" className="link-button">
              {signOut}
            </button>
          </form>
        </li>
      ) : null}
    </ul>
  );
}

describe("the header's menu as markup", () => {
  const cases = LOCALES.flatMap((locale) => ROLES.map((role) => [locale, role] as const));
  it.each(cases)("is what Remix's NavLinks render, in %s, for a %s", (locale, role) => {
    const t = serverT(locale);
    const links: MenuLink[] = NAV_ITEMS.filter((item) => item.roles.includes(role)).map((item) => ({
      to: item.to,
      text: t(item.label),
    }));
    links.push({ to: "/notifications", text: t("nav.notifications"), badge: t("nav.unread", { count: 3 }) });
    links.push({ to: "/account", text: t("nav.account") });
    for (const pathname of [...links.map((l) => l.to), "/home/", "/grants/calls/42", "/", "/HOME", "/elsewhere"]) {
      expect(at(pathname, <MenuLinks links={links} signOut={t("nav.signOut")} />), pathname).toBe(
        at(pathname, remixList(links, t("nav.signOut"))),
      );
    }
  });

  it("escapes text as React does, and marks the page's own link and the ones above it", () => {
    const links = [{ to: "/grants", text: `"Tom" & <Jerry>'s` }];
    expect(at("/", <MenuLinks links={links} />)).toBe(at("/", remixList(links)));
    expect(menuLinksHtml([{ to: "/grants", text: "x" }], "/grants/calls")).toContain(
      'aria-current="page" class="active" href="/grants"',
    );
    expect(menuLinksHtml([{ to: "/grants", text: "x" }], "/grantsx")).toContain('class="" href="/grants"');
  });
});
