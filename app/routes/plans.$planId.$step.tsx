import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { BackLink } from "~/components/back-link";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { FormAlert, PageTitle } from "~/components/form";
import { listOf } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type FieldErrors, formValues, parseForm, parseRowsForm } from "~/lib/forms.server";
import { notFound, requirePermission, requireUser } from "~/modules/auth/guards.server";
import { StepList } from "~/modules/business-plans/components";
import { FinancialForm } from "~/modules/business-plans/financial-form";
import { commentCounts, getReadablePlan, listComments } from "~/modules/business-plans/queries.server";
import { stepErrors, stepIssues, stepStatus } from "~/modules/business-plans/rules";
import { PLAN_STEPS, type PlanStep } from "~/modules/business-plans/constants";
import {
  LegalFields,
  MarketFields,
  PlanComments,
  SummaryFields,
  TextStepFields,
  useStepErrorLabels,
} from "~/modules/business-plans/step-fields";
import {
  applyRowChange,
  financialToDraft,
  rowChange,
  typedFinancial,
  withBlankRow,
  type RemovedRow,
} from "~/modules/business-plans/financial-rows.server";
import {
  CommentSchema,
  FinancialSchema,
  isTextStep,
  MarketSchema,
  marketFormValues,
  TEXT_STEP_SCHEMAS,
  type FinancialDraft,
} from "~/modules/business-plans/schemas.server";
import { commentOnSection, saveStep } from "~/modules/business-plans/service.server";
import { idParam, oneOfParam, queryFlag } from "~/lib/params.server";
import type { HydrateHandle } from "~/lib/hydration";

/** The financial step's totals follow what is typed, and its rows are added and removed in place. */
export const handle = { hydrate: true } satisfies HydrateHandle;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const planId = idParam(args, "planId");
  const step = oneOfParam(args, "step", PLAN_STEPS);
  const found = await getReadablePlan(args.context.db, user, planId);
  if (!found) notFound();
  const { plan, access, ownerName } = found;
  const counts = await commentCounts(args.context.db, plan.id);
  const comments = await listComments(args.context.db, plan.id, step);
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(plan[step])) if (typeof v === "string") text[k] = v;
  return {
    planId: plan.id,
    name: plan.summary.projectName ?? null,
    ownerName,
    step,
    readOnly: access !== "owner",
    canComment: access === "coach",
    saved: queryFlag(args, "saved"),
    values: step === "market" ? marketFormValues(plan.market) : text,
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
  financial?: FinancialDraft;
  removed?: RemovedRow;
  revision?: number;
};

function nextOf(step: PlanStep): PlanStep | null {
  return PLAN_STEPS[PLAN_STEPS.indexOf(step) + 1] ?? null;
}

type StepAction = {
  args: ActionFunctionArgs;
  planId: string;
  step: PlanStep;
  form: FormData;
  intent: string;
};

export async function action(args: ActionFunctionArgs) {
  requireUser(args);
  const planId = idParam(args, "planId");
  const step = oneOfParam(args, "step", PLAN_STEPS);
  const form = await args.request.formData();
  const at: StepAction = { args, planId, step, form, intent: String(form.get("intent") ?? "save") };
  if (at.intent === "comment") return comment(at);
  requirePermission(args, "plans:write-own");
  if (step === "financial") return saveFinancial(at);
  const parsed =
    step === "market"
      ? parseRowsForm(MarketSchema, form)
      : isTextStep(step)
        ? parseForm(TEXT_STEP_SCHEMAS[step], form)
        : null;
  if (!parsed?.ok)
    return data<ActionResult>(
      {
        errors: parsed ? stepErrors(step, parsed.errors) : { form: "errors.invalid" },
        values: parsed?.values ?? formValues(form),
      },
      { status: 400 },
    );
  await save(at, parsed.data);
  return afterSave(at);
}

async function comment({ args, planId, step, form }: StepAction) {
  const user = requirePermission(args, "plans:comment");
  const parsed = parseForm(CommentSchema, form);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const commented = await commentOnSection(
    args.context.db,
    user,
    { planId, section: step, body: parsed.data.body },
    { ip: args.context.ip },
  );
  if (!commented.ok) notFound();
  return redirect(`/plans/${planId}/${step}`);
}

async function save({ args, planId, step }: StepAction, section: Parameters<typeof saveStep>[2]["section"]) {
  const user = requireUser(args);
  const saved = await saveStep(args.context.db, user, { planId, step, section }, { ip: args.context.ip });
  if (!saved.ok) notFound();
}

function afterSave({ planId, step, intent }: StepAction) {
  const next = nextOf(step);
  return redirect(intent === "next" && next ? `/plans/${planId}/${next}` : `/plans/${planId}/${step}?saved`);
}

/** The financial tables, and their row buttons without JavaScript (add, remove, undo a removal). */
async function saveFinancial(at: StepAction) {
  const change = rowChange(at.intent, at.form);
  const { form, removed } = applyRowChange(at.form, change);
  const parsed = parseRowsForm(FinancialSchema, form);
  const financial = withBlankRow(typedFinancial(parsed.payload), change);
  const shown = { financial, removed, revision: Date.now() };
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, ...shown }, { status: 400 });
  await save(at, parsed.data);
  // a row added or removed without JavaScript: show the same form again, saved
  return change ? data<ActionResult>(shown) : afterSave(at);
}

export default function PlanStepPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useI18n();
  const { planId, step, readOnly } = loaded;
  const errors = actionData?.errors;
  const labels = useStepErrorLabels(step, errors);
  return (
    <div className="plan-builder">
      <p>
        <BackLink to={`/plans/${planId}`}>{loaded.name ?? t("plans.untitled")}</BackLink>
      </p>
      <PageTitle>
        {PLAN_STEPS.indexOf(step) + 1}. {t(`plans.step.${step}` as MessageKey)}
      </PageTitle>
      {/* a refused save: every problem first, each a link to its field (a row's by its row) */}
      <ErrorSummary errors={errors} labels={labels} order={["form", ...Object.keys(labels)]} />
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
          {t("plans.missing", {
            fields: listOf(
              t,
              loaded.missing.map((f) => t(`plans.field.${f}` as MessageKey)),
            ),
          })}
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
  // after a refused save, what was typed; else what is saved
  const values = { ...loaded.values, ...actionData?.values };
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
        {step === "market" ? <MarketFields values={values} errors={errors} /> : null}
      </fieldset>
      {step === "financial" ? (
        <FinancialForm
          key={actionData?.revision ?? "loaded"}
          initial={actionData?.financial ?? loaded.financial}
          removed={actionData?.removed}
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
