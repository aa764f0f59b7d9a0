import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { moroccoToday } from "~/lib/morocco-time";
import { requirePermission } from "~/modules/auth/guards.server";
import { ActivityForm } from "~/modules/groups/activity-form";
import { linkableCases } from "~/modules/groups/queries.server";
import { ActivitySchema } from "~/modules/groups/schemas.server";
import { recordActivity } from "~/modules/groups/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "groups:record");
  return { cases: await linkableCases(args.context.db, actor), today: moroccoToday() };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "groups:record");
  const form = await args.request.formData();
  const parsed = parseForm(ActivitySchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await recordActivity(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect(`/groups?recorded=${result.id}`);
}

export default function NewGroupActivity() {
  const { cases, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <BackLink to="/groups">{t("groups.title")}</BackLink>
      <PageTitle>{t("groups.new")}</PageTitle>
      <ActivityForm
        defaults={{ kind: "awareness", heldOn: today }}
        participants={[]}
        cases={cases}
        errors={actionData?.errors}
        values={actionData?.values}
        submit="groups.record"
        today={today}
      />
    </div>
  );
}
