import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle, SelectField } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listApplicationsOfApplicant, listOpenCalls } from "~/modules/grants/queries.server";
import { ApplySchema } from "~/modules/grants/schemas.server";
import { submitApplication } from "~/modules/grants/service.server";
import { getApplicantFacts, getSubmittablePlans } from "~/modules/grants/sources.server";
import { applyContext, factsShown, planShown } from "~/modules/grants/apply-check.server";
import { CheckAnswers, WhoCanApply, type ApplyCheck } from "~/modules/grants/apply-sections";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { parseQuery, query } from "~/lib/params.server";
import { ErrorSummary } from "~/components/error-summary";
import { isUuid } from "~/lib/ids";
import { serverT } from "~/i18n/dictionaries.server";
import { localizedLabel } from "~/lib/localized";
import { phoneConfirmedOrAbsent } from "~/modules/auth/phone.server";
import { PhoneNeeded } from "~/modules/auth/ui";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "grants:apply");
  const db = args.context.db;
  const [calls, mine, plans, phoneOk, ctx] = await Promise.all([
    listOpenCalls(db),
    listApplicationsOfApplicant(db, user.id),
    getSubmittablePlans(db, user.id),
    phoneConfirmedOrAbsent(db, user.id),
    applyContext(db, user.id),
  ]);
  const locale = args.context.locale;
  const applied = (callId: string) => mine.some((m) => m.callId === callId && m.status !== "withdrawn");
  // the check before sending: only for an open call not applied to, with one of this person's plans
  const asked = confirmStep(args, ["apply"]);
  const { callId, planId } = parseQuery(args, { callId: query.id(), planId: query.id() });
  const call = asked && !applied(callId ?? "") ? calls.find((c) => c.id === callId) : undefined;
  const plan = call ? plans.find((p) => p.id === planId) : undefined;
  const check: ApplyCheck | null =
    call && plan
      ? {
          call: {
            id: call.id,
            title: localizedLabel(call, "title", locale, serverT(locale)("content.inFrench")),
            closesAt: call.closesAt.toISOString(),
            maxGrantCentimes: call.maxGrantCentimes,
          },
          plan: planShown(plan),
          facts: factsShown(ctx.facts, call),
          conditions: ctx.conditionsOf(call),
        }
      : null;
  return {
    check,
    phoneUnconfirmed: !phoneOk,
    calls: calls.map((c) => ({
      conditions: ctx.conditionsOf(c),
      id: c.id,
      titleFr: c.titleFr,
      titleAr: c.titleAr,
      titleEn: c.titleEn,
      descriptionFr: c.descriptionFr,
      descriptionAr: c.descriptionAr,
      descriptionEn: c.descriptionEn,
      closesAt: c.closesAt.toISOString(),
      maxGrantCentimes: c.maxGrantCentimes,
      applied: applied(c.id),
    })),
    mine: mine.map((m) => ({ ...m, submittedAt: m.submittedAt.toISOString(), closesAt: m.closesAt.toISOString() })),
    plans: plans.map((p) => ({ id: p.id, title: p.title, requestedCentimes: p.requestedCentimes })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "grants:apply");
  const db = args.context.db;
  const form = await args.request.formData();
  const callId = String(form.get("callId") ?? "");
  const parsed = parseForm(ApplySchema, form);
  if (!parsed.ok || !isUuid(callId)) return data({ callId, error: "grants.apply.needPlan" as const }, { status: 400 });
  const plan = (await getSubmittablePlans(db, user.id)).find((p) => p.id === parsed.data.planId);
  if (!plan) return data({ callId, error: "grants.apply.needPlan" as const }, { status: 400 });
  // "check your answers" first: nothing is sent from the list
  const step = unlessConfirmed(args.request, form, "apply", ["callId", "planId"]);
  if (step) return step;
  const facts = await getApplicantFacts(db, user.id);
  const r = await submitApplication(
    db,
    user,
    { callId, planId: plan.id, planSnapshot: plan.snapshot, requestedCentimes: plan.requestedCentimes, facts },
    { ip: args.context.ip },
  );
  if (!r.ok) return data({ callId, error: r.errors.form ?? ("errors.invalid" as const) }, { status: r.status });
  return redirect(`/grants/applications/${r.application.id}?sent=1`);
}

export default function GrantsHome() {
  const { calls, mine, plans, phoneUnconfirmed, check } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatMoney } = useI18n();
  if (check) return <CheckAnswers c={check} />;
  return (
    <div>
      <PageTitle>{t("grants.apply.title")}</PageTitle>
      <ErrorSummary
        errors={actionData ? { [`plan-${actionData.callId}`]: actionData.error } : null}
        labels={actionData ? { [`plan-${actionData.callId}`]: "grants.apply.plan" } : {}}
      />
      {phoneUnconfirmed ? <PhoneNeeded /> : null}
      <h2>{t("grants.apply.mine")}</h2>
      {mine.length === 0 ? <p>{t("grants.apply.noneMine")}</p> : null}
      <ul className="list">
        {mine.map((m) => (
          <li key={m.id} className="list-item">
            <p>
              <Link to={`/grants/applications/${m.id}`}>
                <LocalizedText row={m} field="title" />
              </Link>{" "}
              · {t(`grants.app.status.${m.status}`)}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t("grants.apply.open")}</h2>
      {calls.length === 0 ? <p>{t("grants.apply.none")}</p> : null}
      <ul className="list">
        {calls.map((c) => (
          <li key={c.id} className="list-item stack" id={`call-${c.id}`}>
            <h3>
              <LocalizedText row={c} field="title" />
            </h3>
            {c.descriptionFr ? (
              <p>
                <LocalizedText row={c} field="description" />
              </p>
            ) : null}
            <WhoCanApply conditions={c.conditions} />
            <p className="hint">
              {t("grants.call.closes")} {formatDate(c.closesAt, true)} · {t("grants.call.maxGrant")}{" "}
              {formatMoney(c.maxGrantCentimes)}
            </p>
            {actionData?.callId === c.id ? <FormAlert message={actionData.error} /> : null}
            {c.applied ? null : plans.length === 0 ? (
              <p>{t("grants.apply.needPlan")}</p>
            ) : (
              <Form method="post" className="stack">
                <input type="hidden" name="callId" value={c.id} />
                <SelectField
                  id={`f-plan-${c.id}`}
                  name="planId"
                  label="grants.apply.plan"
                  options={plans.map((p) => ({
                    value: p.id,
                    label: `${p.title} · ${formatMoney(p.requestedCentimes)}`,
                  }))}
                />
                <p className="hint">{t("grants.apply.frozen")}</p>
                <button type="submit" className="button">
                  {t("grants.apply.continue")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
