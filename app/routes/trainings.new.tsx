import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CheckboxGroup, Field, PageTitle, SelectField } from "~/components/form";
import { TrilingualField } from "~/components/localized-text";
import { codeChoices } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, tickedValues } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { CreateTrainingSchema } from "~/modules/trainings/schemas.server";
import { AUDIENCES, TRAINING_CATEGORIES } from "~/modules/trainings/constants";
import { createTraining } from "~/modules/trainings/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "trainings:manage");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:manage");
  const parsed = parseForm(CreateTrainingSchema, await args.request.formData());
  if (!parsed.ok) return data(parsed, { status: 400 });
  const row = await createTraining(args.context.db, actor, parsed.data, { ip: args.context.ip });
  return redirect(`/trainings/${row.id}`);
}

export default function NewTraining() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const echo = { errors, values };
  return (
    <div>
      <PageTitle>{t("trainings.create")}</PageTitle>
      <Form method="post" className="stack narrow" noValidate>
        <SelectField
          name="category"
          label="trainings.field.category"
          defaultValue="soft_skills"
          options={TRAINING_CATEGORIES.map((c) => ({ value: c, label: t(`trainings.category.${c}`) }))}
          {...echo}
        />
        <TrilingualField name="title" label="trainings.field.title" {...echo} />
        <TrilingualField name="description" label="trainings.field.description" multiline required={false} {...echo} />
        <SelectField
          name="audience"
          label="trainings.field.audience"
          defaultValue="both"
          options={AUDIENCES.map((a) => ({ value: a, label: t(`trainings.audience.${a}`) }))}
          {...echo}
        />
        <CheckboxGroup
          name="deliveryLanguages"
          legend="trainings.field.deliveryLanguage"
          options={codeChoices(t, "language")}
          checked={values ? tickedValues(values, "deliveryLanguages") : ["fr"]}
          errors={errors}
        />
        <Field
          name="minAttendancePercent"
          label="trainings.field.minAttendancePercent"
          hint="trainings.field.minAttendancePercentHint"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          defaultValue="80"
          {...echo}
        />
        <button type="submit" className="button">
          {t("trainings.create")}
        </button>
      </Form>
    </div>
  );
}
