import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type FieldErrors, formValues, parseForm } from "~/lib/forms.server";
import { notFound, requirePermission, requireUser } from "~/modules/auth/guards.server";
import { StepList } from "~/modules/business-plans/components";
import { FinancialForm } from "~/modules/business-plans/financial-form";
import { commentCounts, getReadablePlan, listComments } from "~/modules/business-plans/queries.server";
import { PLAN_STEPS, stepIssues, stepStatus, type PlanStep } from "~/modules/business-plans/rules";
import {
  LegalFields,
  MarketFields,
  PlanComments,
  SummaryFields,
  TextStepFields,
} from "~/modules/business-plans/step-fields";
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

export default function PlanStepPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useI18n();
  const { planId, step, readOnly } = loaded;
  const errors = actionData?.errors;
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
      {(loaded.saved && !actionData) || (actionData && !errors) ? (
        <FormAlert tone="success" message="plans.saved" />
      ) : null}
      {loaded.missing.length && !readOnly ? (
        <p className="hint" data-missing={loaded.missing.join(" ")}>
          {t("plans.missing", { fields: loaded.missing.map((f) => t(`plans.field.${f}` as MessageKey)).join(", ") })}
        </p>
      ) : null}
      <div className="plan-layout">
        <StepForm loaded={loaded} actionData={actionData} />
        <aside className="plan-aside">
          <PlanComments
            comments={loaded.comments}
            canComment={loaded.canComment}
            errors={errors}
            body={actionData?.values?.body}
          />
          <StepList planId={planId} steps={loaded.steps} current={step} />
        </aside>
      </div>
    </div>
  );
}

function StepForm({ loaded, actionData }: { loaded: SerializeFrom<typeof loader>; actionData?: ActionResult }) {
  const navigation = useNavigation();
  const { t } = useI18n();
  const { step, readOnly } = loaded;
  const errors = actionData?.errors;
  const values = { ...loaded.text, ...(actionData?.values ?? {}) };
  const next = nextOf(step);
  return (
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
        {step === "summary" ? <SummaryFields values={values} errors={errors} /> : null}
        {step === "legal" ? <LegalFields values={values} errors={errors} /> : null}
        <TextStepFields step={step} values={values} errors={errors} />
        {step === "market" ? <MarketFields market={actionData?.market ?? loaded.market} errors={errors} /> : null}
      </fieldset>
      {step === "financial" ? (
        <FinancialForm
          key={actionData?.revision ?? "loaded"}
          initial={actionData?.financial ?? loaded.financial}
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
  );
}
