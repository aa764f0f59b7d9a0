import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { FormAlert, PageTitle } from "~/components/form";
import { listOf } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { parseRowsForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { countryOptions } from "~/modules/profiles/countries.server";
import { getProfile } from "~/modules/profiles/queries.server";
import {
  ContactNote,
  EducationSection,
  ExperienceSection,
  PersonalSection,
  checkedBoxes,
  profileFormValues,
  type ProfileFormValues,
  SkillsAndSeeksSections,
  useProfileFieldLabels,
} from "~/modules/profiles/profile-form";
import { missingSections, profileCompleteness } from "~/modules/profiles/rules";
import { ProfileSchema } from "~/modules/profiles/schemas.server";
import { saveProfile } from "~/modules/profiles/service.server";
import { queryFlag } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const profile = await getProfile(args.context.db, user.id);
  return {
    form: profileFormValues(profile),
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
  const parsed = parseRowsForm(ProfileSchema, form);
  if (!parsed.ok) {
    // every value typed comes back, the checked boxes too
    const shown: ProfileFormValues = { values: parsed.values, checked: checkedBoxes(form) };
    return data({ errors: parsed.errors, form: shown }, { status: 400 });
  }
  await saveProfile(args.context.db, user, parsed.data, { ip: args.context.ip });
  return redirect("/profile?saved");
}

export default function ProfilePage() {
  const { completeness, missing, phone, email, saved, countries, ...loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const labels = useProfileFieldLabels();
  const errors = actionData?.errors;
  const sections = { form: actionData?.form ?? loaded.form, errors, countries };
  return (
    <div className="narrow">
      <PageTitle>{t("profiles.title")}</PageTitle>
      <ErrorSummary errors={errors} labels={labels} order={Object.keys(labels)} />
      <p className="lead">{t("profiles.intro")}</p>
      <p data-completeness={completeness}>
        <strong>{t("profiles.completeness", { percent: completeness })}</strong>
      </p>
      {missing.length ? (
        <p className="hint">
          {t("profiles.missing", {
            sections: listOf(
              t,
              missing.map((s) => t(`profiles.section.${s}` as MessageKey)),
            ),
          })}
        </p>
      ) : null}
      {saved && !actionData ? <FormAlert tone="success" message="profiles.saved" /> : null}
      <Form method="post" className="stack" noValidate>
        <PersonalSection {...sections} />
        <ContactNote phone={phone} email={email} />
        <EducationSection {...sections} />
        <ExperienceSection {...sections} />
        <SkillsAndSeeksSections {...sections} />
        <button type="submit" className="button">
          {t("profiles.save")}
        </button>
      </Form>

      <h2>{t("profiles.data.title")}</h2>
      <ul className="list">
        <li className="list-item">
          <Link to="/profile/export">{t("profiles.data.export")}</Link>
        </li>
        <li className="list-item">
          <Link to="/profile/deletion">{t("profiles.data.deletion")}</Link>
        </li>
      </ul>
    </div>
  );
}
