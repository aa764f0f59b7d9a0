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
import type { FinancialDraft, FinancialList } from "./schemas.server";
import { FieldError } from "~/components/form";

/** A line removed with something typed in it, offered back until the next change. */
export type RemovedLine = { list: FinancialList; index: number; row: Record<string, string> };

export function FinancialForm({
  initial,
  removed: removedBefore,
  errors,
  readOnly,
}: {
  initial: FinancialDraft;
  /** the line a removal without JavaScript took out */
  removed?: RemovedLine;
  errors?: FieldErrors;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [removed, setRemoved] = useState(removedBefore);
  const rows = <K extends keyof FinancialDraft>(key: K) => ({
    rows: draft[key],
    errors,
    onChange: (next: FinancialDraft[K]) => setDraft((d) => ({ ...d, [key]: next })),
  });
  const removable = <K extends FinancialList>(list: K) => ({
    ...rows(list),
    onRemove: (index: number) => {
      const row: Record<string, string> = { ...draft[list][index] };
      const typed = Object.entries(row).some(([field, v]) => field !== "kind" && v.trim() !== "");
      setRemoved(typed ? { list, index, row } : undefined);
      setDraft((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== index) }));
    },
  });
  const undo = () => {
    if (!removed) return;
    const { list, index, row } = removed;
    setDraft((d) => ({ ...d, [list]: [...d[list].slice(0, index), row, ...d[list].slice(index)] }));
    setRemoved(undefined);
  };
  const figures = draftFigures(draft);

  return (
    <fieldset disabled={readOnly} className="plan-financial">
      <h2>{t("plans.field.startupCosts")}</h2>
      <FieldError name="form" errors={errors} />
      <FieldError name="costs" errors={errors} />
      {removed?.list === "costs" ? <UndoRemoval removed={removed} onUndo={undo} /> : null}
      <CostsTable {...removable("costs")} total={figures.costTotal} />

      <h2>{t("plans.field.funding")}</h2>
      <FieldError name="funding" errors={errors} />
      {removed?.list === "funding" ? <UndoRemoval removed={removed} onUndo={undo} /> : null}
      <FundingTable {...removable("funding")} total={figures.fundingTotal} />
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

/**
 * "Line 2 (Four) removed", with a button that puts it back where it was. Without
 * JavaScript the button posts the line back (the hidden fields); with it, in place.
 */
function UndoRemoval({ removed, onUndo }: { removed: RemovedLine; onUndo: () => void }) {
  const { t } = useI18n();
  const { list, index, row } = removed;
  // what names the line: its item or label, else the first thing typed in it
  const label = Object.values(row).find((v) => v.trim() !== "" && v !== row.kind) ?? "";
  return (
    <div className="alert alert-success" role="status" data-removed={`${list}:${index}`}>
      <p>
        {t("plans.fin.rowRemoved", { n: index + 1 })} <bdi>{label}</bdi>
      </p>
      <input type="hidden" name="undo.list" value={list} />
      <input type="hidden" name="undo.index" value={index} />
      {Object.entries(row).map(([field, value]) => (
        <input key={field} type="hidden" name={`undo.row.${field}`} value={value} />
      ))}
      <button
        type="submit"
        name="intent"
        value="undo-remove"
        className="button button-secondary"
        onClick={(e) => {
          e.preventDefault();
          onUndo();
        }}
      >
        {t("plans.fin.undoRemove", { n: index + 1 })}
      </button>
    </div>
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
