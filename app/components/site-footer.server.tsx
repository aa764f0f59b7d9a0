import { renderToString } from "react-dom/server";
import type { Locale } from "~/i18n/config";
import { dictionaries } from "~/i18n/dictionaries.server";
import { I18nProvider } from "~/i18n/i18n-context";
import { flatHtml } from "~/lib/kept-html.server";
import { FooterLinks } from "./site-footer";

const rendered = new Map<Locale, string>();

/**
 * The footer's links in `locale`, rendered once per language and process: they are the
 * same on every page, and rendering them on each cost about 2% of the static page's CPU
 * (issue 19). The dictionaries do not change under a running server.
 */
export function footerHtml(locale: Locale): string {
  let html = rendered.get(locale);
  if (html === undefined) {
    html = flatHtml(
      renderToString(
        <I18nProvider locale={locale} messages={dictionaries[locale]}>
          <FooterLinks />
        </I18nProvider>,
      ),
    );
    rendered.set(locale, html);
  }
  return html;
}
