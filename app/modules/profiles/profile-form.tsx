/**
 * The sections of the applicant's profile form: personal, education, experience,
 * skills and what the person seeks. Plain fields that work without JavaScript.
 */
import { Link } from "~/components/link";
import { CheckboxGroup, Field, SelectField, TextareaField } from "~/components/form";
import { codeChoices } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { rowField, rowValues, type FieldErrors } from "~/lib/forms";
import type { CountryOptions } from "./countries.server";
import { EDUCATION_LEVELS, EXPERIENCE_ROWS, HEARD_FROM, LANGUAGES, REGIONS, SEEKS } from "./rules";
import type { Experience } from "../../../db/schema/profiles";

/** The profile as the form shows it: texts by field name (experience[0].role...), and the checked boxes of each group. */
export type ProfileFormValues = {
  values: Record<string, string>;
  checked: Record<"languagesSpoken" | "languagesRead" | "seeks", string[]>;
};

/** The boxes checked in a posted form, to show them again. */
export function checkedBoxes(form: FormData): ProfileFormValues["checked"] {
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return { languagesSpoken: all("languagesSpoken"), languagesRead: all("languagesRead"), seeks: all("seeks") };
}

type SectionProps = { form: ProfileFormValues; errors?: FieldErrors; countries: CountryOptions };

type SummaryLabel = MessageKey | { text: string };

/**
 * Each field of the form in its order, with the label its error summary line starts
 * with: an experience row's fields are named with their row ("Expérience 2 · Années").
 */
export function useProfileFieldLabels(): Record<string, SummaryLabel> {
  const { t } = useI18n();
  const row = (i: number, label: MessageKey): SummaryLabel => ({
    text: `${t("profiles.expRow", { n: i + 1 })} · ${t(label)}`,
  });
  const experience: Record<string, SummaryLabel> = {};
  for (let i = 0; i < EXPERIENCE_ROWS; i++) {
    experience[rowField("experience", i, "role")] = row(i, "profiles.field.expRole");
    experience[rowField("experience", i, "sector")] = row(i, "profiles.field.expSector");
    experience[rowField("experience", i, "years")] = row(i, "profiles.field.expYears");
    experience[rowField("experience", i, "country")] = row(i, "profiles.field.expCountry");
  }
  return {
    givenName: "profiles.field.givenName",
    familyName: "profiles.field.familyName",
    givenNameAr: "profiles.field.givenNameAr",
    familyNameAr: "profiles.field.familyNameAr",
    sex: "profiles.field.sex",
    birthDate: "profiles.field.birthDate",
    nationality: "profiles.field.nationality",
    languagesSpoken: "profiles.field.languagesSpoken",
    languagesRead: "profiles.field.languagesRead",
    city: "profiles.field.city",
    region: "profiles.field.region",
    residentStatus: "profiles.field.residentStatus",
    heardFrom: "profiles.field.heardFrom",
    educationLevel: "profiles.field.educationLevel",
    educationField: "profiles.field.educationField",
    educationDiploma: "profiles.field.educationDiploma",
    educationCountry: "profiles.field.educationCountry",
    experience: "profiles.section.experience",
    ...experience,
    skills: "profiles.field.skills",
    seeks: "profiles.field.seeks",
  };
}

/** The programme's main countries first, then every other, by name in the reader's language. */
export function CountrySelect({
  name,
  label,
  value,
  countries,
  errors,
  id,
}: {
  name: string;
  label: MessageKey;
  value?: string | null;
  countries: CountryOptions;
  errors?: FieldErrors;
  id?: string;
}) {
  const option = ([code, countryName]: readonly [string, string]) => (
    <option key={code} value={code}>
      {countryName}
    </option>
  );
  return (
    <SelectField
      {...{ name, label, errors, id }}
      defaultValue={value ?? ""}
      placeholder="form.choose"
      labelOf={(code) => [...countries.first, ...countries.rest].find(([c]) => c === code)?.[1] ?? code}
    >
      <optgroup label="—">{countries.first.map(option)}</optgroup>
      <optgroup label="—">{countries.rest.map(option)}</optgroup>
    </SelectField>
  );
}

function useChoices() {
  const { t } = useI18n();
  return (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}

export function PersonalSection({ form, errors, countries }: SectionProps) {
  const { t } = useI18n();
  const choices = useChoices();
  const { values, checked } = form;
  const common = { values, errors };
  return (
    <>
      <h2>{t("profiles.section.personal")}</h2>
      <Field name="givenName" label="profiles.field.givenName" {...common} autoComplete="given-name" />
      <Field name="familyName" label="profiles.field.familyName" {...common} autoComplete="family-name" />
      <Field name="givenNameAr" label="profiles.field.givenNameAr" {...common} dir="rtl" lang="ar" />
      <Field name="familyNameAr" label="profiles.field.familyNameAr" {...common} dir="rtl" lang="ar" />
      <SelectField
        name="sex"
        label="profiles.field.sex"
        {...common}
        placeholder="form.choose"
        options={choices("profiles.sex", ["female", "male"])}
      />
      <Field name="birthDate" label="profiles.field.birthDate" type="date" {...common} />
      <CountrySelect
        name="nationality"
        label="profiles.field.nationality"
        value={values.nationality}
        countries={countries}
        errors={errors}
      />
      {(["languagesSpoken", "languagesRead"] as const).map((name) => (
        <CheckboxGroup
          key={name}
          name={name}
          legend={`profiles.field.${name}`}
          options={choices("profiles.lang", LANGUAGES)}
          checked={checked[name]}
          errors={errors}
        />
      ))}
      <SelectField
        name="city"
        label="profiles.field.city"
        {...common}
        placeholder="form.choose"
        options={codeChoices(t, "city")}
      />
      <SelectField
        name="region"
        label="profiles.field.region"
        {...common}
        placeholder="form.choose"
        options={choices("profiles.region", REGIONS)}
      />
      <SelectField
        name="residentStatus"
        label="profiles.field.residentStatus"
        {...common}
        placeholder="form.choose"
        options={choices("profiles.resident", ["migrant", "moroccan"])}
      />
      <SelectField
        name="heardFrom"
        label="profiles.field.heardFrom"
        {...common}
        placeholder="form.choose"
        options={choices("profiles.heard", HEARD_FROM)}
      />
    </>
  );
}

export function ContactNote({ phone, email }: { phone: string | null; email: string | null }) {
  const { t } = useI18n();
  return (
    <p className="hint">
      {t("profiles.contact")} <span dir="ltr">{[phone, email].filter(Boolean).join(" · ")}</span>{" "}
      <Link to="/account">{t("nav.account")}</Link>
    </p>
  );
}

export function EducationSection({ form, errors, countries }: SectionProps) {
  const { t } = useI18n();
  const choices = useChoices();
  const { values } = form;
  return (
    <>
      <h2>{t("profiles.section.education")}</h2>
      <SelectField
        name="educationLevel"
        label="profiles.field.educationLevel"
        values={values}
        errors={errors}
        placeholder="form.choose"
        options={choices("profiles.edu", EDUCATION_LEVELS)}
      />
      <Field name="educationField" label="profiles.field.educationField" values={values} errors={errors} />
      <Field name="educationDiploma" label="profiles.field.educationDiploma" values={values} errors={errors} />
      <CountrySelect
        name="educationCountry"
        label="profiles.field.educationCountry"
        value={values.educationCountry}
        countries={countries}
        errors={errors}
      />
    </>
  );
}

export function ExperienceSection({ form, errors, countries }: SectionProps) {
  const { t } = useI18n();
  const { values } = form;
  return (
    <>
      <h2>{t("profiles.section.experience")}</h2>
      {Array.from({ length: EXPERIENCE_ROWS }, (_, i) => {
        const name = (field: string) => rowField("experience", i, field);
        return (
          <fieldset key={i} className="plan-row">
            <legend>{t("profiles.expRow", { n: i + 1 })}</legend>
            <Field name={name("role")} label="profiles.field.expRole" {...{ values, errors }} />
            <Field name={name("sector")} label="profiles.field.expSector" {...{ values, errors }} />
            <Field name={name("years")} label="profiles.field.expYears" inputMode="numeric" {...{ values, errors }} />
            <CountrySelect
              name={name("country")}
              label="profiles.field.expCountry"
              value={values[name("country")]}
              countries={countries}
              errors={errors}
            />
          </fieldset>
        );
      })}
    </>
  );
}

export function SkillsAndSeeksSections({ form, errors }: Omit<SectionProps, "countries">) {
  const { t } = useI18n();
  const choices = useChoices();
  return (
    <>
      <h2>{t("profiles.section.skills")}</h2>
      <TextareaField name="skills" label="profiles.field.skills" values={form.values} errors={errors} rows={4} />
      <h2>{t("profiles.section.seeks")}</h2>
      <CheckboxGroup
        name="seeks"
        legend="profiles.field.seeks"
        options={choices("profiles.seeks", SEEKS)}
        checked={form.checked.seeks}
        errors={errors}
      />
    </>
  );
}

type SavedProfile = {
  givenName: string | null;
  familyName: string | null;
  givenNameAr: string | null;
  familyNameAr: string | null;
  sex: string | null;
  birthDate: string | null;
  nationality: string | null;
  city: string | null;
  region: string | null;
  residentStatus: string | null;
  heardFrom: string | null;
  skills: string | null;
  education: { level?: string; field?: string; diploma?: string; country?: string };
  experience: Experience[];
  languagesSpoken: string[];
  languagesRead: string[];
  seeks: string[];
};

/** A saved profile (or none yet) as the form shows it. */
export function profileFormValues(p: SavedProfile | null): ProfileFormValues {
  const texts = {
    givenName: p?.givenName,
    familyName: p?.familyName,
    givenNameAr: p?.givenNameAr,
    familyNameAr: p?.familyNameAr,
    sex: p?.sex,
    birthDate: p?.birthDate,
    nationality: p?.nationality,
    city: p?.city,
    region: p?.region,
    residentStatus: p?.residentStatus,
    heardFrom: p?.heardFrom,
    skills: p?.skills,
    educationLevel: p?.education.level,
    educationField: p?.education.field,
    educationDiploma: p?.education.diploma,
    educationCountry: p?.education.country,
  };
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(texts)) values[k] = v ?? "";
  const experience = (p?.experience ?? []).map((e) => ({ ...e, years: String(e.years) }));
  return {
    values: { ...values, ...rowValues("experience", experience) },
    checked: {
      languagesSpoken: p?.languagesSpoken ?? [],
      languagesRead: p?.languagesRead ?? [],
      seeks: p?.seeks ?? [],
    },
  };
}
