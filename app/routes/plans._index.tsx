import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCoachedPlans, listOwnPlans } from "~/modules/business-plans/queries.server";
import { incompleteSteps, planProgress } from "~/modules/business-plans/rules";
import { createPlan } from "~/modules/business-plans/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "plans:list");
  const db = args.context.db;
  const rows =
    user.role === "coach"
      ? await listCoachedPlans(db, user.id)
      : (await listOwnPlans(db, user.id)).map((plan) => ({ plan, ownerName: null }));
  return {
    isCoach: user.role === "coach",
    plans: rows.map(({ plan, ownerName }) => ({
      id: plan.id,
      name: plan.summary.projectName ?? null,
      ownerName,
      updatedAt: plan.updatedAt.toISOString(),
      progress: planProgress(plan),
      complete: incompleteSteps(plan).length === 0,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "plans:write-own");
  const plan = await createPlan(args.context.db, user, { ip: args.context.ip });
  return redirect(`/plans/${plan.id}/summary`);
}

export default function Plans() {
  const { plans, isCoach } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t(isCoach ? "plans.coachTitle" : "plans.title")}</PageTitle>
      {!isCoach ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("plans.new")}
          </button>
        </Form>
      ) : null}
      {plans.length === 0 ? <p className="lead">{t("plans.empty")}</p> : null}
      <ul className="list">
        {plans.map((plan) => (
          <li key={plan.id} className="list-item" data-plan={plan.id}>
            <Link to={`/plans/${plan.id}`}>{plan.name ?? t("plans.untitled")}</Link>
            {plan.ownerName ? <span> · {t("plans.owner", { name: plan.ownerName })}</span> : null}
            <p className="hint">
              <span className={plan.complete ? "badge badge-ok" : "badge"}>
                {plan.complete ? t("plans.state.complete") : t("plans.progress", { percent: plan.progress })}
              </span>{" "}
              {t("plans.updated", { date: formatDate(plan.updatedAt) })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
