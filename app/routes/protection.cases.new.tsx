import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { RegisterForm, type Duplicate } from "~/modules/protection/register/register-form";
import { RegisterCaseSchema } from "~/modules/protection/schemas.server";
import { CONSENT_NOTICE_VERSION } from "~/modules/protection/constants";
import { registerCase } from "~/modules/protection/service.server";
import { countryOptions } from "~/modules/profiles/countries.server";
import { partnerAssociations } from "~/modules/protection/queries.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  // the partners a consent to referral may name
  const partners = await partnerAssociations(args.context.db, actor.organisationId);
  return { notice: CONSENT_NOTICE_VERSION, partners, countries: countryOptions(args.context.locale) };
}

type Refused = { errors: FieldErrors; values: Record<string, string>; duplicates: Duplicate[] };

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const form = await args.request.formData();
  const parsed = parseForm(RegisterCaseSchema, form);
  if (!parsed.ok)
    return data<Refused>({ errors: parsed.errors, values: parsed.values, duplicates: [] }, { status: 400 });
  const result = await registerCase(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (result.ok) return redirect(`/protection/cases/${result.caseId}`);
  if ("duplicates" in result)
    return data<Refused>({ errors: {}, values: formValues(form), duplicates: result.duplicates }, { status: 409 });
  return data<Refused>({ errors: result.errors, values: formValues(form), duplicates: [] }, { status: 400 });
}

export default function RegisterCase() {
  const { notice, partners, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("protection.cases.register")}</PageTitle>
      <RegisterForm
        errors={actionData?.errors}
        values={actionData?.values}
        duplicates={actionData?.duplicates ?? []}
        notice={notice}
        partners={partners}
        countries={countries}
      />
    </div>
  );
}
