import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { CreateTrainingSchema } from "~/modules/trainings/schemas.server";
import { TrainingForm } from "~/modules/trainings/training-form";
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
  return (
    <div>
      <PageTitle>{t("trainings.create")}</PageTitle>
      <TrainingForm errors={actionData?.errors} values={actionData?.values} submit="trainings.create" />
    </div>
  );
}
