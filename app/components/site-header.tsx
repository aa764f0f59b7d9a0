import { useLocation } from "@remix-run/react";
import { NavLink, navLinkActive } from "~/components/link";
import { direction, LOCALES, LOCALE_NAMES } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { ON_SERVER } from "~/lib/hydration";
import type { Role } from "~/modules/auth/roles";

/**
 * `notifications`: whether the role has a notifications page (a shop's account has none);
 * `nav`: the links the person may open (nav-items.ts's navFor, computed by the root loader)
 */
type Props = {
  user: { displayName: string; role: Role; notifications: boolean; nav: { to: string; label: MessageKey }[] } | null;
  unread: number;
};

/**
 * Brand, the language switcher and a "Menu" holding the navigation, on one line of a
 * 375 px phone; the menu is a `<details>` disclosure, so it opens without JavaScript,
 * and on wide screens it is always open (styles.css). See
 * docs/decisions/0094-header-on-one-line.md.
 */
export function SiteHeader({ user, unread }: Props) {
  const { t, locale } = useI18n();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="container header-row">
        <a className="brand" href={user ? "/home" : "/"}>
          <span aria-hidden="true" className="brand-mark">
            م
          </span>
          <span className="brand-name">Masar</span>
        </a>
        <form method="post" action="/lang" className="lang-switch" aria-label={t("nav.language")}>
          <input type="hidden" name="redirectTo" value={here} />
          {LOCALES.map((lng) => (
            <button
              key={lng}
              type="submit"
              name="lng"
              value={lng}
              lang={lng}
              dir={direction(lng)}
              aria-current={lng === locale ? "true" : undefined}
              className="link-button"
            >
              {LOCALE_NAMES[lng]}
            </button>
          ))}
        </form>
        {/* keyed by the page: after a tap on one of its links (a client-side navigation) the menu is closed again */}
        <details key={location.pathname} className="nav-menu">
          <summary>
            {t("nav.menu")}
            {user && unread > 0 ? (
              <>
                <span className="nav-badge" aria-hidden="true">
                  {unread}
                </span>
                <span className="visually-hidden">{t("nav.unread", { count: unread })}</span>
              </>
            ) : null}
          </summary>
          {user ? (
            <SignedInNav user={user} unread={unread} />
          ) : (
            <nav className="main-nav" aria-label={t("nav.main")}>
              <MenuLinks
                links={[
                  { to: "/login", text: t("nav.signIn") },
                  { to: "/signup", text: t("nav.signUp") },
                ]}
              />
            </nav>
          )}
        </details>
      </div>
    </header>
  );
}

/** The signed-in person's navigation: their role's links, notifications when the role has them, account, sign-out. */
function SignedInNav({ user, unread }: { user: NonNullable<Props["user"]>; unread: number }) {
  const { t } = useI18n();
  const links: MenuLink[] = user.nav.map((item) => ({ to: item.to, text: t(item.label) }));
  if (user.notifications) {
    const badge = unread > 0 ? t("nav.unread", { count: unread }) : undefined;
    links.push({ to: "/notifications", text: t("nav.notifications"), badge });
  }
  links.push({ to: "/account", text: t("nav.account") });
  return (
    <nav className="main-nav" aria-label={t("nav.main")}>
      <MenuLinks links={links} signOut={t("nav.signOut")} />
      <p className="whoami">
        <bdi>{user.displayName}</bdi> · {t(`role.${user.role}`)}
      </p>
    </nav>
  );
}

/** A link of the menu: a plain path, its text, and a badge after the text (the unread count) */
export type MenuLink = { to: string; text: string; badge?: string };

/**
 * The menu's list: its links (NavLinks), then the sign-out form when `signOut` (its
 * button's text). On the server, the list's markup is written as one string
 * (menuLinksHtml): the header's links, on every page, cost a signed-in page about 4% of
 * its CPU as React elements (issue 19, decision 0205); the browser
 * hydrates those same bytes as the NavLinks below, whose links navigate as Remix's do.
 */
export function MenuLinks({ links, signOut }: { links: MenuLink[]; signOut?: string }) {
  const location = useLocation();
  if (ON_SERVER) return <ul dangerouslySetInnerHTML={{ __html: menuLinksHtml(links, location.pathname, signOut) }} />;
  return (
    <ul>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink to={link.to} prefetch="none">
            {link.text}
            {link.badge ? <span className="nav-badge">{link.badge}</span> : null}
          </NavLink>
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

/** Text and attribute values escaped as React escapes them */
const escapeHtml = (text: string) =>
  text.replace(/["&'<>]/g, (c) => ({ '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" })[c]!);

/**
 * The markup React renders for MenuLinks' list at `pathname` (inside its `<ul>`): each
 * NavLink as the server's NavLink writes a plain path (link.tsx), active as react-router
 * decides. tests/unit/server/site-header.test.tsx compares the bytes with Remix's NavLink.
 */
export function menuLinksHtml(links: MenuLink[], pathname: string, signOut?: string): string {
  let html = "";
  for (const link of links) {
    const active = navLinkActive(link.to, pathname);
    const badge = link.badge ? `<span class="nav-badge">${escapeHtml(link.badge)}</span>` : "";
    html +=
      `<li><a data-discover="true"${active ? ' aria-current="page"' : ""} class="${active ? "active" : ""}" ` +
      `href="${escapeHtml(link.to)}">${escapeHtml(link.text)}${badge}</a></li>`;
  }
  if (signOut) {
    html += `<li><form method="post" action="/logout"><button type="submit" class="link-button">${escapeHtml(signOut)}</button></form></li>`;
  }
  return html;
}
