import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { applyRetention, setRetention, setSupervisor, supervisorsOverview } from "~/modules/protection/admin.server";
import { AdminProtectionActionSchema } from "~/modules/protection/schemas.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "protection:administer");
  return supervisorsOverview(args.context.db);
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:administer");
  const parsed = parseForm(AdminProtectionActionSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, anonymised: null as number | null }, { status: 400 });
  const meta = { ip: args.context.ip };
  const db = args.context.db;
  if (parsed.data.intent === "supervisor")
    await setSupervisor(db, actor, parsed.data.userId, parsed.data.on === "1", meta);
  if (parsed.data.intent === "retention") await setRetention(db, actor, parsed.data.retentionDays, meta);
  if (parsed.data.intent === "apply") return { errors: {}, anonymised: await applyRetention(db, actor, meta) };
  return { errors: {}, anonymised: null as number | null };
}

export default function ProtectionAdmin() {
  const { workers, retentionDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("protection.admin.title")}</PageTitle>
      <h2>{t("protection.admin.supervisors")}</h2>
      <p className="hint">{t("protection.admin.supervisorsHint")}</p>
      <ul className="list">
        {workers.map((w) => (
          <li key={w.id} className="list-item">
            <Form method="post" className="filters">
              <input type="hidden" name="intent" value="supervisor" />
              <input type="hidden" name="userId" value={w.id} />
              <input type="hidden" name="on" value={w.supervisor ? "0" : "1"} />
              <span>
                {w.displayName} · {w.organisation}
                {w.supervisor ? ` · ${t("protection.admin.isSupervisor")}` : ""}
              </span>
              <button type="submit" className="button button-secondary">
                {t(w.supervisor ? "protection.admin.revoke" : "protection.admin.grant")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("protection.admin.retention")}</h2>
      <p className="hint">{t("protection.admin.retentionHint")}</p>
      <Form method="post" className="filters">
        <input type="hidden" name="intent" value="retention" />
        <Field
          name="retentionDays"
          label="protection.admin.retentionDays"
          type="number"
          min={30}
          defaultValue={retentionDays ?? ""}
          errors={actionData?.errors}
        />
        <button type="submit" className="button">
          {t("protection.admin.save")}
        </button>
      </Form>
      {retentionDays ? (
        <Form method="post">
          <input type="hidden" name="intent" value="apply" />
          <button type="submit" className="button button-danger">
            {t("protection.admin.apply")}
          </button>
        </Form>
      ) : null}
      {typeof actionData?.anonymised === "number" ? (
        <p className="alert alert-success" role="status" data-testid="anonymised">
          {t("protection.admin.applied", { count: actionData.anonymised })}
        </p>
      ) : null}
    </div>
  );
}
