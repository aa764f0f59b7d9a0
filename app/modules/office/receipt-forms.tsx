/**
 * On the staff's page of a person: each decision's receipt recorded for them, with the
 * form that corrects it (the day, how) or undoes it, always with a reason. Undoing is
 * the secondary button: the receipt can be recorded again.
 */
import { Form } from "@remix-run/react";
import { Field, FieldError, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { DECISION_CHANNELS, RECEIPT_CHANGE_REASONS } from "./constants";

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
  ...echo
}: FormEcho & { receipts: readonly ReceiptView[]; today: string; echoFor?: string }) {
  const { t } = useI18n();
  if (!receipts.length) return <p>{t("office.receipts.none")}</p>;
  return (
    <>
      {receipts.map((r) => (
        <ReceiptForm key={r.id} receipt={r} today={today} {...(echoFor === r.id ? echo : {})} />
      ))}
    </>
  );
}

function ReceiptForm({ receipt: r, today, errors, values }: FormEcho & { receipt: ReceiptView; today: string }) {
  const { t, formatDate } = useI18n();
  const id = (field: string) => `f-receipt-${r.id}-${field}`;
  return (
    <Form method="post" className="stack list-item" noValidate data-testid="receipt-form">
      <input type="hidden" name="intent" value="receipt" />
      <input type="hidden" name="applicationId" value={r.id} />
      <input type="hidden" name="version" value={r.version} />
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
      <FieldError name="form" errors={errors} />
    </Form>
  );
}
