import { createContext, useContext } from "react";
import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";

/**
 * The footer's links as the server renders them in the page's language, made once per
 * language by site-footer.server.tsx and provided by entry.server.tsx; null in the browser.
 */
export const FooterHtmlContext = createContext<string | null>(null);

/**
 * On every page, signed in or not: the way to complain, suggest or thank (issue 16),
 * following a message already sent, and the data-protection notice. Plain links.
 *
 * On the server the links are the markup FooterLinks renders, made once per language
 * (the same bytes on every page: decision 0201); the browser
 * hydrates that markup as FooterLinks, whose links then navigate as Remix's do.
 */
export function SiteFooter() {
  const html = useContext(FooterHtmlContext);
  if (html !== null) return <footer className="site-footer" dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <footer className="site-footer">
      <FooterLinks />
    </footer>
  );
}

/** What the footer holds */
export function FooterLinks() {
  const { t } = useI18n();
  return (
    <nav className="container" aria-label={t("nav.footer")}>
      <ul>
        <li>
          <Link to="/feedback" prefetch="none" data-testid="footer-feedback">
            {t("feedback.footer.link")}
          </Link>
        </li>
        <li>
          <Link to="/feedback/follow" prefetch="none">
            {t("feedback.footer.follow")}
          </Link>
        </li>
        <li>
          <Link to="/privacy" prefetch="none">
            {t("privacy.title")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
