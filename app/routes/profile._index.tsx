import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type FieldErrors, parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { SelectField, TextArea } from "~/modules/business-plans/components";
import { countryOptions, type CountryOptions } from "~/modules/profiles/countries.server";
import { getProfile } from "~/modules/profiles/queries.server";
import {
  EDUCATION_LEVELS,
  EXPERIENCE_ROWS,
  HEARD_FROM,
  LANGUAGES,
  missingSections,
  profileCompleteness,
  REGIONS,
  SEEKS,
} from "~/modules/profiles/rules";
import { parseExperience, ProfileSchema } from "~/modules/profiles/schemas.server";
import { saveProfile } from "~/modules/profiles/service.server";
import { queryFlag } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const profile = await getProfile(args.context.db, user.id);
  return {
    profile: profile ? { ...profile, updatedAt: profile.updatedAt.toISOString() } : null,
    completeness: profileCompleteness(profile),
    missing: missingSections(profile),
    phone: user.phone,
    email: user.email,
    saved: queryFlag(args, "saved"),
    // named on the server: the browser's ICU names some countries differently
    countries: countryOptions(args.context.locale),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const form = await args.request.formData();
  const parsed = parseForm(ProfileSchema, form);
  const experience = parseExperience(form);
  if (!parsed.ok || !experience.ok) {
    const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(experience.ok ? {} : experience.errors) };
    return data({ errors }, { status: 400 });
  }
  await saveProfile(args.context.db, user, { ...parsed.data, experience: experience.data }, { ip: args.context.ip });
  return redirect("/profile?saved");
}

function CountrySelect({
  name,
  label,
  value,
  countries,
  errors,
}: {
  name: string;
  label: MessageKey;
  value?: string | null;
  countries: CountryOptions;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const { first, rest } = countries;
  const error = errors?.[name];
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={`f-${name}`}>{t(label)}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined}>
        <option value="">{t("plans.chooseOne")}</option>
        <optgroup label="—">
          {first.map(([code, countryName]) => (
            <option key={code} value={code}>
              {countryName}
            </option>
          ))}
        </optgroup>
        <optgroup label="—">
          {rest.map(([code, countryName]) => (
            <option key={code} value={code}>
              {countryName}
            </option>
          ))}
        </optgroup>
      </select>
      {error ? <p className="error">{t(error)}</p> : null}
    </div>
  );
}

function Checkboxes({
  name,
  label,
  options,
  checked,
}: {
  name: string;
  label: MessageKey;
  options: { value: string; label: MessageKey }[];
  checked: string[];
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field checkbox-group">
      <legend>{t(label)}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {t(o.label)}
        </label>
      ))}
    </fieldset>
  );
}

export default function ProfilePage() {
  const { profile, completeness, missing, phone, email, saved, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const p = profile;
  const v = (key: string): string => {
    if (!p) return "";
    const value = (p as Record<string, unknown>)[key];
    return typeof value === "string" ? value : "";
  };
  const languages = LANGUAGES.map((l) => ({ value: l, label: `profiles.lang.${l}` as MessageKey }));
  return (
    <div className="narrow">
      <PageTitle>{t("profiles.title")}</PageTitle>
      <p className="lead">{t("profiles.intro")}</p>
      <p data-completeness={completeness}>
        <strong>{t("profiles.completeness", { percent: completeness })}</strong>
      </p>
      {missing.length ? (
        <p className="hint">
          {t("profiles.missing", { sections: missing.map((s) => t(`profiles.section.${s}` as MessageKey)).join(", ") })}
        </p>
      ) : null}
      {saved && !actionData ? <FormAlert tone="success" message="profiles.saved" /> : null}
      {errors ? <FormAlert message="errors.invalid" /> : null}
      <Form method="post" className="stack" noValidate>
        <h2>{t("profiles.section.personal")}</h2>
        <Field
          name="givenName"
          label="profiles.field.givenName"
          defaultValue={v("givenName")}
          errors={errors}
          autoComplete="given-name"
        />
        <Field
          name="familyName"
          label="profiles.field.familyName"
          defaultValue={v("familyName")}
          errors={errors}
          autoComplete="family-name"
        />
        <Field
          name="givenNameAr"
          label="profiles.field.givenNameAr"
          defaultValue={v("givenNameAr")}
          errors={errors}
          dir="rtl"
          lang="ar"
        />
        <Field
          name="familyNameAr"
          label="profiles.field.familyNameAr"
          defaultValue={v("familyNameAr")}
          errors={errors}
          dir="rtl"
          lang="ar"
        />
        <SelectField
          name="sex"
          label="profiles.field.sex"
          value={v("sex")}
          errors={errors}
          options={[
            { value: "female", label: "profiles.sex.female" },
            { value: "male", label: "profiles.sex.male" },
          ]}
        />
        <Field
          name="birthDate"
          label="profiles.field.birthDate"
          type="date"
          defaultValue={v("birthDate")}
          errors={errors}
        />
        <CountrySelect
          name="nationality"
          countries={countries}
          label="profiles.field.nationality"
          value={p?.nationality}
          errors={errors}
        />
        <Checkboxes
          name="languagesSpoken"
          label="profiles.field.languagesSpoken"
          options={languages}
          checked={p?.languagesSpoken ?? []}
        />
        <Checkboxes
          name="languagesRead"
          label="profiles.field.languagesRead"
          options={languages}
          checked={p?.languagesRead ?? []}
        />
        <Field name="city" label="profiles.field.city" defaultValue={v("city")} errors={errors} />
        <SelectField
          name="region"
          label="profiles.field.region"
          value={v("region")}
          errors={errors}
          options={REGIONS.map((r) => ({ value: r, label: `profiles.region.${r}` as MessageKey }))}
        />
        <SelectField
          name="residentStatus"
          label="profiles.field.residentStatus"
          value={v("residentStatus")}
          errors={errors}
          options={[
            { value: "migrant", label: "profiles.resident.migrant" },
            { value: "moroccan", label: "profiles.resident.moroccan" },
          ]}
        />
        <SelectField
          name="heardFrom"
          label="profiles.field.heardFrom"
          value={v("heardFrom")}
          errors={errors}
          options={HEARD_FROM.map((h) => ({ value: h, label: `profiles.heard.${h}` as MessageKey }))}
        />
        <p className="hint">
          {t("profiles.contact")} <span dir="ltr">{[phone, email].filter(Boolean).join(" · ")}</span>{" "}
          <Link to="/account">{t("nav.account")}</Link>
        </p>

        <h2>{t("profiles.section.education")}</h2>
        <SelectField
          name="educationLevel"
          label="profiles.field.educationLevel"
          value={p?.education.level}
          errors={errors}
          options={EDUCATION_LEVELS.map((e) => ({ value: e, label: `profiles.edu.${e}` as MessageKey }))}
        />
        <Field
          name="educationField"
          label="profiles.field.educationField"
          defaultValue={p?.education.field ?? ""}
          errors={errors}
        />
        <Field
          name="educationDiploma"
          label="profiles.field.educationDiploma"
          defaultValue={p?.education.diploma ?? ""}
          errors={errors}
        />
        <CountrySelect
          name="educationCountry"
          countries={countries}
          label="profiles.field.educationCountry"
          value={p?.education.country}
          errors={errors}
        />

        <h2>{t("profiles.section.experience")}</h2>
        {Array.from({ length: EXPERIENCE_ROWS }, (_, i) => {
          const row = p?.experience[i];
          const err = (f: string) => errors?.[`${f}.${i}`];
          return (
            <fieldset key={i} className="plan-row">
              <legend>{t("profiles.expRow", { n: i + 1 })}</legend>
              {(["expRole", "expSector", "expYears"] as const).map((f) => (
                <div key={f} className={err(f) ? "field field-invalid" : "field"}>
                  <label htmlFor={`f-${f}-${i}`}>{t(`profiles.field.${f}` as MessageKey)}</label>
                  <input
                    id={`f-${f}-${i}`}
                    name={f}
                    inputMode={f === "expYears" ? "numeric" : undefined}
                    defaultValue={
                      row ? String(f === "expRole" ? row.role : f === "expSector" ? row.sector : row.years) : ""
                    }
                  />
                  {err(f) ? <p className="error">{t(err(f) as MessageKey)}</p> : null}
                </div>
              ))}
              <CountrySelect
                name="expCountry"
                countries={countries}
                label="profiles.field.expCountry"
                value={row?.country}
                errors={{ expCountry: err("expCountry") }}
              />
            </fieldset>
          );
        })}

        <h2>{t("profiles.section.skills")}</h2>
        <TextArea name="skills" label="profiles.field.skills" value={v("skills")} errors={errors} />

        <h2>{t("profiles.section.seeks")}</h2>
        <Checkboxes
          name="seeks"
          label="profiles.field.seeks"
          options={SEEKS.map((s) => ({ value: s, label: `profiles.seeks.${s}` as MessageKey }))}
          checked={p?.seeks ?? []}
        />
        <button type="submit" className="button">
          {t("profiles.save")}
        </button>
      </Form>

      <h2>{t("profiles.data.title")}</h2>
      <ul className="list">
        <li className="list-item">
          <a href="/profile/export" download>
            {t("profiles.data.export")}
          </a>
        </li>
        <li className="list-item">
          <Link to="/profile/deletion">{t("profiles.data.deletion")}</Link>
        </li>
      </ul>
    </div>
  );
}
