import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseRowsForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  CALL_FORM_DEFAULTS,
  CALL_LABELS,
  CallEligibilityFields,
  CallRubricFields,
  CallTermsFields,
  CallTextFields,
} from "~/modules/grants/call-form";
import { TRAINING_CATEGORIES } from "~/modules/grants/queries.server";
import { CallSchema } from "~/modules/grants/schemas.server";
import { createCall } from "~/modules/grants/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  return { trainingCategories: TRAINING_CATEGORIES };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "grants:manage");
  const form = await args.request.formData();
  const parsed = parseRowsForm(CallSchema, form);
  // the checked categories come back too: a refused form keeps every value typed
  const requiredTrainings = form.getAll("requiredTrainings").map(String);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, requiredTrainings }, { status: 400 });
  const result = await createCall(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form), requiredTrainings }, { status: 400 });
  return redirect(`/grants/calls/${result.call.id}`);
}

export default function NewCall() {
  const actionData = useActionData<typeof action>();
  const { trainingCategories } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="narrow">
      <PageTitle>{t("grants.calls.new")}</PageTitle>
      <ErrorSummary errors={errors} labels={CALL_LABELS} order={Object.keys(CALL_LABELS)} />
      <Form method="post" className="stack" noValidate>
        <CallTextFields errors={errors} values={values} />
        <CallEligibilityFields
          errors={errors}
          values={values}
          trainingCategories={trainingCategories}
          requiredTrainings={actionData?.requiredTrainings ?? []}
        />
        <CallTermsFields errors={errors} values={values ?? CALL_FORM_DEFAULTS} />
        <CallRubricFields errors={errors} values={values} />
        <FieldError name="form" errors={errors} />
        <button type="submit" className="button">
          {t("grants.calls.create")}
        </button>
      </Form>
    </div>
  );
}
