import { ConfirmStep } from "~/components/confirm-step";
import { TextareaField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { ItemQuantities } from "./item-quantities";
import type { FormEcho } from "~/lib/forms";
import type { Trilingual } from "~/lib/localized";

export type CorrectionPreview = {
  distributionId: string;
  name: string;
  reference: string;
  createdAt: string;
  items: (Trilingual<"name"> & { itemId: string; quantity: number })[];
};

/**
 * The confirmation step of correcting a hand-out made by mistake: to whom it was made,
 * what comes back to the stock, what happens next, and the reason (required, kept in
 * the ledger and the audit).
 */
export function CorrectionStep({
  p,
  roundId,
  errors,
  values,
}: FormEcho & {
  p: CorrectionPreview;
  roundId: string;
}) {
  const { t, formatDate } = useI18n();
  return (
    <ConfirmStep
      title="aid.correct.title"
      titleValues={{ name: p.name }}
      intent="correct"
      hidden={{ distributionId: p.distributionId }}
      confirmLabel="aid.correct.button"
      cancelTo={`/aid/rounds/${roundId}#given`}
      fields={
        <TextareaField
          name="reason"
          label="aid.correct.reason"
          hint="aid.correct.reasonHint"
          errors={errors}
          values={values}
          maxLength={300}
        />
      }
    >
      <p>
        <span dir="ltr">{p.reference}</span> · {formatDate(p.createdAt, true)}
      </p>
      <p>{t("aid.correct.returns")}</p>
      <ItemQuantities items={p.items} testId="correction-items" />
      <p>{t("aid.correct.after")}</p>
    </ConfirmStep>
  );
}
