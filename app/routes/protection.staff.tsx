import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { ConfirmStaffSchema } from "~/modules/protection/schemas.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { confirmStaff, pendingStaff } from "~/modules/protection/staff.server";

/** A supervisor's page: the association's accounts that wait for a confirmation before they reach any case. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const rows = await pendingStaff(args.context.db, actor);
  return { staff: rows.map((r) => ({ ...r, since: r.since?.toISOString() ?? null })) };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const parsed = parseForm(ConfirmStaffSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await confirmStaff(args.context.db, actor, parsed.data.userId, { ip: args.context.ip });
  return redirect("/protection/staff");
}

export default function Staff() {
  const { staff } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("protection.staff.title")}</PageTitle>
      <p className="hint">{t("protection.staff.hint")}</p>
      {staff.length === 0 ? <p>{t("protection.staff.none")}</p> : null}
      <ul className="list">
        {staff.map((s) => (
          <li key={s.id} className="list-item" data-staff={s.id}>
            <p>
              <strong>
                <bdi>{s.displayName}</bdi>
              </strong>{" "}
              · <span dir="ltr">{[s.email, s.phone].filter(Boolean).join(" · ")}</span>
            </p>
            <p className="hint">
              {s.reason ? t(`protection.staff.reason.${s.reason}`) : null}
              {s.since ? ` · ${t("protection.staff.since", { date: formatDate(s.since) })}` : ""}
            </p>
            <Form method="post">
              <input type="hidden" name="userId" value={s.id} />
              <button type="submit" className="button">
                {t("protection.staff.confirm")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
