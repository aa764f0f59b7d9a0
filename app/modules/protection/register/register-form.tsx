import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FieldError, SelectField } from "~/components/form";
import { codeChoices, listOf } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { CountryOptions } from "~/modules/profiles/countries.server";
import { CountrySelect } from "~/modules/profiles/profile-form";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";
import type { DuplicateReason } from "../rules";
import { ConsentChoices, ConsentNoticeLinks } from "../case-file/consent-section";

export type Duplicate = {
  id: string;
  firstName: string;
  lastName: string;
  nameArabic: string | null;
  reference: string;
  reasons: readonly DuplicateReason[];
};
type Values = Record<string, string> | undefined;

/** The fields in the order of the form, with their labels, for the error summary. */
export const PERSON_LABELS: Record<string, MessageKey> = {
  firstName: "protection.field.firstName",
  lastName: "protection.field.lastName",
  nameArabic: "protection.field.nameArabic",
  sex: "protection.field.sex",
  dateOfBirth: "protection.field.dateOfBirth",
  estimatedAge: "protection.field.estimatedAge",
  nationality: "protection.field.nationality",
  languages: "protection.field.languages",
  phone: "protection.field.phone",
  documentNumber: "protection.field.documentNumber",
  city: "protection.field.city",
  householdSize: "protection.field.householdSize",
  householdNotes: "protection.field.householdNotes",
  consentServices: "protection.consent.services",
  consentPartners: "protection.consent.partnersLabel",
  duplicateDecision: "protection.duplicates.confirmTitle",
};

type Partner = { id: string; name: string };

export function RegisterForm(p: {
  errors?: FieldErrors;
  values: Values;
  duplicates: Duplicate[];
  notice: string;
  partners: Partner[];
  countries: CountryOptions;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorSummary errors={p.errors} labels={PERSON_LABELS} order={Object.keys(PERSON_LABELS)} />
      {p.duplicates.length ? <DuplicatesAlert duplicates={p.duplicates} /> : null}
      <Form method="post" className="stack" noValidate>
        <PersonFields errors={p.errors} values={p.values} countries={p.countries} />
        <ConsentFields errors={p.errors} values={p.values} notice={p.notice} partners={p.partners} />
        {p.duplicates[0] ? (
          <fieldset className="stack">
            <legend>{t("protection.duplicates.confirmTitle")}</legend>
            <input type="hidden" name="distinctFrom" value={p.duplicates[0].id} />
            <label className="checkbox">
              <input id="f-duplicateDecision" type="checkbox" name="duplicateDecision" value="distinct" required />{" "}
              {t("protection.duplicates.confirm")}
            </label>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {t("protection.cases.register")}
        </button>
      </Form>
    </>
  );
}

function DuplicatesAlert({ duplicates }: { duplicates: Duplicate[] }) {
  const { t } = useI18n();
  return (
    <section className="alert alert-error" data-testid="duplicates">
      <p>{t("protection.duplicates.intro")}</p>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <Link to={`/protection/cases/${d.id}`}>
              <bdi>
                {d.firstName} {d.lastName} {d.nameArabic ?? ""}
              </bdi>
            </Link>{" "}
            <span dir="ltr">{d.reference}</span> —{" "}
            {listOf(
              t,
              d.reasons.map((r) => t(`protection.duplicates.reason.${r}`)),
            )}
          </li>
        ))}
      </ul>
      <p className="hint">{t("protection.duplicates.decide")}</p>
    </section>
  );
}

/** The person's fields, at registration and in a correction (an account is linked from the case file, with consent). */
export function PersonFields({
  errors,
  values,
  countries,
}: {
  errors?: FieldErrors;
  values: Values;
  countries: CountryOptions;
}) {
  const { t } = useI18n();
  const f = { errors, values };
  return (
    <>
      <Field name="firstName" label="protection.field.firstName" required {...f} />
      <Field name="lastName" label="protection.field.lastName" required {...f} />
      <Field name="nameArabic" label="protection.field.nameArabic" dir="rtl" {...f} />
      <SelectField
        name="sex"
        label="protection.field.sex"
        placeholder="protection.field.sexChoose"
        defaultValue=""
        options={(["female", "male", "other"] as const).map((s) => ({ value: s, label: t(`protection.sex.${s}`) }))}
        {...f}
      />
      <Field name="dateOfBirth" label="protection.field.dateOfBirth" type="date" {...f} />
      <Field name="estimatedAge" label="protection.field.estimatedAge" type="number" min={0} max={120} {...f} />
      <CountrySelect
        name="nationality"
        label="protection.field.nationality"
        value={values?.nationality}
        countries={countries}
        errors={errors}
      />
      <Field name="languages" label="protection.field.languages" {...f} />
      <Field name="phone" label="protection.field.phone" type="tel" dir="ltr" {...f} />
      <Field name="documentNumber" label="protection.field.documentNumber" dir="ltr" {...f} />
      <SelectField
        name="city"
        label="protection.field.city"
        placeholder="form.choose"
        defaultValue=""
        options={codeChoices(t, "city")}
        {...f}
      />
      <Field name="householdSize" label="protection.field.householdSize" type="number" min={1} max={30} {...f} />
      <div className="field">
        <label htmlFor="f-householdNotes">{t("protection.field.householdNotes")}</label>
        <textarea id="f-householdNotes" name="householdNotes" rows={3} defaultValue={values?.householdNotes} />
        <FieldError name="householdNotes" errors={errors} />
      </div>
    </>
  );
}

function ConsentFields({
  errors,
  values,
  notice,
  partners,
}: {
  errors?: FieldErrors;
  values: Values;
  notice: string;
  partners: Partner[];
}) {
  const { t } = useI18n();
  return (
    <fieldset className="stack">
      <legend>{t("protection.consent.title")}</legend>
      <p className="hint">{t("protection.consent.notice", { version: notice })}</p>
      <ConsentNoticeLinks />
      <ConsentChoices errors={errors} values={values} partners={partners} />
    </fieldset>
  );
}
