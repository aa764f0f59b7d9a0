import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { PageTitle, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { formValues } from "~/lib/forms";
import { parseQuery, query } from "~/lib/params.server";
import { parseForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { assignmentOverview } from "~/modules/coaching/queries.server";
import { AssignCoachSchema } from "~/modules/coaching/schemas.server";
import { assignCoach, endAssignment } from "~/modules/coaching/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "coaching:assign");
  const overview = await assignmentOverview(args.context.db);
  // ending a follow-up is confirmed on a step naming the person and the coach
  const { beneficiaryId } = parseQuery(args, { beneficiaryId: query.id() });
  const ending =
    confirmStep(args, ["end"]) === "end"
      ? (overview.current.find((a) => a.beneficiaryId === beneficiaryId) ?? null)
      : null;
  return { ...overview, ending };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "coaching:assign");
  const form = await args.request.formData();
  if (form.get("intent") === "end") {
    const beneficiaryId = String(form.get("beneficiaryId") ?? "");
    const { current } = await assignmentOverview(args.context.db);
    if (!current.some((a) => a.beneficiaryId === beneficiaryId)) notFound();
    const step = unlessConfirmed(args.request, form, "end", ["beneficiaryId"]);
    if (step) return step;
    const ended = await endAssignment(args.context.db, actor, beneficiaryId, { ip: args.context.ip });
    if (!ended.ok) notFound();
    return redirect("/coaching/assignments");
  }
  const parsed = parseForm(AssignCoachSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await assignCoach(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok)
    return data({ ok: false as const, errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect("/coaching/assignments");
}

const NO_CHOICE = { value: "", label: "—" };

export default function Assignments() {
  const { current, coaches, applicants, ending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  if (ending)
    return (
      <ConfirmStep
        title="coaching.confirmEnd.title"
        titleValues={{ name: ending.beneficiaryName, coach: ending.coachName }}
        intent="end"
        hidden={{ beneficiaryId: ending.beneficiaryId }}
        confirmLabel="coaching.endAssignment"
        cancelTo="/coaching/assignments"
        irreversible={false}
      >
        <p>{t("coaching.confirmEnd.effects", { name: ending.beneficiaryName, coach: ending.coachName })}</p>
      </ConfirmStep>
    );
  return (
    <div>
      <PageTitle>{t("coaching.assignments")}</PageTitle>
      <Form method="post" className="stack narrow">
        <SelectField
          name="beneficiaryId"
          label="coaching.beneficiary"
          errors={actionData?.errors}
          values={actionData?.values}
          options={[
            NO_CHOICE,
            ...applicants.map((a) => ({ value: a.id, label: `${a.displayName} (${a.phone ?? a.email})` })),
          ]}
        />
        <SelectField
          name="coachId"
          label="coaching.coach"
          errors={actionData?.errors}
          values={actionData?.values}
          options={[NO_CHOICE, ...coaches.map((c) => ({ value: c.id, label: c.displayName }))]}
        />
        <button type="submit" className="button">
          {t("coaching.assign")}
        </button>
      </Form>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("coaching.assignments")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("coaching.beneficiary")}</th>
              <th scope="col">{t("coaching.coach")}</th>
              <th scope="col">{t("coaching.since")}</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {current.map((a) => (
              <tr key={a.id}>
                <td>{a.beneficiaryName}</td>
                <td>{a.coachName}</td>
                <td>{formatDate(a.startedAt)}</td>
                <td>
                  <ConfirmLink path="/coaching/assignments" intent="end" extra={{ beneficiaryId: a.beneficiaryId }}>
                    {t("coaching.endAssignment")}
                  </ConfirmLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
