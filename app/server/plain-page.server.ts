import { direction, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import type { MessageKey } from "~/i18n/translate";

/**
 * A translated page for answers given before Remix runs (a refused cross-site
 * form, a database that is down): no script, no internals.
 */
export function plainPage(locale: Locale, titleKey: MessageKey, bodyKey: MessageKey): string {
  const t = serverT(locale);
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${locale}" dir="${direction(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t(titleKey))} · Masar</title><link rel="stylesheet" href="/styles.css"></head><body><main class="container"><h1>${esc(t(titleKey))}</h1><p>${esc(t(bodyKey))}</p><p><a href="/">${esc(t("nav.home"))}</a></p></main></body></html>`;
}
