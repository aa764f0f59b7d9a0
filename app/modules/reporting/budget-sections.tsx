/** The sections of the budget page: planned lines, exchange rates, manual entries. */
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormAlert, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { formatMoney, moneyInputValue } from "~/lib/money";
import type { getBudget, listBudgetEntries } from "./budget-queries.server";
import { formatRate } from "./rules";
import { BUDGET_LINES } from "./constants";

type Budget = Awaited<ReturnType<typeof getBudget>>;
type Entry = Omit<Awaited<ReturnType<typeof listBudgetEntries>>[number], "occurredOn"> & { occurredOn: string };
/** The errors and values of a refused submit of this form. */

/** The donor total, the programme's dates and the planned amount of each line, in USD. */
export function PlannedBudgetForm({ budget, errors, values }: { budget: Budget } & FormEcho) {
  const { t, locale } = useI18n();
  const echo = { errors, values };
  const planned = budget.planned.reduce((a, l) => a + l.plannedUsdCents, 0);
  return (
    <>
      <h2>{t("reporting.budget.lines")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="budget" />
        <FormAlert message={errors?.form} />
        <Field
          name="total"
          label="reporting.budget.total"
          inputMode="decimal"
          required
          defaultValue={moneyInputValue(budget.totalUsdCents)}
          {...echo}
        />
        <Field
          name="startsOn"
          label="reporting.budget.startsOn"
          type="date"
          required
          defaultValue={budget.startsOn ?? ""}
          {...echo}
        />
        <Field
          name="endsOn"
          label="reporting.budget.endsOn"
          type="date"
          required
          defaultValue={budget.endsOn ?? ""}
          {...echo}
        />
        {BUDGET_LINES.map((line) => (
          <Field
            key={line}
            name={`line_${line}`}
            label={`reporting.budgetLine.${line}`}
            inputMode="decimal"
            required
            defaultValue={moneyInputValue(budget.planned.find((p) => p.line === line)?.plannedUsdCents ?? 0)}
            {...echo}
          />
        ))}
        <p className="hint">
          {t("reporting.budget.unplanned", { amount: formatMoney(locale, budget.totalUsdCents - planned, "USD") })}
        </p>
        <button type="submit" className="button">
          {t("reporting.budget.save")}
        </button>
      </Form>
    </>
  );
}

/** The dated MAD/USD rates, and a form for a new one. */
export function RatesSection({ rates, errors, values }: { rates: Budget["rates"] } & FormEcho) {
  const { t, formatDate } = useI18n();
  const echo = { errors, values };
  return (
    <>
      <h2>{t("reporting.budget.rates")}</h2>
      {rates.length === 0 ? <p className="alert">{t("reporting.budget.noRate")}</p> : null}
      <DataTable
        label={t("reporting.budget.rates")}
        headers={[t("reporting.budget.effectiveOn"), t("reporting.budget.rate")]}
        rows={rates}
        rowKey={(r) => r.id}
        cells={(r) => [formatDate(r.effectiveOn), formatRate(r.madPerUsdE4)]}
        numeric={[1]}
      />
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="rate" />
        <Field name="effectiveOn" label="reporting.budget.effectiveOn" type="date" required {...echo} />
        <Field name="rate" label="reporting.budget.rate" inputMode="decimal" required {...echo} />
        <button type="submit" className="button">
          {t("reporting.budget.addRate")}
        </button>
      </Form>
    </>
  );
}

/**
 * A commitment or a payment made outside the records, in MAD; with `entry`, the same
 * form correcting that entry (its values filled in, posted as `correctEntry`).
 */
export function EntryForm({ errors, values, entry }: FormEcho & { entry?: Entry & { version: string } }) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <Form
      method="post"
      action={entry ? `/admin/budget?entry=${entry.id}` : undefined}
      className="stack narrow"
      noValidate
    >
      <input type="hidden" name="intent" value={entry ? "correctEntry" : "entry"} />
      {entry ? <input type="hidden" name="entryId" value={entry.id} /> : null}
      {entry ? <input type="hidden" name="version" value={entry.version} /> : null}
      <FormAlert message={errors?.form} />
      <SelectField
        name="lineKey"
        label="reporting.budget.line"
        defaultValue={entry?.lineKey ?? "staff_operations"}
        options={BUDGET_LINES.map((line) => ({ value: line, label: t(`reporting.budgetLine.${line}`) }))}
        {...echo}
      />
      <SelectField
        name="kind"
        label="reporting.budget.entryKind"
        defaultValue={entry?.kind ?? "spending"}
        options={(["spending", "commitment"] as const).map((k) => ({
          value: k,
          label: t(`reporting.budget.kind.${k}`),
        }))}
        {...echo}
      />
      <Field
        name="amount"
        label="reporting.budget.amount"
        inputMode="decimal"
        required
        defaultValue={entry ? moneyInputValue(entry.amount) : undefined}
        {...echo}
      />
      <Field
        name="occurredOn"
        label="reporting.budget.occurredOn"
        type="date"
        required
        defaultValue={entry?.occurredOn}
        {...echo}
      />
      <Field
        name="reference"
        label="reporting.budget.reference"
        required
        maxLength={200}
        defaultValue={entry?.reference}
        {...echo}
      />
      <p className="actions">
        <button type="submit" className="button">
          {t(entry ? "reporting.budget.saveCorrection" : "reporting.budget.addEntry")}
        </button>
        {entry ? <Link to="/admin/budget">{t("reporting.budget.cancel")}</Link> : null}
      </p>
    </Form>
  );
}

/** The latest manual entries. */
export function EntriesTable({ entries }: { entries: Entry[] }) {
  const { t, formatDate, formatMoney: mad } = useI18n();
  if (entries.length === 0) return <p className="hint">{t("reporting.budget.noEntries")}</p>;
  return (
    <DataTable
      label={t("reporting.budget.entries")}
      headers={[
        t("reporting.budget.occurredOn"),
        t("reporting.budget.line"),
        t("reporting.budget.entryKind"),
        t("reporting.budget.amount"),
        t("reporting.budget.reference"),
        t("reporting.budget.correct"),
      ]}
      rows={entries}
      rowKey={(e) => e.id}
      cells={(e) => [
        formatDate(e.occurredOn),
        t(`reporting.budgetLine.${e.lineKey}`),
        t(`reporting.budget.kind.${e.kind}`),
        mad(e.amount),
        e.reference,
        <Link
          key="correct"
          to={`/admin/budget?entry=${e.id}#correct-entry`}
          aria-label={`${t("reporting.budget.correct")} · ${e.reference}`}
        >
          {t("reporting.budget.correct")}
        </Link>,
      ]}
      numeric={[3]}
    />
  );
}
