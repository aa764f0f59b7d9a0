/**
 * The financial tables. Without JavaScript, the add/remove buttons post the form
 * back and the server returns it with one row more or less (saving what is valid);
 * with JavaScript, the same buttons change the rows in place and the totals follow
 * what is typed. The only client code of the builder.
 */
import { useState, type MouseEvent } from "react";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";
import { breakEvenMonth, FUNDING_KINDS, grossMargin, MAX_ROWS, threeYearTotals } from "./rules";
import type { FinancialDraft } from "./schemas.server";
import { parseMoney } from "~/lib/money";

const c = (value: string) => (value.trim() === "" ? 0 : (parseMoney(value) ?? 0));

function CellInput(props: {
  name: string;
  index: number;
  value: string;
  label: string;
  errors?: FieldErrors;
  onChange: (value: string) => void;
  inputMode?: "decimal" | "numeric" | "text";
}) {
  const { t } = useI18n();
  const key = `${props.name}.${props.index}`;
  const error = props.errors?.[key];
  return (
    <>
      <input
        name={props.name}
        value={props.value}
        aria-label={props.label}
        inputMode={props.inputMode}
        aria-invalid={error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        dir={props.inputMode && props.inputMode !== "text" ? "ltr" : undefined}
      />
      {error ? <span className="error">{t(error)}</span> : null}
    </>
  );
}

export function FinancialForm({
  initial,
  errors,
  readOnly,
}: {
  initial: FinancialDraft;
  errors?: FieldErrors;
  readOnly: boolean;
}) {
  const { t, formatMoney } = useI18n();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof FinancialDraft>(key: K, rows: FinancialDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: rows }));
  const inPlace = (fn: () => void) => (e: MouseEvent<HTMLButtonElement>) => {
    e.preventDefault();
    fn();
  };

  const costTotal = draft.costs.reduce((s, r) => s + (Number.parseInt(r.quantity, 10) || 0) * c(r.unitPrice), 0);
  const fundingTotal = draft.funding.reduce((s, r) => s + c(r.amount), 0);
  const gap = costTotal - fundingTotal;
  const months = draft.months.map((m) => ({
    revenueCentimes: c(m.revenue),
    costOfSalesCentimes: c(m.costOfSales),
    fixedCostsCentimes: c(m.fixedCosts),
  }));
  const years = draft.years.map((y) => ({ revenueCentimes: c(y.revenue), costsCentimes: c(y.costs) }));
  const breakEven = breakEvenMonth(months);
  const margin = grossMargin(months);
  const three = threeYearTotals(months, years);
  // the running balance at the end of each month
  const cumulative = months.reduce<number[]>((sums, m) => {
    const net = m.revenueCentimes - m.costOfSalesCentimes - m.fixedCostsCentimes;
    return [...sums, (sums[sums.length - 1] ?? 0) + net];
  }, []);

  return (
    <fieldset disabled={readOnly} className="plan-financial">
      <h2>{t("plans.field.startupCosts")}</h2>
      {errors?.form ? <p className="error">{t(errors.form)}</p> : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("plans.field.startupCosts")}>
        <table className="plan-table">
          <thead>
            <tr>
              <th>{t("plans.fin.item")}</th>
              <th>{t("plans.fin.quantity")}</th>
              <th>{t("plans.fin.unitPrice")}</th>
              <th>{t("plans.fin.lineTotal")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.costs.map((row, i) => {
              const update = (patch: Partial<typeof row>) =>
                set(
                  "costs",
                  draft.costs.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                );
              return (
                <tr key={i}>
                  <td>
                    <CellInput
                      name="costItem"
                      index={i}
                      value={row.item}
                      label={t("plans.fin.item")}
                      errors={errors}
                      onChange={(v) => update({ item: v })}
                    />
                  </td>
                  <td>
                    <CellInput
                      name="costQuantity"
                      index={i}
                      value={row.quantity}
                      label={t("plans.fin.quantity")}
                      inputMode="numeric"
                      errors={errors}
                      onChange={(v) => update({ quantity: v })}
                    />
                  </td>
                  <td>
                    <CellInput
                      name="costUnitPrice"
                      index={i}
                      value={row.unitPrice}
                      label={t("plans.fin.unitPrice")}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ unitPrice: v })}
                    />
                  </td>
                  <td className="num" data-line-total>
                    {formatMoney((Number.parseInt(row.quantity, 10) || 0) * c(row.unitPrice))}
                  </td>
                  <td>
                    <button
                      type="submit"
                      name="intent"
                      value={`remove-cost:${i}`}
                      className="link-button"
                      onClick={inPlace(() =>
                        set(
                          "costs",
                          draft.costs.filter((_, j) => j !== i),
                        ),
                      )}
                    >
                      {t("plans.fin.removeRow", { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{t("plans.fin.totalCosts")}</th>
              <td className="num" data-total="costs">
                {formatMoney(costTotal)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {draft.costs.length < MAX_ROWS ? (
        <button
          type="submit"
          name="intent"
          value="add-cost"
          className="button button-secondary"
          onClick={inPlace(() => set("costs", [...draft.costs, { item: "", quantity: "", unitPrice: "" }]))}
        >
          {t("plans.fin.addCost")}
        </button>
      ) : null}

      <h2>{t("plans.field.funding")}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("plans.field.funding")}>
        <table className="plan-table">
          <thead>
            <tr>
              <th>{t("plans.fin.kind")}</th>
              <th>{t("plans.fin.label")}</th>
              <th>{t("plans.fin.amount")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.funding.map((row, i) => {
              const update = (patch: Partial<typeof row>) =>
                set(
                  "funding",
                  draft.funding.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                );
              return (
                <tr key={i}>
                  <td>
                    <select
                      name="fundingKind"
                      value={row.kind}
                      aria-label={t("plans.fin.kind")}
                      onChange={(e) => update({ kind: e.target.value })}
                    >
                      {FUNDING_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`plans.funding.${k}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <CellInput
                      name="fundingLabel"
                      index={i}
                      value={row.label}
                      label={t("plans.fin.label")}
                      errors={errors}
                      onChange={(v) => update({ label: v })}
                    />
                  </td>
                  <td>
                    <CellInput
                      name="fundingAmount"
                      index={i}
                      value={row.amount}
                      label={t("plans.fin.amount")}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ amount: v })}
                    />
                  </td>
                  <td>
                    <button
                      type="submit"
                      name="intent"
                      value={`remove-funding:${i}`}
                      className="link-button"
                      onClick={inPlace(() =>
                        set(
                          "funding",
                          draft.funding.filter((_, j) => j !== i),
                        ),
                      )}
                    >
                      {t("plans.fin.removeRow", { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{t("plans.fin.totalFunding")}</th>
              <td className="num" data-total="funding">
                {formatMoney(fundingTotal)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {draft.funding.length < MAX_ROWS ? (
        <button
          type="submit"
          name="intent"
          value="add-funding"
          className="button button-secondary"
          onClick={inPlace(() => set("funding", [...draft.funding, { kind: "other", label: "", amount: "" }]))}
        >
          {t("plans.fin.addFunding")}
        </button>
      ) : null}
      <p className={gap === 0 ? "alert alert-success" : "alert alert-error"} data-gap={gap} aria-live="polite">
        {gap === 0
          ? t("plans.fin.balanced")
          : gap > 0
            ? t("plans.fin.gapMissing", { amount: formatMoney(gap) })
            : t("plans.fin.gapOver", { amount: formatMoney(-gap) })}
      </p>

      <h2>{t("plans.field.months")}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("plans.field.months")}>
        <table className="plan-table">
          <thead>
            <tr>
              <th />
              <th>{t("plans.fin.revenue")}</th>
              <th>{t("plans.fin.costOfSales")}</th>
              <th>{t("plans.fin.fixedCosts")}</th>
              <th>{t("plans.fin.net")}</th>
              <th>{t("plans.fin.cumulative")}</th>
            </tr>
          </thead>
          <tbody>
            {draft.months.map((row, i) => {
              const update = (patch: Partial<typeof row>) =>
                set(
                  "months",
                  draft.months.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                );
              const m = months[i] ?? { revenueCentimes: 0, costOfSalesCentimes: 0, fixedCostsCentimes: 0 };
              const net = m.revenueCentimes - m.costOfSalesCentimes - m.fixedCostsCentimes;
              const label = t("plans.fin.month", { n: i + 1 });
              return (
                <tr key={i}>
                  <th scope="row">{label}</th>
                  <td>
                    <CellInput
                      name="revenue"
                      index={i}
                      value={row.revenue}
                      label={`${label} ${t("plans.fin.revenue")}`}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ revenue: v })}
                    />
                  </td>
                  <td>
                    <CellInput
                      name="costOfSales"
                      index={i}
                      value={row.costOfSales}
                      label={`${label} ${t("plans.fin.costOfSales")}`}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ costOfSales: v })}
                    />
                  </td>
                  <td>
                    <CellInput
                      name="fixedCosts"
                      index={i}
                      value={row.fixedCosts}
                      label={`${label} ${t("plans.fin.fixedCosts")}`}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ fixedCosts: v })}
                    />
                  </td>
                  <td className="num">{formatMoney(net)}</td>
                  <td className="num">{formatMoney(cumulative[i] ?? 0)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p data-break-even={breakEven ?? "never"}>
        {breakEven === null ? t("plans.fin.breakEvenNever") : t("plans.fin.breakEven", { month: breakEven })}
      </p>
      <p>
        {t("plans.fin.grossMargin", { amount: formatMoney(margin.amountCentimes) })}
        {margin.ratePercent === null ? "" : ` (${t("plans.fin.grossMarginRate", { rate: margin.ratePercent })})`}
      </p>

      <h2>{t("plans.field.years")}</h2>
      <p className="hint">{t("plans.fin.year1Hint")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("plans.field.years")}>
        <table className="plan-table">
          <thead>
            <tr>
              <th />
              <th>{t("plans.fin.revenue")}</th>
              <th>{t("plans.fin.costs")}</th>
              <th>{t("plans.fin.result")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("plans.fin.year", { n: 1 })}</th>
              <td className="num">{formatMoney(three.years[0]?.revenueCentimes ?? 0)}</td>
              <td className="num">{formatMoney(three.years[0]?.costsCentimes ?? 0)}</td>
              <td className="num">{formatMoney(three.years[0]?.resultCentimes ?? 0)}</td>
            </tr>
            {draft.years.map((row, i) => {
              const update = (patch: Partial<typeof row>) =>
                set(
                  "years",
                  draft.years.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                );
              const label = t("plans.fin.year", { n: i + 2 });
              return (
                <tr key={i}>
                  <th scope="row">{label}</th>
                  <td>
                    <CellInput
                      name="yearRevenue"
                      index={i}
                      value={row.revenue}
                      label={`${label} ${t("plans.fin.revenue")}`}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ revenue: v })}
                    />
                  </td>
                  <td>
                    <CellInput
                      name="yearCosts"
                      index={i}
                      value={row.costs}
                      label={`${label} ${t("plans.fin.costs")}`}
                      inputMode="decimal"
                      errors={errors}
                      onChange={(v) => update({ costs: v })}
                    />
                  </td>
                  <td className="num">{formatMoney(three.years[i + 1]?.resultCentimes ?? 0)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("plans.fin.threeYears")}</th>
              <td className="num">{formatMoney(three.total.revenueCentimes)}</td>
              <td className="num">{formatMoney(three.total.costsCentimes)}</td>
              <td className="num" data-total="three-years">
                {formatMoney(three.total.resultCentimes)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </fieldset>
  );
}
