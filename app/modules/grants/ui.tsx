/** Small pieces shared by the grants pages (no data access). */
import { codeLabels } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";

/** A stored message (key and parameters) in the reader's language; amounts in centimes become MAD. */
export function Msg({ message }: { message: { key: string; params?: Record<string, string | number> } }) {
  const { t, formatMoney } = useI18n();
  const params: Record<string, string | number> = { ...(message.params ?? {}) };
  for (const k of ["amount", "remaining"]) {
    const v = params[k];
    if (typeof v === "number") params[k] = formatMoney(v);
  }
  // a required training named by its category reads as the category's name
  const training = params.training;
  if (typeof training === "string") {
    const key = `trainings.category.${training}`;
    const label = t(key as MessageKey);
    if (label !== key) params.training = label;
  }
  // regions are stored as codes ("oriental,souss_massa"; older rows with ", "): named, in the reader's list
  if (message.key === "grants.eligibility.region" && typeof params.regions === "string")
    params.regions = codeLabels(t, "region", params.regions.split(/,\s*/).filter(Boolean));
  return <>{t(message.key as MessageKey, params)}</>;
}
