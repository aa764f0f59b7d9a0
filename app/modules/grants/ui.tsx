/** Small pieces shared by the grants pages (no data access). */
import type { Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";

export function callTitle(call: { titleFr: string; titleAr: string; titleEn: string }, locale: Locale): string {
  return locale === "ar" ? call.titleAr : locale === "en" ? call.titleEn : call.titleFr;
}

export function criterionLabel(c: { labelFr: string; labelAr: string; labelEn: string }, locale: Locale): string {
  return locale === "ar" ? c.labelAr : locale === "en" ? c.labelEn : c.labelFr;
}

/** A stored message (key and parameters) in the reader's language; amounts in centimes become MAD. */
export function Msg({ message }: { message: { key: string; params?: Record<string, string | number> } }) {
  const { t, formatMoney } = useI18n();
  const params: Record<string, string | number> = { ...(message.params ?? {}) };
  for (const k of ["amount", "remaining"]) {
    const v = params[k];
    if (typeof v === "number") params[k] = formatMoney(v);
  }
  return <>{t(message.key as MessageKey, params)}</>;
}
