import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
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
        <div className="field">
          <label htmlFor="f-category">{t("trainings.field.category")}</label>
          <select id="f-category" name="category" defaultValue={values?.category ?? "soft_skills"}>
            {TRAINING_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`trainings.category.${c}`)}
              </option>
            ))}
          </select>
          <FieldError name="category" errors={errors} />
        </div>
        <Field name="titleFr" label="trainings.field.titleFr" required {...echo} />
        <Field name="titleAr" label="trainings.field.titleAr" required {...echo} dir="rtl" lang="ar" />
        <Field name="titleEn" label="trainings.field.titleEn" required {...echo} />
        {(["descriptionFr", "descriptionAr", "descriptionEn"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`f-${name}`}>{t(`trainings.field.${name}`)}</label>
            <textarea
              id={`f-${name}`}
              name={name}
              rows={3}
              defaultValue={values?.[name]}
              dir={name === "descriptionAr" ? "rtl" : undefined}
            />
            <FieldError name={name} errors={errors} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="f-audience">{t("trainings.field.audience")}</label>
          <select id="f-audience" name="audience" defaultValue={values?.audience ?? "both"}>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`trainings.audience.${a}`)}
              </option>
            ))}
          </select>
          <FieldError name="audience" errors={errors} />
        </div>
        <Field name="deliveryLanguage" label="trainings.field.deliveryLanguage" required {...echo} />
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
