import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { assignmentOverview } from "~/modules/coaching/queries.server";
import { AssignCoachSchema } from "~/modules/coaching/schemas.server";
import { assignCoach, endAssignment } from "~/modules/coaching/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "coaching:assign");
  return assignmentOverview(args.context.db);
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "coaching:assign");
  const form = await args.request.formData();
  if (form.get("intent") === "end") {
    await endAssignment(args.context.db, actor, String(form.get("beneficiaryId") ?? ""), { ip: args.context.ip });
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
  const { current, coaches, applicants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
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
                  <Form method="post">
                    <input type="hidden" name="beneficiaryId" value={a.beneficiaryId} />
                    <button type="submit" name="intent" value="end" className="button button-secondary">
                      {t("coaching.endAssignment")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
