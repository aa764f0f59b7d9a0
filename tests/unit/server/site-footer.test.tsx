/**
 * The footer made once per language on the server (app/components/site-footer.server.tsx,
 * decision 0201): the page must carry the bytes the footer's links
 * render, or the browser's hydration (which renders the links themselves) would not match.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FooterHtmlContext, SiteFooter } from "~/components/site-footer";
import { footerHtml } from "~/components/site-footer.server";
import { LOCALES } from "~/i18n/config";
import { dictionaries } from "~/i18n/dictionaries.server";
import { I18nProvider } from "~/i18n/i18n-context";

describe("the footer made once per language", () => {
  it.each(LOCALES.map((locale) => [locale]))("is the markup of the footer's links in %s", (locale) => {
    const page = (html: string | null) =>
      renderToString(
        <I18nProvider locale={locale} messages={dictionaries[locale]}>
          <FooterHtmlContext.Provider value={html}>
            <SiteFooter />
          </FooterHtmlContext.Provider>
        </I18nProvider>,
      );
    const kept = page(footerHtml(locale));
    expect(kept).toBe(page(null));
    expect(kept).toContain(`<a data-testid="footer-feedback" data-discover="true" href="/feedback">`);
    expect(kept).toContain(dictionaries[locale]["privacy.title"].replace(/'/g, "&#x27;"));
  });

  it("is made in each language apart", () => {
    expect(footerHtml("ar")).not.toBe(footerHtml("fr"));
    expect(footerHtml("ar")).toContain(dictionaries.ar["nav.footer"]);
  });
});
