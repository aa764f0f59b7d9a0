/**
 * The financial tables. Without JavaScript, the add/remove buttons post the form
 * back and the server returns it with one row more or less (saving what is valid);
 * with JavaScript, the same buttons change the rows in place and the totals follow
 * what is typed. The only client code of the builder.
 */
import { useState } from "react";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import { draftFigures, type Figures } from "./financial-figures";
import { CostsTable, FundingTable, MonthsTable, YearsTable } from "./financial-tables";
import type { FinancialDraft } from "./schemas.server";

export function FinancialForm({
  initial,
  errors,
  readOnly,
}: {
  initial: FinancialDraft;
  errors?: FieldErrors;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const rows = <K extends keyof FinancialDraft>(key: K) => ({
    rows: draft[key],
    errors,
    onChange: (next: FinancialDraft[K]) => setDraft((d) => ({ ...d, [key]: next })),
  });
  const figures = draftFigures(draft);

  return (
    <fieldset disabled={readOnly} className="plan-financial">
      <h2>{t("plans.field.startupCosts")}</h2>
      {errors?.form ? <p className="error">{t(errors.form)}</p> : null}
      <CostsTable {...rows("costs")} total={figures.costTotal} />

      <h2>{t("plans.field.funding")}</h2>
      <FundingTable {...rows("funding")} total={figures.fundingTotal} />
      <GapNote gap={figures.gap} />

      <h2>{t("plans.field.months")}</h2>
      <MonthsTable {...rows("months")} figures={figures} />
      <Forecast figures={figures} />

      <h2>{t("plans.field.years")}</h2>
      <p className="hint">{t("plans.fin.year1Hint")}</p>
      <YearsTable {...rows("years")} figures={figures} />
    </fieldset>
  );
}

/** Whether the funding covers the costs, updated as one types. */
function GapNote({ gap }: { gap: number }) {
  const { t, formatMoney } = useI18n();
  return (
    <p className={gap === 0 ? "alert alert-success" : "alert alert-error"} data-gap={gap} aria-live="polite">
      {gap === 0
        ? t("plans.fin.balanced")
        : gap > 0
          ? t("plans.fin.gapMissing", { amount: formatMoney(gap) })
          : t("plans.fin.gapOver", { amount: formatMoney(-gap) })}
    </p>
  );
}

function Forecast({ figures }: { figures: Figures }) {
  const { t, formatMoney } = useI18n();
  const { breakEven, margin } = figures;
  return (
    <>
      <p data-break-even={breakEven ?? "never"}>
        {breakEven === null ? t("plans.fin.breakEvenNever") : t("plans.fin.breakEven", { month: breakEven })}
      </p>
      <p>
        {t("plans.fin.grossMargin", { amount: formatMoney(margin.amountCentimes) })}
        {margin.ratePercent === null ? "" : ` (${t("plans.fin.grossMarginRate", { rate: margin.ratePercent })})`}
      </p>
    </>
  );
}
