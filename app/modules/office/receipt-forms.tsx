/**
 * On the staff's page of a person: each decision's receipt recorded for them, with the
 * form that corrects it (the day, how) or undoes it, always with a reason. Undoing is
 * the secondary button: the receipt can be recorded again.
 */
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Field, OnFileValues, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { DECISION_CHANNELS, RECEIPT_CHANGE_REASONS } from "./constants";

/** The receipt form's fields, in its order, with their labels (the error summary's links). */
const LABELS = {
  receivedOn: "office.received.on",
  how: "office.received.how",
  reason: "office.receipts.reason",
} as const;

export type ReceiptView = {
  id: string;
  title: string;
  awarded: boolean;
  receivedOn: string;
  how: string;
  /** the receipt as this form shows it: a correction from an older form is refused */
  version: string;
};

export function ReceiptForms({
  receipts,
  today,
  echoFor,
  onFile,
  ...echo
}: FormEcho & {
  receipts: readonly ReceiptView[];
  today: string;
  echoFor?: string;
  /** a correction refused as stale: what the receipt holds now, for its flagged fields */
  onFile?: Record<string, string>;
}) {
  const { t } = useI18n();
  if (!receipts.length) return <p>{t("office.receipts.none")}</p>;
  return (
    <>
      {receipts.map((r) =>
        echoFor === r.id ? (
          <OnFileValues.Provider key={r.id} value={onFile}>
            <ReceiptForm receipt={r} today={today} {...echo} />
          </OnFileValues.Provider>
        ) : (
          <ReceiptForm key={r.id} receipt={r} today={today} />
        ),
      )}
    </>
  );
}

function ReceiptForm({ receipt: r, today, errors, values }: FormEcho & { receipt: ReceiptView; today: string }) {
  const { t, formatDate } = useI18n();
  const id = (field: string) => `f-receipt-${r.id}-${field}`;
  return (
    <Form method="post" className="stack list-item" noValidate data-testid="receipt-form">
      {/* a refusal (a stale page first) at the top of the form it is about, each flagged field a link */}
      <ErrorSummary errors={errors} labels={LABELS} order={["form", ...Object.keys(LABELS)]} fieldId={id} />
      <input type="hidden" name="intent" value="receipt" />
      <input type="hidden" name="applicationId" value={r.id} />
      {/* after a stale refusal, the receipt's current version: saving again saves */}
      <input type="hidden" name="version" value={values?.version ?? r.version} />
      <p>
        <strong>{r.title}</strong> · {t(r.awarded ? "office.received.awarded" : "office.received.rejected")}
        <br />
        {t("office.receipts.recorded", {
          date: formatDate(r.receivedOn),
          how: t(`office.received.how.${r.how === "phone" ? "phone" : "in_person"}`),
        })}
      </p>
      <Field
        name="receivedOn"
        id={id("receivedOn")}
        label="office.received.on"
        type="date"
        max={today}
        defaultValue={r.receivedOn}
        errors={errors}
        values={values}
      />
      <SelectField
        name="how"
        id={id("how")}
        label="office.received.how"
        defaultValue={r.how}
        options={DECISION_CHANNELS.map((c) => ({ value: c, label: t(`office.received.how.${c}`) }))}
        errors={errors}
        values={values}
      />
      <SelectField
        name="reason"
        id={id("reason")}
        label="office.receipts.reason"
        placeholder="form.choose"
        options={RECEIPT_CHANGE_REASONS.map((c) => ({ value: c, label: t(`office.receipts.reason.${c}`) }))}
        errors={errors}
        values={values}
      />
      <div className="actions">
        <button type="submit" name="change" value="correct" className="button">
          {t("office.receipts.correct")}
        </button>
        <button type="submit" name="change" value="undo" className="button button-secondary">
          {t("office.receipts.undo")}
        </button>
      </div>
    </Form>
  );
}
