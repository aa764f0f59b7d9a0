import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type FieldErrors, formValues, parseForm } from "~/lib/forms.server";
import { notFound, requirePermission, requireUser } from "~/modules/auth/guards.server";
import { SelectField, StepList, TextArea } from "~/modules/business-plans/components";
import { FinancialForm } from "~/modules/business-plans/financial-form";
import { commentCounts, getReadablePlan, listComments } from "~/modules/business-plans/queries.server";
import {
  LEGAL_FORMS,
  PLAN_STEPS,
  SECTORS,
  stepIssues,
  stepStatus,
  type PlanStep,
} from "~/modules/business-plans/rules";
import {
  CommentSchema,
  financialToDraft,
  isTextStep,
  marketToDraft,
  parseFinancialDraft,
  parseMarketDraft,
  readFinancialDraft,
  readMarketDraft,
  TEXT_STEP_SCHEMAS,
  type FinancialDraft,
  type MarketDraft,
} from "~/modules/business-plans/schemas.server";
import { COMPETITOR_ROWS } from "~/modules/business-plans/constants";
import { commentOnSection, saveStep } from "~/modules/business-plans/service.server";
import { idParam, oneOfParam, queryFlag } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const planId = idParam(args, "planId");
  const step = oneOfParam(args, "step", PLAN_STEPS);
  const found = await getReadablePlan(args.context.db, user, planId);
  if (!found) notFound();
  const { plan, access, ownerName } = found;
  const counts = await commentCounts(args.context.db, plan.id);
  const comments = await listComments(args.context.db, plan.id, step);
  const section = plan[step] as Record<string, unknown>;
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(section)) if (typeof v === "string") text[k] = v;
  return {
    planId: plan.id,
    name: plan.summary.projectName ?? null,
    ownerName,
    step,
    readOnly: access !== "owner",
    canComment: access === "coach",
    saved: queryFlag(args, "saved"),
    text,
    market: marketToDraft(plan.market),
    financial: financialToDraft(plan.financial),
    missing: stepIssues(plan, step),
    steps: PLAN_STEPS.map((s) => ({
      step: s,
      state: stepStatus(plan, s),
      missing: stepIssues(plan, s),
      comments: counts[s] ?? 0,
    })),
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

type ActionResult = {
  errors?: FieldErrors;
  values?: Record<string, string>;
  market?: MarketDraft;
  financial?: FinancialDraft;
  revision?: number;
};

function nextOf(step: PlanStep): PlanStep | null {
  return PLAN_STEPS[PLAN_STEPS.indexOf(step) + 1] ?? null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const { request, context, params } = args;
  const planId = idParam({ params }, "planId");
  const step = oneOfParam({ params }, "step", PLAN_STEPS);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const meta = { ip: context.ip };

  if (intent === "comment") {
    requirePermission(args, "plans:comment");
    const parsed = parseForm(CommentSchema, form);
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const ok = await commentOnSection(context.db, user, { planId, section: step, body: parsed.data.body }, meta);
    if (!ok) notFound();
    return redirect(`/plans/${planId}/${step}`);
  }

  requirePermission(args, "plans:write-own");
  const after = (saved: boolean) => {
    const next = nextOf(step);
    return redirect(
      intent === "next" && next ? `/plans/${planId}/${next}` : `/plans/${planId}/${step}${saved ? "?saved" : ""}`,
    );
  };

  if (step === "financial") {
    const draft = readFinancialDraft(form);
    const [rowIntent, index] = intent.split(":");
    const at = Number(index);
    if (rowIntent === "add-cost") draft.costs.push({ item: "", quantity: "", unitPrice: "" });
    if (rowIntent === "remove-cost") draft.costs = draft.costs.filter((_, i) => i !== at);
    if (rowIntent === "add-funding") draft.funding.push({ kind: "other", label: "", amount: "" });
    if (rowIntent === "remove-funding") draft.funding = draft.funding.filter((_, i) => i !== at);
    const parsed = parseFinancialDraft(draft);
    if (!parsed.ok)
      return data<ActionResult>({ errors: parsed.errors, financial: draft, revision: Date.now() }, { status: 400 });
    const saved = await saveStep(context.db, user, { planId, step, section: parsed.data }, meta);
    if (!saved) notFound();
    // a row added or removed without JavaScript: show the same form again, saved
    if (rowIntent !== "save" && rowIntent !== "next")
      return data<ActionResult>({ financial: draft, revision: Date.now() });
    return after(true);
  }

  if (step === "market") {
    const draft = readMarketDraft(form);
    const parsed = parseMarketDraft(draft);
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, market: draft }, { status: 400 });
    if (!(await saveStep(context.db, user, { planId, step, section: parsed.data }, meta))) notFound();
    return after(true);
  }

  if (isTextStep(step)) {
    const parsed = parseForm(TEXT_STEP_SCHEMAS[step], form);
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    if (!(await saveStep(context.db, user, { planId, step, section: parsed.data }, meta))) notFound();
    return after(true);
  }
  return data<ActionResult>({ errors: { form: "errors.invalid" }, values: formValues(form) }, { status: 400 });
}

const TEXT_FIELDS: Record<Exclude<PlanStep, "market" | "financial" | "summary" | "legal">, string[]> = {
  promoters: ["experience", "skills", "team"],
  product: ["description", "difference"],
  marketing: ["strategy", "channels"],
  operations: ["premises", "equipment", "suppliers", "staff"],
  risks: ["risks", "mitigation"],
};

export default function PlanStepPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t, formatDate } = useI18n();
  const { planId, step, readOnly, text } = loaded;
  const errors = actionData?.errors;
  const values = { ...text, ...(actionData?.values ?? {}) };
  const next = nextOf(step);
  const market = actionData?.market ?? loaded.market;
  const financial = actionData?.financial ?? loaded.financial;

  return (
    <div className="plan-builder">
      <p>
        <Link to={`/plans/${planId}`}>← {loaded.name ?? t("plans.untitled")}</Link>
      </p>
      <PageTitle>
        {PLAN_STEPS.indexOf(step) + 1}. {t(`plans.step.${step}` as MessageKey)}
      </PageTitle>
      {readOnly ? (
        <p className="alert alert-success">
          {t("plans.readOnly")} {t("plans.owner", { name: loaded.ownerName })}
        </p>
      ) : null}
      {loaded.saved && !actionData ? <FormAlert tone="success" message="plans.saved" /> : null}
      {actionData && !errors ? <FormAlert tone="success" message="plans.saved" /> : null}
      {loaded.missing.length && !readOnly ? (
        <p className="hint" data-missing={loaded.missing.join(" ")}>
          {t("plans.missing", { fields: loaded.missing.map((f) => t(`plans.field.${f}` as MessageKey)).join(", ") })}
        </p>
      ) : null}
      <div className="plan-layout">
        <Form method="post" className="stack plan-form" noValidate>
          {/* Enter in any field saves: the first submit button is the default, so it must not be a row's "remove" */}
          {!readOnly ? (
            <button
              type="submit"
              name="intent"
              value="save"
              className="plan-default-submit"
              tabIndex={-1}
              aria-hidden="true"
            >
              {t("plans.save")}
            </button>
          ) : null}
          <fieldset disabled={readOnly} className="stack">
            {step === "summary" ? (
              <>
                <Field
                  name="projectName"
                  label="plans.field.projectName"
                  values={values}
                  errors={errors}
                  maxLength={120}
                />
                <SelectField
                  name="sector"
                  label="plans.field.sector"
                  value={values.sector}
                  errors={errors}
                  options={SECTORS.map((s) => ({ value: s, label: `plans.sector.${s}` as MessageKey }))}
                />
                <Field name="city" label="plans.field.city" values={values} errors={errors} maxLength={80} />
                <TextArea name="pitch" label="plans.field.pitch" value={values.pitch} errors={errors} />
              </>
            ) : null}
            {step === "legal" ? (
              <fieldset className="stack">
                <legend>{t("plans.field.form")}</legend>
                {LEGAL_FORMS.map((f) => (
                  <div key={f} className="checkbox">
                    <input
                      type="radio"
                      id={`f-form-${f}`}
                      name="form"
                      value={f}
                      defaultChecked={values.form === f}
                      aria-describedby={`f-form-${f}-help`}
                    />
                    <label htmlFor={`f-form-${f}`}>{t(`plans.legal.${f}` as MessageKey)}</label>
                    <p className="hint" id={`f-form-${f}-help`}>
                      {t(`plans.legal.${f}.help` as MessageKey)}
                    </p>
                  </div>
                ))}
                {errors?.form ? <p className="error">{t(errors.form)}</p> : null}
                <TextArea name="reason" label="plans.field.reason" value={values.reason} errors={errors} rows={2} />
              </fieldset>
            ) : null}
            {step in TEXT_FIELDS
              ? TEXT_FIELDS[step as keyof typeof TEXT_FIELDS].map((name) => (
                  <TextArea
                    key={name}
                    name={name}
                    label={`plans.field.${name}` as MessageKey}
                    value={values[name]}
                    errors={errors}
                  />
                ))
              : null}
            {step === "market" ? (
              <>
                <TextArea name="customers" label="plans.field.customers" value={market.customers} errors={errors} />
                <TextArea
                  name="marketSize"
                  label="plans.field.marketSize"
                  value={market.marketSize}
                  errors={errors}
                  rows={2}
                />
                <Field
                  name="marketSizeFigure"
                  label="plans.field.marketSizeFigure"
                  defaultValue={market.marketSizeFigure}
                  errors={errors}
                />
                <fieldset>
                  <legend>{t("plans.field.competitors")}</legend>
                  {Array.from({ length: COMPETITOR_ROWS }, (_, i) => {
                    const row = market.competitors[i] ?? { name: "", price: "" };
                    return (
                      <div key={i} className="plan-row">
                        <div className={errors?.[`competitorName.${i}`] ? "field field-invalid" : "field"}>
                          <label htmlFor={`f-competitorName-${i}`}>{t("plans.field.competitorName")}</label>
                          <input
                            id={`f-competitorName-${i}`}
                            name="competitorName"
                            defaultValue={row.name}
                            maxLength={200}
                          />
                          {errors?.[`competitorName.${i}`] ? (
                            <p className="error">{t(errors[`competitorName.${i}`] as MessageKey)}</p>
                          ) : null}
                        </div>
                        <div className={errors?.[`competitorPrice.${i}`] ? "field field-invalid" : "field"}>
                          <label htmlFor={`f-competitorPrice-${i}`}>{t("plans.field.competitorPrice")}</label>
                          <input
                            id={`f-competitorPrice-${i}`}
                            name="competitorPrice"
                            defaultValue={row.price}
                            inputMode="decimal"
                            dir="ltr"
                          />
                          {errors?.[`competitorPrice.${i}`] ? (
                            <p className="error">{t(errors[`competitorPrice.${i}`] as MessageKey)}</p>
                          ) : null}
                        </div>
                      </div>
                    );
                  })}
                </fieldset>
                <Field
                  name="price"
                  label="plans.field.price"
                  defaultValue={market.price}
                  inputMode="decimal"
                  dir="ltr"
                  errors={errors}
                />
                <TextArea
                  name="salesPlaces"
                  label="plans.field.salesPlaces"
                  value={market.salesPlaces}
                  errors={errors}
                  rows={2}
                />
              </>
            ) : null}
          </fieldset>
          {step === "financial" ? (
            <FinancialForm
              key={actionData?.revision ?? "loaded"}
              initial={financial}
              errors={errors}
              readOnly={readOnly}
            />
          ) : null}
          {!readOnly ? (
            <div className="actions">
              <button
                type="submit"
                name="intent"
                value="save"
                className="button button-secondary"
                disabled={navigation.state === "submitting"}
              >
                {t("plans.save")}
              </button>
              {next ? (
                <button type="submit" name="intent" value="next" className="button">
                  {t("plans.saveNext")}
                </button>
              ) : null}
            </div>
          ) : null}
        </Form>
        <aside className="plan-aside">
          <h2>{t("plans.comments.title")}</h2>
          {loaded.comments.length === 0 ? <p className="hint">{t("plans.comments.none")}</p> : null}
          <ul className="list">
            {loaded.comments.map((c) => (
              <li key={c.id} className="list-item plan-comment">
                <p className="message-body">{c.body}</p>
                <p className="hint">
                  {c.authorName} · {formatDate(c.createdAt, true)}
                </p>
              </li>
            ))}
          </ul>
          {loaded.canComment ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="comment" />
              <TextArea
                name="body"
                label="plans.comments.body"
                errors={errors}
                value={actionData?.values?.body}
                rows={3}
              />
              <button type="submit" className="button">
                {t("plans.comments.send")}
              </button>
            </Form>
          ) : null}
          <StepList planId={planId} steps={loaded.steps} current={step} />
        </aside>
      </div>
    </div>
  );
}
