/** A service's fields, as recording and correcting it share them: the common ones and the kind's own. */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FieldError, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";
import type { SERVICE_KINDS } from "../constants";

export type Kind = (typeof SERVICE_KINDS)[number];

/** The choices of the kind's own enumerated fields. */
const CHOICES: Record<string, readonly string[]> = {
  reasonCategory: ["general", "maternal", "child", "chronic", "injury", "infectious", "other"],
  outcome: ["treated", "referred", "follow_up", "other"],
  urgency: ["routine", "urgent", "emergency"],
  sessionType: ["individual", "group", "family"],
  legalType: ["counselling", "documents", "regularisation", "court"],
};

const KIND_FIELDS: Record<Kind, { name: string; type?: "date" | "select" }[]> = {
  medical: [
    { name: "reasonCategory", type: "select" },
    { name: "outcome", type: "select" },
  ],
  hospital_referral: [
    { name: "facility" },
    { name: "specialty" },
    { name: "urgency", type: "select" },
    { name: "followUpDate", type: "date" },
  ],
  mental_health: [{ name: "sessionType", type: "select" }],
  shelter: [{ name: "place" }, { name: "checkIn", type: "date" }, { name: "checkOut", type: "date" }],
  legal: [{ name: "legalType", type: "select" }],
  avrr: [{ name: "countryOfReturn" }],
};

/** The fields of the form for a service of this kind, in order, with their labels: for the error summary. */
function serviceLabels(kind: Kind): Record<string, MessageKey> {
  return {
    serviceDate: "protection.services.date",
    ...Object.fromEntries(KIND_FIELDS[kind].map((f) => [f.name, `protection.detail.${f.name}` as MessageKey])),
    provider: "protection.services.provider",
    cost: "protection.services.cost",
    notes: "protection.services.notes",
  };
}

/**
 * The form of a service of `kind`: recording a new one (the date defaults to today) or
 * correcting one (`values` hold it as stored, or as typed when refused). `hidden` goes
 * with the post (a correction's version).
 */
export function ServiceForm(p: {
  kind: Kind;
  errors?: FieldErrors;
  values?: Record<string, string>;
  today?: string;
  submit: MessageKey;
  hidden?: ReactNode;
}) {
  const { t } = useI18n();
  const { kind, errors, values } = p;
  const labels = serviceLabels(kind);
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} order={["form", ...Object.keys(labels)]} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="kind" value={kind} />
        {p.hidden}
        <Field
          name="serviceDate"
          label="protection.services.date"
          type="date"
          defaultValue={p.today}
          required
          errors={errors}
          values={values}
        />
        {KIND_FIELDS[kind].map((f) =>
          f.type === "select" ? (
            <SelectField
              key={f.name}
              name={f.name}
              label={`protection.detail.${f.name}` as MessageKey}
              errors={errors}
              values={values}
              options={CHOICES[f.name]!.map((v) => ({ value: v, label: t(`protection.value.${v}` as MessageKey) }))}
            />
          ) : (
            <Field
              key={f.name}
              name={f.name}
              label={`protection.detail.${f.name}` as MessageKey}
              type={f.type ?? "text"}
              errors={errors}
              values={values}
            />
          ),
        )}
        <Field name="provider" label="protection.services.provider" errors={errors} values={values} />
        <Field
          name="cost"
          label="protection.services.cost"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          errors={errors}
          values={values}
        />
        <div className="field">
          <label htmlFor="f-notes">{t("protection.services.notes")}</label>
          <textarea id="f-notes" name="notes" rows={4} defaultValue={values?.notes} />
          <FieldError name="notes" errors={errors} />
        </div>
        <button type="submit" className="button">
          {t(p.submit)}
        </button>
      </Form>
    </>
  );
}
