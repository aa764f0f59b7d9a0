import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { moroccoToday } from "~/lib/morocco-time";
import { idParam } from "~/lib/params.server";
import { auditRecord } from "~/modules/audit/service.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { ActivityForm, activityDefaults } from "~/modules/groups/activity-form";
import { getActivity, linkableCases } from "~/modules/groups/queries.server";
import { ActivitySchema } from "~/modules/groups/schemas.server";
import { correctActivity } from "~/modules/groups/service.server";

/** A session of the association, to read and correct. Its linked case files are named: the view is audited. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "groups:record");
  const db = args.context.db;
  const activity = (await getActivity(db, actor, idParam(args, "activityId"))) ?? notFound();
  await auditRecord(db, actor, "groups.activity.view", ["group_activity", activity.id], args.context.ip);
  return {
    id: activity.id,
    defaults: activityDefaults(activity),
    participants: activity.participants,
    cases: await linkableCases(db, actor, activity.participants),
    today: moroccoToday(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "groups:record");
  const activityId = idParam(args, "activityId");
  const form = await args.request.formData();
  const parsed = parseForm(ActivitySchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await correctActivity(args.context.db, actor, activityId, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect(`/groups/${activityId}?saved=1`);
}

export default function GroupActivity() {
  const { defaults, participants, cases, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <div>
      <BackLink to="/groups">{t("groups.title")}</BackLink>
      <PageTitle>{t("groups.correct")}</PageTitle>
      {params.get("saved") && !actionData ? <FormAlert tone="success" message="groups.saved" /> : null}
      <ActivityForm
        defaults={defaults}
        participants={participants}
        cases={cases}
        errors={actionData?.errors}
        values={actionData?.values}
        submit="groups.save"
        today={today}
      />
    </div>
  );
}
