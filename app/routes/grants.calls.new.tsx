import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { TRAINING_CATEGORIES } from "~/modules/grants/queries.server";
import { CallSchema } from "~/modules/grants/schemas.server";
import { MAX_CRITERIA } from "~/modules/grants/constants";
import { createCall } from "~/modules/grants/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  return { trainingCategories: TRAINING_CATEGORIES };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "grants:manage");
  const form = await args.request.formData();
  const parsed = parseForm(CallSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createCall(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: 400 });
  return redirect(`/grants/calls/${result.call.id}`);
}

export default function NewCall() {
  const actionData = useActionData<typeof action>();
  const { trainingCategories } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const defaults: Record<string, string> = { reviewersPerApplication: "3", disagreementThreshold: "25" };
  return (
    <div className="narrow">
      <PageTitle>{t("grants.calls.new")}</PageTitle>
      <Form method="post" className="stack" noValidate>
        <Field name="titleFr" label="grants.field.titleFr" required errors={errors} values={values} />
        <Field
          name="titleAr"
          label="grants.field.titleAr"
          dir="rtl"
          lang="ar"
          required
          errors={errors}
          values={values}
        />
        <Field name="titleEn" label="grants.field.titleEn" required errors={errors} values={values} />
        {(["descriptionFr", "descriptionAr", "descriptionEn"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`f-${name}`}>{t(`grants.field.${name}`)}</label>
            <textarea
              id={`f-${name}`}
              name={name}
              rows={3}
              defaultValue={values?.[name]}
              dir={name === "descriptionAr" ? "rtl" : undefined}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor="f-audience">{t("grants.field.audience")}</label>
          <select id="f-audience" name="audience" defaultValue={values?.audience ?? "both"}>
            {(["both", "migrants", "young_moroccans"] as const).map((a) => (
              <option key={a} value={a}>
                {t(`grants.audience.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="minAge"
          label="grants.field.minAge"
          type="number"
          inputMode="numeric"
          errors={errors}
          values={values}
        />
        <Field
          name="maxAge"
          label="grants.field.maxAge"
          type="number"
          inputMode="numeric"
          errors={errors}
          values={values}
        />
        <Field name="regions" label="grants.field.regions" errors={errors} values={values} />
        <fieldset className="stack">
          <legend>{t("grants.field.requiredTrainings")}</legend>
          {trainingCategories.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" name="requiredTrainings" value={c} />
              <span>{t(`trainings.category.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field name="opensOn" label="grants.field.opensOn" type="date" required errors={errors} values={values} />
        <Field name="closesOn" label="grants.field.closesOn" type="date" required errors={errors} values={values} />
        <Field
          name="reviewDeadlineOn"
          label="grants.field.reviewDeadlineOn"
          type="date"
          required
          errors={errors}
          values={values}
        />
        <Field name="budget" label="grants.field.budget" inputMode="decimal" required errors={errors} values={values} />
        <Field
          name="maxGrant"
          label="grants.field.maxGrant"
          inputMode="decimal"
          required
          errors={errors}
          values={values}
        />
        <Field
          name="reviewersPerApplication"
          label="grants.field.reviewers"
          type="number"
          errors={errors}
          values={values ?? defaults}
        />
        <Field
          name="disagreementThreshold"
          label="grants.field.threshold"
          type="number"
          errors={errors}
          values={values ?? defaults}
        />
        {(["quotaWomen", "quotaMigrants"] as const).map((q) => (
          <fieldset key={q} className="stack">
            <legend>{t(`grants.field.${q}`)}</legend>
            <Field name={q} label={`grants.field.${q}`} type="number" errors={errors} values={values} />
            <div className="field">
              <label htmlFor={`f-${q}Basis`}>{t("grants.field.quotaBasis")}</label>
              <select id={`f-${q}Basis`} name={`${q}Basis`} defaultValue={values?.[`${q}Basis`] ?? "awards"}>
                <option value="awards">{t("grants.quotaBasis.awards")}</option>
                <option value="budget">{t("grants.quotaBasis.budget")}</option>
              </select>
            </div>
          </fieldset>
        ))}
        <fieldset className="stack">
          <legend>{t("grants.field.tranches")}</legend>
          <Field
            name="trancheSignature"
            label="grants.condition.signature"
            type="number"
            errors={errors}
            values={values ?? { trancheSignature: "50" }}
          />
          <Field
            name="trancheStarted"
            label="grants.condition.business_started"
            type="number"
            errors={errors}
            values={values ?? { trancheStarted: "30" }}
          />
          <Field
            name="trancheSixMonths"
            label="grants.condition.six_months"
            type="number"
            errors={errors}
            values={values ?? { trancheSixMonths: "20" }}
          />
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" name="showNamesAfterScoring" defaultChecked={values?.showNamesAfterScoring === "on"} />
          <span>{t("grants.field.showNames")}</span>
        </label>
        <h2>{t("grants.rubric.title")}</h2>
        <FormAlert message={errors?.rubric} />
        {Array.from({ length: MAX_CRITERIA }, (_, i) => i + 1).map((n) => (
          <fieldset key={n} className="stack">
            <legend>{t("grants.rubric.criterion", { n })}</legend>
            <Field name={`c${n}_labelFr`} label="grants.rubric.labelFr" errors={errors} values={values} />
            <Field name={`c${n}_labelAr`} label="grants.rubric.labelAr" dir="rtl" errors={errors} values={values} />
            <Field name={`c${n}_labelEn`} label="grants.rubric.labelEn" errors={errors} values={values} />
            <Field name={`c${n}_descriptionFr`} label="grants.rubric.description" errors={errors} values={values} />
            <Field name={`c${n}_max`} label="grants.rubric.max" type="number" errors={errors} values={values} />
            <Field name={`c${n}_weight`} label="grants.rubric.weight" type="number" errors={errors} values={values} />
          </fieldset>
        ))}
        <FieldError name="form" errors={errors} />
        <button type="submit" className="button">
          {t("grants.calls.create")}
        </button>
      </Form>
    </div>
  );
}
