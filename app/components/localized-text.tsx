import type { ReactNode } from "react";
import { useI18n } from "~/i18n/i18n-context";
import { localizedIn, localizedLabel, type Trilingual } from "~/lib/localized";
import type { FieldErrors } from "~/lib/forms";
import { LOCALES, type Locale } from "~/i18n/config";
import type { MessageKey } from "~/i18n/translate";

/**
 * Text staff keep in three languages, in the reader's: when it has not been translated
 * yet, the French text, marked as French for the reader and for screen readers.
 */
export function LocalizedText<K extends string>({ row, field }: { row: Trilingual<K>; field: K }): ReactNode {
  const { t, locale } = useI18n();
  const { text, fallback } = localizedIn(row, field, locale);
  if (!fallback) return text;
  return (
    <>
      <bdi lang="fr">{text}</bdi> <span className="hint-inline">{t("content.inFrench")}</span>
    </>
  );
}

/** `localizedLabel` in the page's language: for options and other text that cannot hold `<LocalizedText>`. */
export function useLocalizedLabel() {
  const { t, locale } = useI18n();
  return <K extends string>(row: Trilingual<K>, field: K) => localizedLabel(row, field, locale, t("content.inFrench"));
}

const DIR: Record<Locale, "rtl" | "ltr"> = { fr: "ltr", ar: "rtl", en: "ltr" };

/**
 * The three fields of a text staff write for people who read French, Arabic or English
 * (`<name>Fr`, `<name>Ar`, `<name>En`), side by side on a wide screen, one under the other
 * on a phone. French is required; the others, when left empty, show the French text.
 */
export function TrilingualField({
  name,
  label,
  errors,
  values,
  multiline = false,
  required = true,
}: {
  name: string;
  label: MessageKey;
  errors?: FieldErrors;
  values?: Record<string, string | undefined>;
  multiline?: boolean;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="trilingual">
      <legend>{t(label)}</legend>
      <p className="hint" id={`f-${name}-hint`}>
        {t("content.translationsHint")}
      </p>
      <div className="trilingual-fields">
        {LOCALES.map((lng) => {
          const key = `${name}${lng === "fr" ? "Fr" : lng === "ar" ? "Ar" : "En"}`;
          const error = errors?.[key];
          const common = {
            id: `f-${key}`,
            name: key,
            lang: lng,
            dir: DIR[lng],
            defaultValue: values?.[key] ?? "",
            required: lng === "fr" && required ? true : undefined,
            "aria-invalid": error ? true : undefined,
            "aria-describedby": error ? `f-${key}-error` : `f-${name}-hint`,
          };
          return (
            <div key={lng} className={error ? "field field-invalid" : "field"}>
              <label htmlFor={common.id}>{t(`content.lang.${lng}`)}</label>
              {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
              {error ? (
                <p className="error" id={`f-${key}-error`}>
                  {t(error)}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
