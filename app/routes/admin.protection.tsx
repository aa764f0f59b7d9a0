import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import type { FieldErrors } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";
import { parseQuery, query } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  applyRetention,
  expiredCount,
  setRetention,
  setSupervisor,
  supervisorsOverview,
} from "~/modules/protection/admin.server";
import { AdminProtectionActionSchema } from "~/modules/protection/schemas.server";

const PAGE = "/admin/protection";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "protection:administer");
  const overview = await supervisorsOverview(args.context.db);
  // the step says how many files it would anonymise; offered only once a period is set
  const applying = confirmStep(args, ["apply"]) === "apply" && overview.retentionDays !== null;
  return {
    ...overview,
    expired: applying ? await expiredCount(args.context.db) : null,
    anonymised: parseQuery(args, { anonymised: query.int(0, 1_000_000) }).anonymised ?? null,
  };
}

type Refused = { errors: FieldErrors; values: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:administer");
  const form = await args.request.formData();
  const parsed = parseForm(AdminProtectionActionSchema, form);
  if (!parsed.ok) return data<Refused>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const meta = { ip: args.context.ip };
  const db = args.context.db;
  if (parsed.data.intent === "supervisor")
    await setSupervisor(db, actor, parsed.data.userId, parsed.data.on === "1", meta);
  if (parsed.data.intent === "retention") await setRetention(db, actor, parsed.data.retentionDays, meta);
  if (parsed.data.intent === "apply") {
    // anonymising every expired file at once cannot be undone: only from its confirmation step
    const step = unlessConfirmed(args.request, form, "apply");
    if (step) return step;
    return redirect(`${PAGE}?anonymised=${await applyRetention(db, actor, meta)}`);
  }
  return redirect(PAGE);
}

/** Applying the retention period: how many files lose their identity, and that it is for good. */
function ApplyStep({ retentionDays, expired }: { retentionDays: number; expired: number }) {
  const { t } = useI18n();
  return (
    <ConfirmStep
      title="protection.admin.confirmApply.title"
      titleValues={{ count: expired }}
      intent="apply"
      confirmLabel="protection.admin.apply"
      cancelTo={PAGE}
    >
      <p>{t("protection.admin.confirmApply.effects", { days: retentionDays })}</p>
    </ConfirmStep>
  );
}

export default function ProtectionAdmin() {
  const { workers, retentionDays, expired, anonymised } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (retentionDays !== null && expired !== null) return <ApplyStep retentionDays={retentionDays} expired={expired} />;
  const errors = actionData?.errors;
  return (
    <div>
      <PageTitle>{t("protection.admin.title")}</PageTitle>
      <ErrorSummary errors={errors} labels={{ retentionDays: "protection.admin.retentionDays" }} />
      {anonymised !== null ? (
        <p className="alert alert-success" role="status" data-testid="anonymised">
          {t("protection.admin.applied", { count: anonymised })}
        </p>
      ) : null}
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
                <bdi>{w.displayName}</bdi> · <bdi>{w.organisation}</bdi>
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
      <Form method="post" className="filters" noValidate>
        <FormAlert message={errors?.form} />
        <input type="hidden" name="intent" value="retention" />
        <Field
          name="retentionDays"
          label="protection.admin.retentionDays"
          type="number"
          inputMode="numeric"
          min={30}
          defaultValue={retentionDays ?? ""}
          errors={errors}
          values={actionData?.values}
        />
        <button type="submit" className="button">
          {t("protection.admin.save")}
        </button>
      </Form>
      {retentionDays ? (
        <div className="danger-zone">
          <h2>{t("protection.admin.applyHeading")}</h2>
          <p className="hint">{t("protection.admin.applyHint")}</p>
          <ConfirmLink path={PAGE} intent="apply">
            {t("protection.admin.apply")}
          </ConfirmLink>
        </div>
      ) : null}
    </div>
  );
}
