import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, PageTitle, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { NoticeFields, useLocaleChoices } from "~/modules/office/sections";
import { RegisterPersonSchema } from "~/modules/office/schemas.server";
import { officeNamesakes } from "~/modules/office/queries.server";
import { namesakesKey, namesakesSeen } from "~/modules/office/rules";
import { NamesakesWarning, type ShownNamesake } from "~/modules/office/namesakes";
import { registerPerson } from "~/modules/office/service.server";
import { formatLoginId } from "~/modules/auth/rules";
import { countryOptions } from "~/modules/profiles/countries.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "office:act");
  return { countries: countryOptions(args.context.locale) };
}

type Refused = { errors: FieldErrors; values: Record<string, string> };
/** Not refused: the office registered people with this name before; staff choose (decision 0176-office-namesakes). */
type Namesakes = { namesakes: ShownNamesake[]; seenFor: string; values: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "office:act");
  const form = await args.request.formData();
  const parsed = parseForm(RegisterPersonSchema, form);
  if (!parsed.ok) return data<Refused>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (actor.organisationId && !namesakesSeen(form.get("namesakesSeenFor"), parsed.data)) {
    const namesakes = await officeNamesakes(args.context.db, actor.organisationId, parsed.data);
    if (namesakes.length > 0) {
      const shown = namesakes.map((n) => ({
        id: n.id,
        name: [n.givenName, n.familyName].filter(Boolean).join(" "),
        loginId: n.loginId ? formatLoginId(n.loginId) : null,
        registeredAt: n.registeredAt.toISOString(),
      }));
      return data<Namesakes>({ namesakes: shown, seenFor: namesakesKey(parsed.data), values: formValues(form) });
    }
  }
  const result = await registerPerson(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data<Refused>({ errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect(`/office/people/${result.personId}?registered=1`);
}

/** Every field of the form, in its order: each problem in the summary is named by its field. */
const LABELS = {
  givenName: "profiles.field.givenName",
  familyName: "profiles.field.familyName",
  sex: "profiles.field.sex",
  nationality: "profiles.field.nationality",
  residentStatus: "office.field.residentStatus",
  phone: "signup.phone",
  email: "signup.email",
  locale: "office.field.locale",
  noticeLanguage: "office.field.noticeLanguage",
  noticeRead: "office.field.noticeRead",
} as const;

export default function RegisterPerson() {
  const { countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const namesakes = actionData && "namesakes" in actionData ? actionData : null;
  const values = actionData?.values;
  const locales = useLocaleChoices();
  return (
    <div className="narrow">
      <BackLink to="/office">{t("office.title")}</BackLink>
      <PageTitle>{t("office.register.title")}</PageTitle>
      <ErrorSummary errors={errors} labels={LABELS} order={Object.keys(LABELS)} />
      {namesakes ? <NamesakesWarning namesakes={namesakes.namesakes} /> : <p>{t("office.register.intro")}</p>}
      <Form method="post" className="stack" noValidate>
        {namesakes ? <input type="hidden" name="namesakesSeenFor" value={namesakes.seenFor} /> : null}
        <Field name="givenName" label="profiles.field.givenName" required errors={errors} values={values} />
        <Field name="familyName" label="profiles.field.familyName" required errors={errors} values={values} />
        <SelectField
          name="sex"
          label="profiles.field.sex"
          placeholder="form.choose"
          options={[
            { value: "female", label: t("profiles.sex.female") },
            { value: "male", label: t("profiles.sex.male") },
          ]}
          errors={errors}
          values={values}
        />
        <SelectField
          name="nationality"
          label="profiles.field.nationality"
          placeholder="form.choose"
          errors={errors}
          values={values}
        >
          {[...countries.first, ...countries.rest].map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="residentStatus"
          label="office.field.residentStatus"
          placeholder="form.choose"
          options={[
            { value: "migrant", label: t("profiles.resident.migrant") },
            { value: "moroccan", label: t("profiles.resident.moroccan") },
          ]}
          errors={errors}
          values={values}
        />
        <Field
          name="phone"
          label="signup.phone"
          hint="office.field.phoneHint"
          type="tel"
          dir="ltr"
          errors={errors}
          values={values}
        />
        <Field
          name="email"
          label="signup.email"
          hint="office.field.emailHint"
          type="email"
          dir="ltr"
          errors={errors}
          values={values}
        />
        <SelectField name="locale" label="office.field.locale" options={locales} errors={errors} values={values} />
        <NoticeFields errors={errors} values={values} />
        <button type="submit" className="button">
          {t(namesakes ? "office.namesakes.submit" : "office.register.submit")}
        </button>
      </Form>
    </div>
  );
}
