import { direction, LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/config";
import type { Choice } from "./form";

/**
 * A language named in itself ("Français", "العربية"), marked as that language and its
 * direction wherever it stands: a screen reader pronounces it in its own voice, and
 * "العربية" in a French page (or "Français" in an Arabic one) keeps its own order.
 */
export function LanguageName({ locale }: { locale: Locale }) {
  return (
    <bdi lang={locale} dir={direction(locale)}>
      {LOCALE_NAMES[locale]}
    </bdi>
  );
}

/** The portal's languages as the choices of a select, each option in its own language. */
export function languageChoices(): Choice[] {
  return LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }));
}
