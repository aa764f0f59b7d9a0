import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { tranchesForCoach } from "~/modules/grants/queries.server";
import { TrancheConfirmSchema } from "~/modules/grants/schemas.server";
import { confirmTrancheCondition } from "~/modules/grants/service.server";

/** A coach confirms a milestone of a beneficiary they follow (the business started, or a later one the call chose): its tranche can then be paid. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "grants:confirm-milestone");
  return { tranches: await tranchesForCoach(args.context.db, user.id) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "grants:confirm-milestone");
  const parsed = parseForm(TrancheConfirmSchema, await args.request.formData());
  if (!parsed.ok) return data({ error: "errors.invalid" as const }, { status: 400 });
  const r = await confirmTrancheCondition(args.context.db, user, parsed.data, { ip: args.context.ip });
  if (!r.ok) {
    if (r.status === 404) notFound();
    return data({ error: r.errors.form ?? null }, { status: r.status });
  }
  return redirect("/grants/tranches");
}

export default function CoachTranches() {
  const { tranches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatMoney } = useI18n();
  return (
    <div>
      <PageTitle>{t("grants.coach.title")}</PageTitle>
      <FormAlert message={actionData?.error} />
      {tranches.length === 0 ? <p>{t("grants.coach.none")}</p> : null}
      <ul className="list">
        {tranches.map((tr) => (
          <li key={tr.trancheId} className="list-item">
            <p>
              <bdi>{tr.beneficiaryName}</bdi> · <span dir="ltr">{tr.reference}</span> · {tr.position}.{" "}
              {t(`grants.condition.${tr.condition}`)} · {formatMoney(tr.amountCentimes)}
            </p>
            <Form method="post">
              <input type="hidden" name="trancheId" value={tr.trancheId} />
              <button type="submit" className="button">
                {t("grants.coach.confirm")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
