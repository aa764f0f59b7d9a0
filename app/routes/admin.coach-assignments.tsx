import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, z } from "~/lib/forms";
import { requirePermission } from "~/modules/auth/guards.server";
import { SelectField } from "~/modules/business-plans/components";
import { assignCoach, listCurrentAssignments, listPeople } from "~/modules/coaching/assign.server";

const AssignSchema = z.object({ beneficiaryId: z.uuid(), coachId: z.uuid() });

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "coach-assignments:manage");
  const db = args.context.db;
  const [assignments, coaches, applicants] = await Promise.all([listCurrentAssignments(db), listPeople(db, "coach"), listPeople(db, "applicant")]);
  return {
    assignments: assignments.map((a) => ({ ...a, startedAt: a.startedAt.toISOString() })),
    coaches,
    applicants,
    done: new URL(args.request.url).searchParams.has("done"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "coach-assignments:manage");
  const parsed = parseForm(AssignSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const ok = await assignCoach(args.context.db, user, parsed.data, { ip: args.context.ip });
  if (!ok) return data({ errors: { form: "errors.invalid" as const } }, { status: 400 });
  return redirect("/admin/coach-assignments?done");
}

export default function CoachAssignments() {
  const { assignments, coaches, applicants, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const errors = actionData?.errors;
  return (
    <div>
      <PageTitle>{t("coaching.assign.title")}</PageTitle>
      {done && !actionData ? <FormAlert tone="success" message="coaching.assign.done" /> : null}
      <FormAlert message={errors && "form" in errors ? errors.form : null} />
      <Form method="post" className="stack narrow">
        <SelectField
          name="beneficiaryId"
          label="coaching.assign.beneficiary"
          errors={errors}
          options={applicants.map((a) => ({ value: a.id, label: a.displayName, raw: true }))}
        />
        <SelectField name="coachId" label="coaching.assign.coach" errors={errors} options={coaches.map((c) => ({ value: c.id, label: c.displayName, raw: true }))} />
        <button type="submit" className="button">
          {t("coaching.assign.submit")}
        </button>
      </Form>
      {assignments.length === 0 ? <p>{t("coaching.assign.none")}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t("coaching.assign.beneficiary")}</th>
              <th>{t("coaching.assign.coach")}</th>
              <th>{t("coaching.assign.since")}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>{a.beneficiaryName}</td>
                <td>{a.coachName}</td>
                <td>{formatDate(a.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
