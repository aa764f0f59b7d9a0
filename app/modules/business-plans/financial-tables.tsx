/**
 * The four tables of the financial step, each a piece of FinancialForm: startup costs
 * and funding (rows added and removed), the twelve months and the two later years.
 * Each gets its rows and says what changed; FinancialForm keeps the state.
 */
import type { MouseEvent, ReactNode } from "react";
import { SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { rowField, type FieldErrors } from "~/lib/forms";
import { FUNDING_KINDS, MAX_ROWS } from "./rules";
import type { CostRow, FundingRow, MonthRow, YearRow } from "./schemas.server";

import { typedAmount, typedQuantity, type Figures } from "./financial-figures";

type Rows<R> = { rows: R[]; errors?: FieldErrors; onChange: (rows: R[]) => void };
/** Rows that can be removed: the form keeps what was removed, to offer it back. */
type RemovableRows<R> = Rows<R> & { onRemove: (index: number) => void };

/** Without JavaScript a row button posts the form; with it, the rows change in place. */
const inPlace = (fn: () => void) => (e: MouseEvent<HTMLButtonElement>) => {
  e.preventDefault();
  fn();
};

function patchRow<R>(rows: R[], i: number, patch: Partial<R>): R[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

function CellInput(props: {
  name: string;
  value: string;
  label: string;
  errors?: FieldErrors;
  onChange: (value: string) => void;
  inputMode?: "decimal" | "numeric" | "text";
}) {
  const { t } = useI18n();
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  return (
    <>
      <input
        id={id}
        name={props.name}
        value={props.value}
        aria-label={props.label}
        inputMode={props.inputMode}
        aria-invalid={error ? true : undefined}
        // a screen reader reads the cell's problem with it, as Field's inputs do
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        dir={props.inputMode && props.inputMode !== "text" ? "ltr" : "auto"}
      />
      {error ? (
        <span className="error" id={`${id}-error`}>
          {t(error)}
        </span>
      ) : null}
    </>
  );
}

/**
 * A table, a named region reachable from the keyboard. On a phone each row is a block
 * (styles.css, `.plan-table`): each cell under its column's name (`data-label`), so the
 * totals and the "remove" buttons are seen without scrolling sideways.
 */
function TableFrame({
  label,
  head,
  children,
  id,
}: {
  label: MessageKey;
  head: ReactNode;
  children: ReactNode;
  /** where the error summary links a problem of the whole table (too many lines) */
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap" id={id} tabIndex={0} role="region" aria-label={t(label)}>
      <table className="plan-table">
        <thead>
          <tr>{head}</tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

function Headers({ labels }: { labels: (MessageKey | null)[] }) {
  const { t } = useI18n();
  return labels.map((label, i) => <th key={i}>{label ? t(label) : null}</th>);
}

/** The total under a table of lines, beside the column of amounts. */
function TotalRow({ label, span, list, total }: { label: MessageKey; span: number; list: string; total: number }) {
  const { t, formatMoney } = useI18n();
  return (
    <tfoot>
      <tr>
        <th colSpan={span}>{t(label)}</th>
        <td className="num" data-total={list}>
          {formatMoney(total)}
        </td>
        <td />
      </tr>
    </tfoot>
  );
}

function RemoveRow({ value, n, onRemove }: { value: string; n: number; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <button type="submit" name="intent" value={value} className="link-button" onClick={inPlace(onRemove)}>
      {t("plans.fin.removeRow", { n })}
    </button>
  );
}

function AddRow({
  value,
  label,
  count,
  onAdd,
}: {
  value: string;
  label: MessageKey;
  count: number;
  onAdd: () => void;
}) {
  const { t } = useI18n();
  if (count >= MAX_ROWS) return null;
  return (
    <button type="submit" name="intent" value={value} className="button button-secondary" onClick={inPlace(onAdd)}>
      {t(label)}
    </button>
  );
}

export function CostsTable({ rows, errors, onChange, onRemove, total }: RemovableRows<CostRow> & { total: number }) {
  const { t, formatMoney } = useI18n();
  const cell = (i: number, key: keyof CostRow, label: MessageKey, inputMode?: "decimal" | "numeric") => (
    <td data-label={t(label)}>
      <CellInput
        {...{ errors, inputMode }}
        name={rowField("costs", i, key)}
        value={rows[i]?.[key] ?? ""}
        label={t(label)}
        onChange={(v) => onChange(patchRow(rows, i, { [key]: v }))}
      />
    </td>
  );
  return (
    <>
      <TableFrame
        id="f-costs"
        label="plans.field.startupCosts"
        head={
          <Headers
            labels={["plans.fin.item", "plans.fin.quantity", "plans.fin.unitPrice", "plans.fin.lineTotal", null]}
          />
        }
      >
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {cell(i, "item", "plans.fin.item")}
              {cell(i, "quantity", "plans.fin.quantity", "numeric")}
              {cell(i, "unitPrice", "plans.fin.unitPrice", "decimal")}
              <td className="num" data-line-total data-label={t("plans.fin.lineTotal")}>
                {formatMoney(typedQuantity(row.quantity) * typedAmount(row.unitPrice))}
              </td>
              <td>
                <RemoveRow value={`remove-cost:${i}`} n={i + 1} onRemove={() => onRemove(i)} />
              </td>
            </tr>
          ))}
        </tbody>
        <TotalRow label="plans.fin.totalCosts" span={3} list="costs" total={total} />
      </TableFrame>
      <AddRow
        value="add-cost"
        label="plans.fin.addCost"
        count={rows.length}
        onAdd={() => onChange([...rows, { item: "", quantity: "", unitPrice: "" }])}
      />
    </>
  );
}

function KindSelect({ name, value, onChange }: { name: string; value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <SelectField
      name={name}
      label="plans.fin.kind"
      hideLabel
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={FUNDING_KINDS.map((k) => ({ value: k, label: t(`plans.funding.${k}` as MessageKey) }))}
    />
  );
}

export function FundingTable({
  rows,
  errors,
  onChange,
  onRemove,
  total,
}: RemovableRows<FundingRow> & { total: number }) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<FundingRow>) => onChange(patchRow(rows, i, patch));
  return (
    <>
      <TableFrame
        id="f-funding"
        label="plans.field.funding"
        head={<Headers labels={["plans.fin.kind", "plans.fin.label", "plans.fin.amount", null]} />}
      >
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td data-label={t("plans.fin.kind")}>
                <KindSelect
                  name={rowField("funding", i, "kind")}
                  value={row.kind}
                  onChange={(kind) => update(i, { kind })}
                />
              </td>
              <td data-label={t("plans.fin.label")}>
                <CellInput
                  name={rowField("funding", i, "label")}
                  value={row.label}
                  label={t("plans.fin.label")}
                  errors={errors}
                  onChange={(label) => update(i, { label })}
                />
              </td>
              <td data-label={t("plans.fin.amount")}>
                <CellInput
                  name={rowField("funding", i, "amount")}
                  value={row.amount}
                  label={t("plans.fin.amount")}
                  inputMode="decimal"
                  errors={errors}
                  onChange={(amount) => update(i, { amount })}
                />
              </td>
              <td>
                <RemoveRow value={`remove-funding:${i}`} n={i + 1} onRemove={() => onRemove(i)} />
              </td>
            </tr>
          ))}
        </tbody>
        <TotalRow label="plans.fin.totalFunding" span={2} list="funding" total={total} />
      </TableFrame>
      <AddRow
        value="add-funding"
        label="plans.fin.addFunding"
        count={rows.length}
        onAdd={() => onChange([...rows, { kind: "other", label: "", amount: "" }])}
      />
    </>
  );
}

/** An amount cell of a forecast row, labelled with its row ("Month 3 Revenue"). */
function ForecastCell<R>(props: {
  rows: R[];
  list: "months" | "years";
  i: number;
  field: keyof R & string;
  rowLabel: string;
  label: MessageKey;
  errors?: FieldErrors;
  onChange: (rows: R[]) => void;
}) {
  const { t } = useI18n();
  const { rows, i, field } = props;
  return (
    <td data-label={t(props.label)}>
      <CellInput
        name={rowField(props.list, i, field)}
        value={String(rows[i]?.[field] ?? "")}
        label={`${props.rowLabel} ${t(props.label)}`}
        inputMode="decimal"
        errors={props.errors}
        onChange={(v) => props.onChange(patchRow(rows, i, { [field]: v } as Partial<R>))}
      />
    </td>
  );
}

export function MonthsTable({ rows, errors, onChange, figures }: Rows<MonthRow> & { figures: Figures }) {
  const { t, formatMoney } = useI18n();
  const cells = { rows, errors, onChange, list: "months" as const };
  return (
    <TableFrame
      label="plans.field.months"
      head={
        <Headers
          labels={[
            null,
            "plans.fin.revenue",
            "plans.fin.costOfSales",
            "plans.fin.fixedCosts",
            "plans.fin.net",
            "plans.fin.cumulative",
          ]}
        />
      }
    >
      <tbody>
        {rows.map((_, i) => {
          const rowLabel = t("plans.fin.month", { n: i + 1 });
          return (
            <tr key={i}>
              <th scope="row">{rowLabel}</th>
              <ForecastCell {...cells} {...{ i, rowLabel }} field="revenue" label="plans.fin.revenue" />
              <ForecastCell
                {...cells}
                {...{ i, rowLabel }}
                field="costOfSales"

                label="plans.fin.costOfSales"
              />
              <ForecastCell
                {...cells}
                {...{ i, rowLabel }}
                field="fixedCosts"

                label="plans.fin.fixedCosts"
              />
              <td className="num" data-label={t("plans.fin.net")}>
                {formatMoney(figures.net[i] ?? 0)}
              </td>
              <td className="num" data-label={t("plans.fin.cumulative")}>
                {formatMoney(figures.cumulative[i] ?? 0)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}

export function YearsTable({ rows, errors, onChange, figures }: Rows<YearRow> & { figures: Figures }) {
  const { t, formatMoney } = useI18n();
  const cells = { rows, errors, onChange, list: "years" as const };
  const { three } = figures;
  return (
    <TableFrame
      label="plans.field.years"
      head={<Headers labels={[null, "plans.fin.revenue", "plans.fin.costs", "plans.fin.result"]} />}
    >
      <tbody>
        <tr>
          <th scope="row">{t("plans.fin.year", { n: 1 })}</th>
          <td className="num" data-label={t("plans.fin.revenue")}>
            {formatMoney(three.years[0]?.revenueCentimes ?? 0)}
          </td>
          <td className="num" data-label={t("plans.fin.costs")}>
            {formatMoney(three.years[0]?.costsCentimes ?? 0)}
          </td>
          <td className="num" data-label={t("plans.fin.result")}>
            {formatMoney(three.years[0]?.resultCentimes ?? 0)}
          </td>
        </tr>
        {rows.map((_, i) => {
          const rowLabel = t("plans.fin.year", { n: i + 2 });
          return (
            <tr key={i}>
              <th scope="row">{rowLabel}</th>
              <ForecastCell
                {...cells}
                {...{ i, rowLabel }}
                field="revenue"

                label="plans.fin.revenue"
              />
              <ForecastCell {...cells} {...{ i, rowLabel }} field="costs" label="plans.fin.costs" />
              <td className="num" data-label={t("plans.fin.result")}>
                {formatMoney(three.years[i + 1]?.resultCentimes ?? 0)}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("plans.fin.threeYears")}</th>
          <td className="num" data-label={t("plans.fin.revenue")}>
            {formatMoney(three.total.revenueCentimes)}
          </td>
          <td className="num" data-label={t("plans.fin.costs")}>
            {formatMoney(three.total.costsCentimes)}
          </td>
          <td className="num" data-total="three-years" data-label={t("plans.fin.result")}>
            {formatMoney(three.total.resultCentimes)}
          </td>
        </tr>
      </tfoot>
    </TableFrame>
  );
}
