/** Pieces of the feedback pages: the category choice, labels of categories and statuses. */
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { FieldError } from "~/components/form";
import { FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackStatus } from "./constants";
import { isConfidential } from "./rules";

/** The five kinds of message, as radios with what each one means; the confidential two say who reads them. */
export function CategoryChoice({ errors, values }: FormEcho) {
  const { t } = useI18n();
  const error = errors?.category;
  return (
    <fieldset
      className={error ? "stack choice-group field-invalid" : "stack choice-group"}
      id="f-category"
      aria-describedby={error ? "f-category-error" : undefined}
    >
      <legend>{t("feedback.field.category")}</legend>
      {FEEDBACK_CATEGORIES.map((c) => (
        <label key={c} className="choice" data-category={c}>
          <input type="radio" name="category" value={c} defaultChecked={values?.category === c} />
          <span>
            <strong>{t(`feedback.category.${c}`)}</strong>
            <span className="hint">{t(`feedback.category.${c}.hint`)}</span>
            {isConfidential(c) ? <span className="confidential-note">{t("feedback.confidentialNote")}</span> : null}
          </span>
        </label>
      ))}
      <span id="f-category-error">
        <FieldError name="category" errors={errors} />
      </span>
    </fieldset>
  );
}

export function CategoryLabel({ category }: { category: FeedbackCategory }) {
  const { t } = useI18n();
  return <>{t(`feedback.category.${category}`)}</>;
}

export function StatusBadge({ status, overdue }: { status: FeedbackStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className="badge" data-status={status}>
        {t(`feedback.status.${status}`)}
      </span>
      {overdue ? (
        <>
          {" "}
          <span className="badge badge-overdue" data-overdue>
            {t("feedback.overdue")}
          </span>
        </>
      ) : null}
    </>
  );
}
