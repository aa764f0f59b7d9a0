import { labelled, type MessageKey } from "~/i18n/translate";
import type { FormEcho } from "~/lib/forms";
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError, FormAlert, PageTitle, TextareaField } from "~/components/form";
import { LocalizedText, useLocalizedLabel } from "~/components/localized-text";
import { serverT } from "~/i18n/dictionaries.server";
import { codeOrTyped } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getBlindAssignment } from "~/modules/grants/queries.server";
import { ConflictSchema } from "~/modules/grants/schemas.server";
import { declareConflict, saveScores } from "~/modules/grants/service.server";
import { idParam, parseQuery, query } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "grants:review");
  const assignmentId = idParam(args, "assignmentId");
  const view = await getBlindAssignment(
    args.context.db,
    user.id,
    assignmentId,
    serverT(args.context.locale)("grants.blind.hidden"),
  );
  if (!view) notFound();
  return {
    ...view,
    submittedAt: view.submittedAt?.toISOString() ?? null,
    call: { ...view.call, reviewDeadline: view.call.reviewDeadline.toISOString() },
    reopenedAt: view.reopenedAt?.toISOString() ?? null,
    // a submitted review is final until an admin reopens it
    open: view.call.status === "under_review" && new Date() <= view.call.reviewDeadline && !view.submittedAt,
    saved: parseQuery(args, { saved: query.oneOf(["1"]) }).saved === "1",
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "grants:review");
  const assignmentId = idParam(args, "assignmentId");
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "conflict") {
    const p = parseForm(ConflictSchema, form);
    if (!p.ok) return data({ errors: p.errors as FieldErrors, values: p.values }, { status: 400 });
    const r = await declareConflict(
      args.context.db,
      user,
      { assignmentId, reason: p.data.reason },
      { ip: args.context.ip },
    );
    if (!r.ok) notFound();
    return redirect("/grants/reviews");
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  const r = await saveScores(
    args.context.db,
    user,
    { assignmentId, intent: intent === "submit" ? "submit" : "draft", fields },
    { ip: args.context.ip },
  );
  if (!r.ok) {
    if (r.status === 404) notFound();
    return data({ errors: r.errors, values: fields }, { status: r.status });
  }
  return redirect(`/grants/reviews/${assignmentId}?saved=1`);
}

const HIDDEN_KEYS = new Set(["version", "planId", "updatedAt"]);

/** The frozen plan, section by section, with the plan builder's labels where it has them. */
function PlanTree({ value, name }: { value: unknown; name?: string }) {
  const { t, formatMoney } = useI18n();
  const label = (k: string) => {
    // an amount's key ends in "Centimes" (priceCentimes): its label is the field's own (price)
    const field = k.replace(/Centimes$/, "");
    for (const key of [`plans.step.${k}`, `plans.field.${k}`, `plans.field.${field}`]) {
      const text = t(key as MessageKey);
      if (text !== key) return text;
    }
    return k;
  };
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((v, i) => (
          <li key={i}>
            <PlanTree value={v} />
          </li>
        ))}
      </ul>
    );
  if (value && typeof value === "object")
    return (
      <dl className="grants-plan-list">
        {Object.entries(value)
          .filter(([k]) => !HIDDEN_KEYS.has(k))
          .map(([k, v]) => (
            <div key={k} className="grants-plan-entry">
              <dt>{label(k)}</dt>
              <dd>
                <PlanTree value={v} name={k} />
              </dd>
            </div>
          ))}
      </dl>
    );
  if (typeof value === "number" && name && /Centimes$/.test(name)) return <>{formatMoney(value)}</>;
  // codes in the reader's language; a plan sent before its town was a code keeps the town as typed
  if (typeof value === "string" && (name === "city" || name === "sector"))
    return <bdi>{codeOrTyped(t, name, value)}</bdi>;
  return <>{String(value ?? "")}</>;
}

type Loaded = SerializeFrom<typeof loader>;

/** What the member is not shown: the name (or it, once shown) and the passages hidden (decision 0151). */
function BlindNotes({ applicantName, hiddenPassages }: Pick<Loaded, "applicantName" | "hiddenPassages">) {
  const { t } = useI18n();
  return (
    <>
      <p className="hint">{t("grants.review.blind")}</p>
      {hiddenPassages > 0 ? (
        <p className="hint" data-testid="review-hidden-passages">
          {t("grants.blind.hiddenCount", { count: hiddenPassages })}
        </p>
      ) : null}
      {applicantName ? <p>{t("grants.review.applicantName", { name: applicantName })}</p> : null}
    </>
  );
}

/** One criterion of the rubric: its score and the reviewer's comment, kept after a refused submit. */
function CriterionScore({
  c,
  current,
  open,
  errors,
  values,
}: FormEcho & {
  c: Loaded["criteria"][number];
  current: Loaded["scores"][string] | undefined;
  open: boolean;
}) {
  const { t } = useI18n();
  const score = `score_${c.id}`;
  return (
    <fieldset className="grants-criterion">
      <legend>
        <LocalizedText row={c} field="label" />
      </legend>
      {c.descriptionFr ? (
        <p className="hint">
          <LocalizedText row={c} field="description" />
        </p>
      ) : null}
      <div className={errors?.[score] ? "field field-invalid" : "field"}>
        <label htmlFor={`f-${score}`}>{t("grants.review.score", { max: c.maxScore, weight: c.weight })}</label>
        <input
          id={`f-${score}`}
          name={score}
          type="number"
          min={0}
          max={c.maxScore}
          inputMode="numeric"
          defaultValue={values?.[score] ?? current?.score ?? ""}
          disabled={!open}
        />
        <FieldError name={score} errors={errors} />
      </div>
      <TextareaField
        name={`comment_${c.id}`}
        label="grants.review.comment"
        rows={2}
        defaultValue={current?.comment ?? ""}
        values={values}
        disabled={!open}
      />
    </fieldset>
  );
}

export default function ReviewPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatMoney } = useI18n();
  const plain = useLocalizedLabel();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div>
      <PageTitle>{t("grants.review.title", { number: d.number })}</PageTitle>
      <p className="hint">
        <LocalizedText row={d.call} field="title" />
      </p>
      <BlindNotes applicantName={d.applicantName} hiddenPassages={d.hiddenPassages} />
      <ErrorSummary
        errors={errors}
        labels={Object.fromEntries(
          d.criteria.flatMap((c) => [
            [`score_${c.id}`, { text: plain(c, "label") }],
            [`comment_${c.id}`, { text: plain(c, "label") }],
          ]),
        )}
        order={d.criteria.flatMap((c) => [`score_${c.id}`, `comment_${c.id}`])}
      />
      {d.saved ? <FormAlert tone="success" message="grants.review.saved" /> : null}
      <p>{t("grants.review.deadline", { date: formatDate(d.call.reviewDeadline, true) })}</p>
      {d.submittedAt ? <p>{t("grants.review.submitted", { date: formatDate(d.submittedAt, true) })}</p> : null}
      {!d.submittedAt && d.reopenedAt ? (
        <p className="alert alert-error" role="status">
          {t("grants.review.reopened", { date: formatDate(d.reopenedAt, true), reason: d.reopenReason ?? "" })}
        </p>
      ) : null}
      <h2>{t("grants.review.plan")}</h2>
      <p>
        {labelled(t, "grants.col.requested")} {formatMoney(d.requestedCentimes)}
      </p>
      <p>
        <a
          className="button button-secondary"
          href={`/grants/reviews/${d.assignmentId}/plan.pdf`}
          download
          data-testid="review-plan-pdf"
        >
          {t(d.applicantName ? "grants.review.planPdf" : "grants.review.planPdfBlind")}
        </a>
      </p>
      <div className="grants-plan">
        <PlanTree value={d.plan} />
      </div>
      <Form method="post" className="stack narrow" noValidate>
        {d.criteria.map((c) => (
          <CriterionScore key={c.id} c={c} current={d.scores[c.id]} open={d.open} errors={errors} values={values} />
        ))}
        {d.open ? (
          <div className="grants-actions">
            <button type="submit" name="intent" value="draft" className="button">
              {t("grants.review.saveDraft")}
            </button>
            <button type="submit" name="intent" value="submit" className="button">
              {t("grants.review.submit")}
            </button>
          </div>
        ) : null}
      </Form>
      <h2>{t("grants.review.conflict")}</h2>
      <Form method="post" className="stack narrow">
        <input type="hidden" name="intent" value="conflict" />
        <TextareaField name="reason" label="grants.call.reason" rows={2} required errors={errors} />
        <button type="submit" className="button">
          {t("grants.review.conflict")}
        </button>
      </Form>
    </div>
  );
}
