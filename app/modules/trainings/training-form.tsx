import { Form } from "@remix-run/react";
import { CheckboxGroup, Field, SelectField } from "~/components/form";
import { TrilingualField } from "~/components/localized-text";
import { codeChoices } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type FormEcho, tickedValues } from "~/lib/forms";
import { AUDIENCES, TRAINING_CATEGORIES } from "./constants";

/**
 * A training's fields: the form that creates one (empty) and the one that corrects it
 * (`values` are the training as it stands, or what was typed on a refused submit).
 */
export function TrainingForm({
  errors,
  values,
  submit,
}: FormEcho & {
  submit: MessageKey;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <Form method="post" className="stack narrow" noValidate>
      <SelectField
        name="category"
        label="trainings.field.category"
        defaultValue="soft_skills"
        options={TRAINING_CATEGORIES.map((c) => ({ value: c, label: t(`trainings.category.${c}`) }))}
        {...echo}
      />
      <TrilingualField name="title" label="trainings.field.title" {...echo} />
      <TrilingualField name="description" label="trainings.field.description" multiline required={false} {...echo} />
      <SelectField
        name="audience"
        label="trainings.field.audience"
        defaultValue="both"
        options={AUDIENCES.map((a) => ({ value: a, label: t(`trainings.audience.${a}`) }))}
        {...echo}
      />
      <CheckboxGroup
        name="deliveryLanguages"
        legend="trainings.field.deliveryLanguage"
        options={codeChoices(t, "language")}
        checked={values ? tickedValues(values, "deliveryLanguages") : ["fr"]}
        errors={errors}
      />
      <Field
        name="minAttendancePercent"
        label="trainings.field.minAttendancePercent"
        hint="trainings.field.minAttendancePercentHint"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        defaultValue="80"
        {...echo}
      />
      <button type="submit" className="button">
        {t(submit)}
      </button>
    </Form>
  );
}
