import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";

/**
 * On every page, signed in or not: the way to complain, suggest or thank (issue 16),
 * following a message already sent, and the data-protection notice. Plain links.
 */
export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
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
    </footer>
  );
}
