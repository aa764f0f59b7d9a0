/**
 * The fields of each step of the plan builder but the financial one (FinancialForm),
 * and the coach's comments beside them. Plain form fields: they work without JavaScript
 * and come back with what was typed after a refused save.
 */
import { Form } from "@remix-run/react";
import { Field, SelectField, TextareaField } from "~/components/form";
import { codeChoices } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { rowField, type FieldErrors } from "~/lib/forms";
import { COMPETITOR_ROWS } from "./constants";
import { LEGAL_FORM_FIELD, LEGAL_FORMS, MAX_ROWS, MONTHS } from "./rules";
import { SECTORS, type PlanStep } from "./constants";

type SummaryLabel = MessageKey | { text: string };

/**
 * The fields of a step in the order of its form, each with its label: the error summary's
 * links (ErrorSummary, `order` = the keys). A row's field is named with its table and line
 * ("Startup costs · Line 2 · Quantity"), a forecast cell with its month or year, as the
 * cell's own label says; a table's own problem (too many lines) links to the table.
 * Made only for a refused save (`errors`): a step's tables name several hundred cells.
 */
export function useStepErrorLabels(step: PlanStep, errors: FieldErrors | undefined): Record<string, SummaryLabel> {
  const { t } = useI18n();
  if (!errors) return {};
  const rows = (list: string, table: MessageKey, count: number, fields: Record<string, MessageKey>) => {
    const labels: Record<string, SummaryLabel> = { [list]: table };
    for (let i = 0; i < count; i++)
      for (const [field, label] of Object.entries(fields))
        labels[rowField(list, i, field)] = {
          text: `${t(table)} · ${t("plans.fin.line", { n: i + 1 })} · ${t(label)}`,
        };
    return labels;
  };
  const forecast = (list: string, count: number, row: (i: number) => string, fields: Record<string, MessageKey>) => {
    const labels: Record<string, SummaryLabel> = {};
    for (let i = 0; i < count; i++)
      for (const [field, label] of Object.entries(fields))
        labels[rowField(list, i, field)] = { text: `${row(i)} · ${t(label)}` };
    return labels;
  };
  const fields: Record<string, SummaryLabel> = {};
  if (step === "summary")
    Object.assign(fields, {
      projectName: "plans.field.projectName",
      sector: "plans.field.sector",
      city: "plans.field.city",
      pitch: "plans.field.pitch",
    });
  if (step === "legal") Object.assign(fields, { [LEGAL_FORM_FIELD]: "plans.field.form", reason: "plans.field.reason" });
  for (const name of TEXT_FIELDS[step] ?? []) fields[name] = `plans.field.${name}` as MessageKey;
  if (step === "market")
    Object.assign(fields, {
      customers: "plans.field.customers",
      marketSize: "plans.field.marketSize",
      marketSizeFigure: "plans.field.marketSizeFigure",
      ...rows("competitors", "plans.field.competitors", COMPETITOR_ROWS, {
        name: "plans.field.competitorName",
        price: "plans.field.competitorPrice",
      }),
      price: "plans.field.price",
      salesPlaces: "plans.field.salesPlaces",
    });
  if (step === "financial")
    Object.assign(fields, {
      ...rows("costs", "plans.field.startupCosts", MAX_ROWS, {
        item: "plans.fin.item",
        quantity: "plans.fin.quantity",
        unitPrice: "plans.fin.unitPrice",
      }),
      ...rows("funding", "plans.field.funding", MAX_ROWS, {
        kind: "plans.fin.kind",
        label: "plans.fin.label",
        amount: "plans.fin.amount",
      }),
      ...forecast("months", MONTHS, (i) => t("plans.fin.month", { n: i + 1 }), {
        revenue: "plans.fin.revenue",
        costOfSales: "plans.fin.costOfSales",
        fixedCosts: "plans.fin.fixedCosts",
      }),
      ...forecast("years", 2, (i) => t("plans.fin.year", { n: i + 2 }), {
        revenue: "plans.fin.revenue",
        costs: "plans.fin.costs",
      }),
    });
  // a coach's comment beside the form
  fields.body = "plans.comments.body";
  return fields;
}

type StepProps = { values: Record<string, string>; errors?: FieldErrors };

export function SummaryFields({ values, errors }: StepProps) {
  const { t } = useI18n();
  return (
    <>
      <Field name="projectName" label="plans.field.projectName" values={values} errors={errors} maxLength={120} />
      <SelectField
        name="sector"
        label="plans.field.sector"
        values={values}
        errors={errors}
        placeholder="form.choose"
        options={SECTORS.map((s) => ({ value: s, label: t(`plans.sector.${s}` as MessageKey) }))}
      />
      <SelectField
        name="city"
        label="plans.field.city"
        values={values}
        errors={errors}
        placeholder="form.choose"
        options={codeChoices(t, "city")}
      />
      <TextareaField name="pitch" label="plans.field.pitch" values={values} errors={errors} rows={4} />
    </>
  );
}

export function LegalFields({ values, errors }: StepProps) {
  const { t } = useI18n();
  return (
    <fieldset className="stack">
      <legend>{t("plans.field.form")}</legend>
      {LEGAL_FORMS.map((f, i) => {
        // the first choice carries the field's id: the error summary's link goes to it (GOV.UK)
        const id = i === 0 ? `f-${LEGAL_FORM_FIELD}` : `f-${LEGAL_FORM_FIELD}-${f}`;
        return (
          <div key={f} className="checkbox">
            <input
              type="radio"
              id={id}
              name="form"
              value={f}
              defaultChecked={values.form === f}
              aria-describedby={`${id}-help`}
            />
            <label htmlFor={id}>{t(`plans.legal.${f}` as MessageKey)}</label>
            <p className="hint" id={`${id}-help`}>
              {t(`plans.legal.${f}.help` as MessageKey)}
            </p>
          </div>
        );
      })}
      {errors?.[LEGAL_FORM_FIELD] ? <p className="error">{t(errors[LEGAL_FORM_FIELD])}</p> : null}
      <TextareaField name="reason" label="plans.field.reason" values={values} errors={errors} rows={2} />
    </fieldset>
  );
}

/** The steps that are only text: one textarea per field. */
const TEXT_FIELDS: Partial<Record<PlanStep, string[]>> = {
  promoters: ["experience", "skills", "team"],
  product: ["description", "difference"],
  marketing: ["strategy", "channels"],
  operations: ["premises", "equipment", "suppliers", "staff"],
  risks: ["risks", "mitigation"],
};

export function TextStepFields({ step, values, errors }: StepProps & { step: PlanStep }) {
  return (TEXT_FIELDS[step] ?? []).map((name) => (
    <TextareaField
      key={name}
      name={name}
      label={`plans.field.${name}` as MessageKey}
      values={values}
      errors={errors}
      rows={4}
    />
  ));
}

function CompetitorRows({ values, errors }: StepProps) {
  const { t } = useI18n();
  return (
    <fieldset id="f-competitors" tabIndex={-1}>
      <legend>{t("plans.field.competitors")}</legend>
      {Array.from({ length: COMPETITOR_ROWS }, (_, i) => (
        <div key={i} className="plan-row">
          <Field
            name={rowField("competitors", i, "name")}
            label="plans.field.competitorName"
            {...{ values, errors }}
            maxLength={200}
          />
          <Field
            name={rowField("competitors", i, "price")}
            label="plans.field.competitorPrice"
            {...{ values, errors }}
            inputMode="decimal"
            dir="ltr"
          />
        </div>
      ))}
    </fieldset>
  );
}

export function MarketFields({ values, errors }: StepProps) {
  return (
    <>
      <TextareaField name="customers" label="plans.field.customers" values={values} errors={errors} rows={4} />
      <TextareaField name="marketSize" label="plans.field.marketSize" values={values} errors={errors} rows={2} />
      <Field name="marketSizeFigure" label="plans.field.marketSizeFigure" values={values} errors={errors} />
      <CompetitorRows values={values} errors={errors} />
      <Field name="price" label="plans.field.price" values={values} inputMode="decimal" dir="ltr" errors={errors} />
      <TextareaField name="salesPlaces" label="plans.field.salesPlaces" values={values} errors={errors} rows={2} />
    </>
  );
}

export type PlanComment = { id: string; body: string; authorName: string; createdAt: string };

/** What coaches said on this step, and, for a coach, a form to say more. */
export function PlanComments({
  comments,
  canComment,
  errors,
  body,
}: {
  comments: PlanComment[];
  canComment: boolean;
  errors?: FieldErrors;
  body?: string;
}) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("plans.comments.title")}</h2>
      {comments.length === 0 ? <p className="hint">{t("plans.comments.none")}</p> : null}
      <ul className="list">
        {comments.map((c) => (
          <li key={c.id} className="list-item plan-comment">
            <p className="message-body" dir="auto">
              {c.body}
            </p>
            <p className="hint">
              {c.authorName} · {formatDate(c.createdAt, true)}
            </p>
          </li>
        ))}
      </ul>
      {canComment ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="comment" />
          <TextareaField name="body" label="plans.comments.body" errors={errors} defaultValue={body} rows={3} />
          <button type="submit" className="button">
            {t("plans.comments.send")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
