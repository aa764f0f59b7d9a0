import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { I18nProvider } from "~/i18n/i18n-context";
import { installOffsetTable, OFFSET_TABLE_ELEMENT_ID, parseOffsetTable } from "~/i18n/time-zone";
import type { Messages } from "~/i18n/translate";

/**
 * The page arrives fully rendered; the dictionary of its language is fetched once
 * (cached for good under its version) before React takes over. Pages work without
 * this script at all. Dates are formatted with the server's time-zone table, carried
 * by the page, so that they read exactly as the server wrote them.
 */
async function hydrate() {
  installOffsetTable(parseOffsetTable(document.getElementById(OFFSET_TABLE_ELEMENT_ID)?.textContent));
  const html = document.documentElement;
  const locale = isLocale(html.lang) ? html.lang : DEFAULT_LOCALE;
  const version = html.dataset.i18n ?? "0";
  const response = await fetch(`/locales/${locale}?v=${version}`);
  if (!response.ok) return; // stay a server-rendered page
  const messages = (await response.json()) as Messages;
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nProvider locale={locale} messages={messages}>
          <RemixBrowser />
        </I18nProvider>
      </StrictMode>,
    );
  });
}

void hydrate();
