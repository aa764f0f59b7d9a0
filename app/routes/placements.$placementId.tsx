import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { parseForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getPlacement } from "~/modules/internships/queries.server";
import {
  CHECKPOINTS,
  daysSince,
  EVALUATION_CRITERIA,
  evaluationAverage,
  isFollowUpOverdue,
  nextStatuses,
} from "~/modules/internships/rules";
import { ContactSchema, EvaluationSchema, OutcomeSchema, TransitionSchema } from "~/modules/internships/schemas.server";
import { CONTACT_KINDS, EMPLOYMENT_STATUSES } from "~/modules/internships/constants";
import {
  logContact,
  mayFollow,
  recordEvaluation,
  recordOutcome,
  transitionPlacement,
} from "~/modules/internships/service.server";
import { idParam } from "~/lib/params.server";

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = requirePermission(args, "placements:manage");
  const placement = await getPlacement(args.context.db, idParam(args, "placementId"));
  // another coach's beneficiary: as if it did not exist
  if (!placement || !(await mayFollow(args.context.db, user, placement.placement.beneficiaryId))) notFound();
  return { user, placement };
}

export async function loader(args: LoaderFunctionArgs) {
  const { placement } = await load(args);
  const today = moroccoToday();
  return {
    ...placement,
    today,
    overdue: isFollowUpOverdue({ ...placement.placement, lastContactOn: placement.lastContactOn, today }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, placement } = await load(args);
  const { db, ip } = args.context;
  const id = placement.placement.id;
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: Record<string, unknown>, values: Record<string, string> = {}) =>
    data({ ok: false as const, intent, errors, values }, { status: 400 });
  if (intent === "status") {
    const parsed = parseForm(TransitionSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const result = await transitionPlacement(db, user, id, parsed.data, { ip });
    if (!result.ok) return fail(result.errors);
  } else if (intent === "contact") {
    const parsed = parseForm(ContactSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    await logContact(db, user, id, parsed.data, { ip });
  } else if (intent === "evaluation") {
    const parsed = parseForm(EvaluationSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const result = await recordEvaluation(db, user, id, parsed.data, { ip });
    if (!result.ok) return fail(result.errors);
  } else if (intent === "outcome") {
    const parsed = parseForm(OutcomeSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const result = await recordOutcome(db, user, id, parsed.data, { ip });
    if (!result.ok) return fail(result.errors);
  } else {
    return fail({ form: "errors.invalid" });
  }
  return redirect(`/placements/${id}`);
}

export default function PlacementPage() {
  const p = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatMoney } = useI18n();
  const errorsFor = (intent: string) =>
    actionData?.intent === intent ? (actionData.errors as Record<string, never>) : undefined;
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const pl = p.placement;
  const doneStages = p.evaluations.map((e) => e.stage);
  return (
    <div>
      <PageTitle>
        {p.beneficiaryName} · {p.hostName}
      </PageTitle>
      <p>
        <span className="badge" data-status={pl.status}>
          {t(`internships.status.${pl.status}`)}
        </span>{" "}
        {p.overdue ? (
          <span className="badge badge-overdue" data-overdue="true">
            {t("internships.overdue")}
          </span>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{t("internships.field.tutor")}</dt>
        <dd>
          {pl.tutorName} {pl.tutorContact ?? ""}
        </dd>
        <dt>{t("internships.field.coach")}</dt>
        <dd>{p.coachName}</dd>
        <dt>{t("internships.field.period")}</dt>
        <dd>
          {formatDate(pl.startsOn)} – {formatDate(pl.endsOn)}
        </dd>
        <dt>{t("internships.field.stipend")}</dt>
        <dd>{formatMoney(pl.stipendCentimes)}</dd>
        <dt>{t("internships.lastContact")}</dt>
        <dd>
          {p.lastContactOn
            ? t("internships.daysAgo", { date: formatDate(p.lastContactOn), days: daysSince(p.lastContactOn, p.today) })
            : "—"}
        </dd>
        {pl.endedReason ? (
          <>
            <dt>{t("internships.field.reason")}</dt>
            <dd>{pl.endedReason}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a className="button button-secondary" href={`/placements/${pl.id}/agreement.pdf`}>
          {t("internships.agreementPdf")}
        </a>{" "}
        <Link to={`/coaching/beneficiaries/${pl.beneficiaryId}`}>{t("coaching.openFile")}</Link>
      </p>

      {nextStatuses(pl.status).length > 0 ? (
        <>
          <h2>{t("internships.changeStatus")}</h2>
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="status" />
            <div className="field">
              <label htmlFor="f-to">{t("internships.field.newStatus")}</label>
              <select id="f-to" name="to">
                {nextStatuses(pl.status).map((s) => (
                  <option key={s} value={s}>
                    {t(`internships.status.${s}`)}
                  </option>
                ))}
              </select>
              <FieldError name="to" errors={errorsFor("status")} />
            </div>
            <Field
              name="reason"
              label="internships.field.reason"
              hint="internships.field.reasonHint"
              errors={errorsFor("status")}
              values={valuesFor("status")}
            />
            <button type="submit" className="button">
              {t("internships.changeStatus")}
            </button>
          </Form>
        </>
      ) : null}

      <h2>{t("internships.contacts")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="contact" />
        <div className="field">
          <label htmlFor="f-kind">{t("internships.field.contactKind")}</label>
          <select id="f-kind" name="kind" defaultValue={valuesFor("contact")?.kind ?? "visit"}>
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`internships.contact.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="contactedOn"
          label="internships.field.contactedOn"
          type="date"
          defaultValue={p.today}
          required
          errors={errorsFor("contact")}
          values={valuesFor("contact")}
        />
        <div className="field">
          <label htmlFor="f-notes">{t("internships.field.notes")}</label>
          <textarea id="f-notes" name="notes" rows={3} defaultValue={valuesFor("contact")?.notes} />
          <FieldError name="notes" errors={errorsFor("contact")} />
        </div>
        <Field
          name="problem"
          label="internships.field.problem"
          errors={errorsFor("contact")}
          values={valuesFor("contact")}
        />
        <button type="submit" className="button">
          {t("internships.logContact")}
        </button>
      </Form>
      <ul className="list">
        {p.contacts.map((c) => (
          <li key={c.id} className="list-item" data-contact={c.kind}>
            <p>
              <strong>{formatDate(c.contactedOn)}</strong> · {t(`internships.contact.${c.kind}`)}
            </p>
            <p>{c.notes}</p>
            {c.problem ? <p className="error">{t("internships.problemRaised", { problem: c.problem })}</p> : null}
          </li>
        ))}
      </ul>

      <h2>{t("internships.evaluations")}</h2>
      <ul className="list">
        {p.evaluations.map((e) => (
          <li key={e.id} className="list-item">
            <p>
              <strong>{t(`internships.stage.${e.stage}`)}</strong> ·{" "}
              {t("internships.average", { value: evaluationAverage(e) })}
            </p>
            <p className="hint">
              {EVALUATION_CRITERIA.map((c) => `${t(`internships.criterion.${c}`)} ${e[c]}/4`).join(" · ")}
            </p>
            {e.comments ? <p>{e.comments}</p> : null}
          </li>
        ))}
      </ul>
      {doneStages.length < 2 ? (
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="evaluation" />
          <div className="field">
            <label htmlFor="f-stage">{t("internships.field.stage")}</label>
            <select id="f-stage" name="stage">
              {(["mid_term", "final"] as const)
                .filter((s) => !doneStages.includes(s))
                .map((s) => (
                  <option key={s} value={s}>
                    {t(`internships.stage.${s}`)}
                  </option>
                ))}
            </select>
            <FieldError name="stage" errors={errorsFor("evaluation")} />
          </div>
          {EVALUATION_CRITERIA.map((c) => (
            <fieldset key={c} className="scale">
              <legend>{t(`internships.criterion.${c}`)}</legend>
              {[1, 2, 3, 4].map((n) => (
                <label key={n} className="scale-choice">
                  <input type="radio" name={c} value={n} defaultChecked={valuesFor("evaluation")?.[c] === String(n)} />
                  {n}
                </label>
              ))}
              <FieldError name={c} errors={errorsFor("evaluation")} />
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor="f-comments">{t("internships.field.comments")}</label>
            <textarea id="f-comments" name="comments" rows={3} defaultValue={valuesFor("evaluation")?.comments} />
          </div>
          <button type="submit" className="button">
            {t("internships.saveEvaluation")}
          </button>
        </Form>
      ) : null}

      <h2>{t("internships.outcomes")}</h2>
      <ul className="list">
        {p.outcomes.map((o) => (
          <li key={o.id} className="list-item" data-outcome={o.checkpoint}>
            <p>
              {t(`internships.checkpoint.${o.checkpoint}`)} · {t(`internships.employment.${o.employmentStatus}`)} ·{" "}
              {formatDate(o.recordedOn)}
            </p>
          </li>
        ))}
      </ul>
      {pl.status === "completed" || pl.status === "ended_early" ? (
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="outcome" />
          <div className="field">
            <label htmlFor="f-checkpoint">{t("internships.field.checkpoint")}</label>
            <select id="f-checkpoint" name="checkpoint">
              {CHECKPOINTS.filter((c) => !p.outcomes.some((o) => o.checkpoint === c)).map((c) => (
                <option key={c} value={c}>
                  {t(`internships.checkpoint.${c}`)}
                </option>
              ))}
            </select>
            <FieldError name="checkpoint" errors={errorsFor("outcome")} />
          </div>
          <div className="field">
            <label htmlFor="f-employmentStatus">{t("internships.field.employmentStatus")}</label>
            <select id="f-employmentStatus" name="employmentStatus">
              {EMPLOYMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`internships.employment.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("internships.saveOutcome")}
          </button>
        </Form>
      ) : (
        <p className="hint">{t("internships.outcomeLater")}</p>
      )}
    </div>
  );
}
