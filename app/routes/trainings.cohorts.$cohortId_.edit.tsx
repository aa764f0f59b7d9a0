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
import { correctCohort } from "~/modules/trainings/corrections.server";
import { getCohort } from "~/modules/trainings/queries.server";
import { CreateCohortSchema } from "~/modules/trainings/schemas.server";
import { AddCohortForm } from "~/modules/trainings/training-sections";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "trainings:manage");
  const found = await getCohort(args.context.db, idParam(args, "cohortId"));
  if (!found) notFound();
  const { cohort, training } = found;
  return {
    cohort: { id: cohort.id, nameFr: cohort.nameFr, nameAr: cohort.nameAr, nameEn: cohort.nameEn },
    training: { id: training.id, titleFr: training.titleFr, titleAr: training.titleAr, titleEn: training.titleEn },
    taken: cohort.confirmedCount,
    // the form starts from the cohort as it stands
    current: recordValues({
      nameFr: cohort.nameFr,
      nameAr: cohort.nameAr,
      nameEn: cohort.nameEn,
      capacity: cohort.capacity,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
    }),
  };
}

/** The correction; a capacity below the seats taken (even one taken meanwhile) answers 409, nothing changed. */
export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:manage");
  const cohortId = idParam(args, "cohortId");
  const form = await args.request.formData();
  const parsed = parseForm(CreateCohortSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await correctCohort(args.context.db, actor, cohortId, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  }
  const done = result.fields.length ? "corrected" : "unchanged";
  return redirect(`/trainings/cohorts/${cohortId}?done=${done}&promoted=${result.promoted}`);
}

const LABELS = {
  nameFr: "trainings.field.cohortName",
  nameAr: "trainings.field.cohortName",
  nameEn: "trainings.field.cohortName",
  capacity: "trainings.field.capacity",
  startsOn: "trainings.field.startsOn",
  endsOn: "trainings.field.endsOn",
} as const;

export default function CorrectCohortPage() {
  const { cohort, training, taken, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("trainings.correctCohort.title")}</PageTitle>
      <p>
        <LocalizedText row={training} field="title" /> · <LocalizedText row={cohort} field="name" /> ·{" "}
        <Link to={`/trainings/cohorts/${cohort.id}`}>{t("trainings.backToCohort")}</Link>
      </p>
      <p className="hint">{t("trainings.correctCohort.hint", { taken })}</p>
      <ErrorSummary errors={actionData?.errors} labels={LABELS} order={Object.keys(LABELS)} />
      <AddCohortForm errors={actionData?.errors} values={actionData?.values ?? current} correcting />
    </div>
  );
}
