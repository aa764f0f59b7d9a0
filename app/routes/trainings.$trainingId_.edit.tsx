import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, recordValues } from "~/lib/forms.server";
import { idParam } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { correctTraining } from "~/modules/trainings/corrections.server";
import { getTraining } from "~/modules/trainings/queries.server";
import { CreateTrainingSchema } from "~/modules/trainings/schemas.server";
import { TrainingForm } from "~/modules/trainings/training-form";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "trainings:manage");
  const found = await getTraining(args.context.db, idParam(args, "trainingId"));
  if (!found) notFound();
  const { training } = found;
  return {
    training: { id: training.id, titleFr: training.titleFr, titleAr: training.titleAr, titleEn: training.titleEn },
    // the form starts from the training as it stands
    current: recordValues({
      category: training.category,
      titleFr: training.titleFr,
      titleAr: training.titleAr,
      titleEn: training.titleEn,
      descriptionFr: training.descriptionFr,
      descriptionAr: training.descriptionAr,
      descriptionEn: training.descriptionEn,
      audience: training.audience,
      deliveryLanguages: training.deliveryLanguages,
      minAttendancePercent: training.minAttendancePercent,
    }),
  };
}

/** The correction; bad input answers 400 with what was typed, nothing changed. */
export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:manage");
  const trainingId = idParam(args, "trainingId");
  const form = await args.request.formData();
  const parsed = parseForm(CreateTrainingSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await correctTraining(args.context.db, actor, trainingId, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  }
  return redirect(`/trainings/${trainingId}?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

const LABELS = {
  category: "trainings.field.category",
  titleFr: "trainings.field.title",
  titleAr: "trainings.field.title",
  titleEn: "trainings.field.title",
  descriptionFr: "trainings.field.description",
  descriptionAr: "trainings.field.description",
  descriptionEn: "trainings.field.description",
  audience: "trainings.field.audience",
  deliveryLanguages: "trainings.field.deliveryLanguage",
  minAttendancePercent: "trainings.field.minAttendancePercent",
} as const;

export default function CorrectTrainingPage() {
  const { training, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("trainings.correct.title")}</PageTitle>
      <p>
        <LocalizedText row={training} field="title" /> ·{" "}
        <Link to={`/trainings/${training.id}`}>{t("trainings.backToTraining")}</Link>
      </p>
      <p className="hint">{t("trainings.correct.hint")}</p>
      <ErrorSummary errors={actionData?.errors} labels={LABELS} order={Object.keys(LABELS)} />
      <TrainingForm
        errors={actionData?.errors}
        values={actionData?.values ?? current}
        submit="trainings.correct.save"
      />
    </div>
  );
}
