import { useLocation } from "@remix-run/react";
import { NavLink } from "~/components/link";
import { direction, LOCALES, LOCALE_NAMES } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
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
              <ul>
                <li>
                  <NavLink to="/login">{t("nav.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t("nav.signUp")}</NavLink>
                </li>
              </ul>
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
  return (
    <nav className="main-nav" aria-label={t("nav.main")}>
      <ul>
        {user.nav.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} prefetch="none">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
        {user.notifications ? (
          <li>
            <NavLink to="/notifications">
              {t("nav.notifications")}
              {unread > 0 ? <span className="nav-badge">{t("nav.unread", { count: unread })}</span> : null}
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/account">{t("nav.account")}</NavLink>
        </li>
        <li>
          <form method="post" action="/logout">
            <button type="submit" className="link-button">
              {t("nav.signOut")}
            </button>
          </form>
        </li>
      </ul>
      <p className="whoami">
        <bdi>{user.displayName}</bdi> · {t(`role.${user.role}`)}
      </p>
    </nav>
  );
}
