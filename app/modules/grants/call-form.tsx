/** The sections of the new-call form (no data access): texts, eligibility, money and review, rubric. */
import { CheckboxField, CheckboxGroup, Field, FormAlert, SelectField } from "~/components/form";
import { TrilingualField } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { type FormEcho, tickedValues } from "~/lib/forms";
import { codeChoices } from "~/i18n/codes";
import type { TRAINING_CATEGORIES } from "~/modules/trainings/constants";
import { MAX_CRITERIA } from "./constants";

type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

type Shown = FormEcho;

const AUDIENCES = ["both", "migrants", "young_moroccans"] as const;
const QUOTA_BASES = ["awards", "budget"] as const;
const TRANCHES = [
  ["trancheSignature", "signature"],
  ["trancheStarted", "business_started"],
  ["trancheSixMonths", "six_months"],
] as const;

/** What a blank form shows; after a refused submit, the values typed replace them all. */
export const CALL_FORM_DEFAULTS: Record<string, string> = {
  reviewersPerApplication: "3",
  disagreementThreshold: "25",
  trancheSignature: "50",
  trancheStarted: "30",
  trancheSixMonths: "20",
};

/** The fields of the call form, in its order, with their labels: for the error summary. */
export const CALL_LABELS = {
  titleFr: "grants.field.title",
  titleAr: "grants.field.title",
  titleEn: "grants.field.title",
  descriptionFr: "grants.field.description",
  audience: "grants.field.audience",
  minAge: "grants.field.minAge",
  maxAge: "grants.field.maxAge",
  regions: "grants.field.regions",
  opensOn: "grants.field.opensOn",
  closesOn: "grants.field.closesOn",
  reviewDeadlineOn: "grants.field.reviewDeadlineOn",
  budget: "grants.field.budget",
  maxGrant: "grants.field.maxGrant",
  reviewersPerApplication: "grants.field.reviewers",
  disagreementThreshold: "grants.field.threshold",
} as const;

export function CallTextFields({ errors, values }: Shown) {
  return (
    <>
      <TrilingualField name="title" label="grants.field.title" errors={errors} values={values} />
      <TrilingualField
        name="description"
        label="grants.field.description"
        multiline
        required={false}
        errors={errors}
        values={values}
      />
    </>
  );
}

export function CallEligibilityFields({
  errors,
  values,
  trainingCategories,
  requiredTrainings,
}: Shown & { trainingCategories: readonly TrainingCategory[]; requiredTrainings: readonly string[] }) {
  const { t } = useI18n();
  const shown = { errors, values };
  return (
    <>
      <SelectField
        name="audience"
        label="grants.field.audience"
        options={AUDIENCES.map((a) => ({ value: a, label: t(`grants.audience.${a}`) }))}
        defaultValue="both"
        {...shown}
      />
      <Field name="minAge" label="grants.field.minAge" type="number" inputMode="numeric" {...shown} />
      <Field name="maxAge" label="grants.field.maxAge" type="number" inputMode="numeric" {...shown} />
      <CheckboxGroup
        name="regions"
        legend="grants.field.regions"
        options={codeChoices(t, "region")}
        checked={tickedValues(values, "regions")}
        errors={errors}
      />
      <CheckboxGroup
        name="requiredTrainings"
        legend="grants.field.requiredTrainings"
        options={trainingCategories.map((c) => ({ value: c, label: t(`trainings.category.${c}`) }))}
        checked={requiredTrainings}
        errors={errors}
      />
    </>
  );
}

/** Dates, money, reviewing, quotas, tranches: `values` already holds the defaults of a blank form. */
export function CallTermsFields({ errors, values }: Shown) {
  const { t } = useI18n();
  const shown = { errors, values };
  return (
    <>
      <Field name="opensOn" label="grants.field.opensOn" type="date" required {...shown} />
      <Field name="closesOn" label="grants.field.closesOn" type="date" required {...shown} />
      <Field name="reviewDeadlineOn" label="grants.field.reviewDeadlineOn" type="date" required {...shown} />
      <Field name="budget" label="grants.field.budget" inputMode="decimal" required {...shown} />
      <Field name="maxGrant" label="grants.field.maxGrant" inputMode="decimal" required {...shown} />
      <Field name="reviewersPerApplication" label="grants.field.reviewers" type="number" {...shown} />
      <Field name="disagreementThreshold" label="grants.field.threshold" type="number" {...shown} />
      {(["quotaWomen", "quotaMigrants"] as const).map((q) => (
        <fieldset key={q} className="stack">
          <legend>{t(`grants.field.${q}`)}</legend>
          <Field name={q} label={`grants.field.${q}`} type="number" {...shown} />
          <SelectField
            name={`${q}Basis`}
            label="grants.field.quotaBasis"
            options={QUOTA_BASES.map((b) => ({ value: b, label: t(`grants.quotaBasis.${b}`) }))}
            defaultValue="awards"
            {...shown}
          />
        </fieldset>
      ))}
      <fieldset className="stack">
        <legend>{t("grants.field.tranches")}</legend>
        {TRANCHES.map(([name, condition]) => (
          <Field key={name} name={name} label={`grants.condition.${condition}`} type="number" {...shown} />
        ))}
        <CheckboxField name="trancheSixMonthsMilestone" label="grants.field.sixMonthsMilestone" values={values} />
      </fieldset>
      <CheckboxField name="showNamesAfterScoring" label="grants.field.showNames" values={values} />
    </>
  );
}

/** The rubric as rows criteria[0..7]; blank rows are left out by the schema. */
export function CallRubricFields({ errors, values }: Shown) {
  const { t } = useI18n();
  const shown = { errors, values };
  return (
    <>
      <h2>{t("grants.rubric.title")}</h2>
      <FormAlert message={errors?.rubric} />
      {Array.from({ length: MAX_CRITERIA }, (_, i) => i).map((i) => {
        const row = `criteria[${i}]`;
        return (
          <fieldset key={i} className="stack">
            <legend>{t("grants.rubric.criterion", { n: i + 1 })}</legend>
            <TrilingualField name={`${row}.label`} label="grants.rubric.label" required={false} {...shown} />
            <TrilingualField
              name={`${row}.description`}
              label="grants.rubric.description"
              required={false}
              {...shown}
            />
            <Field name={`${row}.max`} label="grants.rubric.max" type="number" {...shown} />
            <Field name={`${row}.weight`} label="grants.rubric.weight" type="number" {...shown} />
          </fieldset>
        );
      })}
    </>
  );
}
