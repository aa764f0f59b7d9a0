import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, FormAlert, PageTitle } from "~/components/form";
import { LOCALES, LOCALE_NAMES } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { RegisterCaseSchema } from "~/modules/protection/schemas.server";
import { CONSENT_NOTICE_VERSION } from "~/modules/protection/constants";
import { registerCase } from "~/modules/protection/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "protection:use");
  return { locale: args.context.locale, notice: CONSENT_NOTICE_VERSION };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const form = await args.request.formData();
  const parsed = parseForm(RegisterCaseSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, duplicates: [] }, { status: 400 });
  const result = await registerCase(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (result.ok) return redirect(`/protection/cases/${result.caseId}`);
  if ("duplicates" in result)
    return data(
      { errors: {} as FieldErrors, values: formValues(form), duplicates: result.duplicates },
      { status: 409 },
    );
  return data({ errors: result.errors, values: formValues(form), duplicates: [] }, { status: 400 });
}

export default function RegisterCase() {
  const { locale, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const duplicates = actionData?.duplicates ?? [];
  const checked = (name: string) => (values ? values[name] === "on" : false);
  return (
    <div className="narrow">
      <PageTitle>{t("protection.cases.register")}</PageTitle>
      {duplicates.length ? (
        <section className="alert alert-error" data-testid="duplicates">
          <p>{t("protection.duplicates.intro")}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/protection/cases/${d.id}`}>
                  {d.firstName} {d.lastName} {d.nameArabic ?? ""}
                </Link>{" "}
                <span dir="ltr">{d.reference}</span> —{" "}
                {d.reasons.map((r) => t(`protection.duplicates.reason.${r}`)).join(", ")}
              </li>
            ))}
          </ul>
          <p className="hint">{t("protection.duplicates.decide")}</p>
        </section>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormAlert message={errors?.form} />
        <Field name="firstName" label="protection.field.firstName" required errors={errors} values={values} />
        <Field name="lastName" label="protection.field.lastName" required errors={errors} values={values} />
        <Field name="nameArabic" label="protection.field.nameArabic" dir="rtl" errors={errors} values={values} />
        <div className="field">
          <label htmlFor="f-sex">{t("protection.field.sex")}</label>
          <select id="f-sex" name="sex" defaultValue={values?.sex ?? "female"}>
            {(["female", "male", "other"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`protection.sex.${s}`)}
              </option>
            ))}
          </select>
          <FieldError name="sex" errors={errors} />
        </div>
        <Field name="dateOfBirth" label="protection.field.dateOfBirth" type="date" errors={errors} values={values} />
        <Field
          name="estimatedAge"
          label="protection.field.estimatedAge"
          type="number"
          min={0}
          max={120}
          errors={errors}
          values={values}
        />
        <Field name="nationality" label="protection.field.nationality" errors={errors} values={values} />
        <Field name="languages" label="protection.field.languages" errors={errors} values={values} />
        <Field name="phone" label="protection.field.phone" type="tel" dir="ltr" errors={errors} values={values} />
        <Field
          name="documentNumber"
          label="protection.field.documentNumber"
          dir="ltr"
          errors={errors}
          values={values}
        />
        <Field name="city" label="protection.field.city" errors={errors} values={values} />
        <Field
          name="applicantContact"
          label="protection.field.applicantContact"
          hint="protection.field.applicantContactHint"
          dir="ltr"
          errors={errors}
          values={values}
        />
        <Field
          name="householdSize"
          label="protection.field.householdSize"
          type="number"
          min={1}
          max={30}
          defaultValue="1"
          errors={errors}
          values={values}
        />
        <div className="field">
          <label htmlFor="f-householdNotes">{t("protection.field.householdNotes")}</label>
          <textarea id="f-householdNotes" name="householdNotes" rows={3} defaultValue={values?.householdNotes} />
        </div>
        <fieldset className="stack">
          <legend>{t("protection.consent.title")}</legend>
          <p className="hint">{t("protection.consent.notice", { version: notice })}</p>
          <label className="checkbox">
            <input type="checkbox" name="consentServices" defaultChecked={checked("consentServices")} />{" "}
            {t("protection.consent.services")}
          </label>
          <FieldError name="consentServices" errors={errors} />
          <label className="checkbox">
            <input type="checkbox" name="consentReferral" defaultChecked={checked("consentReferral")} />{" "}
            {t("protection.consent.referral")}
          </label>
          <Field name="consentReferralPartners" label="protection.consent.partners" errors={errors} values={values} />
          <label className="checkbox">
            <input type="checkbox" name="consentReporting" defaultChecked={checked("consentReporting")} />{" "}
            {t("protection.consent.reporting")}
          </label>
          <div className="field">
            <label htmlFor="f-consentLanguage">{t("protection.consent.language")}</label>
            <select id="f-consentLanguage" name="consentLanguage" defaultValue={values?.consentLanguage ?? locale}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {duplicates.length ? (
          <fieldset className="stack">
            <legend>{t("protection.duplicates.confirmTitle")}</legend>
            <input type="hidden" name="distinctFrom" value={duplicates[0]?.id} />
            <label className="checkbox">
              <input type="checkbox" name="duplicateDecision" value="distinct" required />{" "}
              {t("protection.duplicates.confirm")}
            </label>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {t("protection.cases.register")}
        </button>
      </Form>
    </div>
  );
}
