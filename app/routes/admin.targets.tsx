import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { parseQuery } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { getBudget } from "~/modules/reporting/budget-queries.server";
import { listTargets } from "~/modules/reporting/progress.server";
import { quartersBetween, PROGRAMME_PERIOD } from "~/modules/reporting/rules";
import { SetTargetsSchema, TARGETS_QUERY } from "~/modules/reporting/schemas.server";
import { ensureBudget, setTargets } from "~/modules/reporting/service.server";
import { TargetPeriodPicker, TargetsForm } from "~/modules/reporting/targets-sections";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "targets:manage");
  const { db } = args.context;
  const period = parseQuery(args, TARGETS_QUERY).period ?? PROGRAMME_PERIOD;
  await ensureBudget(db);
  const [budget, targets] = await Promise.all([getBudget(db), listTargets(db)]);
  const programme = { from: budget.startsOn ?? "", to: budget.endsOn ?? "" };
  const quarters = quartersBetween(programme.from, programme.to);
  // a quarter outside the programme may still hold targets set before its dates changed: show it too
  if (period !== PROGRAMME_PERIOD && !quarters.includes(period)) quarters.push(period);
  return { period, programme, quarters, targets: targets.filter((t) => t.period === period) };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "targets:manage");
  const form = await args.request.formData();
  const parsed = parseForm(SetTargetsSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await setTargets(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect(`/admin/targets?period=${encodeURIComponent(parsed.data.period)}&saved=1`);
}

export default function TargetsAdmin() {
  const { period, programme, quarters, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const periodLabel =
    period === PROGRAMME_PERIOD
      ? t("reporting.targets.programme", { from: formatDate(programme.from), to: formatDate(programme.to) })
      : t("reporting.targets.quarter", { quarter: `\u2066${period}\u2069` });
  return (
    <div>
      <PageTitle>{t("reporting.targets.title")}</PageTitle>
      <p className="lead">{t("reporting.targets.lead")}</p>
      <DoneNote notes={{ "1": "reporting.targets.saved" }} param="saved" />
      <TargetPeriodPicker period={period} quarters={quarters} />
      <TargetsForm
        key={period}
        period={period}
        periodLabel={periodLabel}
        targets={targets}
        errors={actionData?.errors}
        values={actionData?.values}
      />
    </div>
  );
}
