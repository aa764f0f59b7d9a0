import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FieldError, SelectField, TextareaField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors, FormEcho } from "~/lib/forms";
import { CONTACT_KINDS, EMPLOYMENT_STATUSES } from "./constants";
import type { getPlacement } from "./queries.server";
import { daysSince, EVALUATION_CRITERIA, evaluationAverage, nextStatuses } from "./rules";
import { CHECKPOINTS } from "./constants";

type Placement = NonNullable<Awaited<ReturnType<typeof getPlacement>>>;

/** Who, where, since when, the last contact, and the links to the agreement and the file. */
export function PlacementFacts({ p, today, overdue }: { p: Placement; today: string; overdue: boolean }) {
  const { t, formatDate, formatMoney } = useI18n();
  const pl = p.placement;
  return (
    <>
      <p>
        <span className="badge" data-status={pl.status}>
          {t(`internships.status.${pl.status}`)}
        </span>{" "}
        {overdue ? (
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
            ? t("internships.daysAgo", { date: formatDate(p.lastContactOn), days: daysSince(p.lastContactOn, today) })
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
    </>
  );
}

/** The statuses this placement may move to next, with a reason when it ends early. */
export function StatusForm({ status, ...echo }: FormEcho & { status: Placement["placement"]["status"] }) {
  const { t } = useI18n();
  const next = nextStatuses(status);
  if (next.length === 0) return null;
  return (
    <>
      <h2>{t("internships.changeStatus")}</h2>
      <Form method="post" className="stack narrow">
        <input type="hidden" name="intent" value="status" />
        <SelectField
          name="to"
          label="internships.field.newStatus"
          options={next.map((s) => ({ value: s, label: t(`internships.status.${s}`) }))}
          errors={echo.errors}
        />
        <Field name="reason" label="internships.field.reason" hint="internships.field.reasonHint" {...echo} />
        <button type="submit" className="button">
          {t("internships.changeStatus")}
        </button>
      </Form>
    </>
  );
}

/** The log of visits and calls, newest first, under the form that adds one. */
export function ContactsSection({
  contacts,
  today,
  ...echo
}: FormEcho & { contacts: Placement["contacts"]; today: string }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("internships.contacts")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="contact" />
        <SelectField
          name="kind"
          label="internships.field.contactKind"
          defaultValue="visit"
          options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`internships.contact.${k}`) }))}
          values={echo.values}
        />
        <Field
          name="contactedOn"
          label="internships.field.contactedOn"
          type="date"
          defaultValue={today}
          required
          {...echo}
        />
        <TextareaField name="notes" label="internships.field.notes" {...echo} />
        <Field name="problem" label="internships.field.problem" {...echo} />
        <button type="submit" className="button">
          {t("internships.logContact")}
        </button>
      </Form>
      <ul className="list">
        {contacts.map((c) => (
          <li key={c.id} className="list-item" data-contact={c.kind}>
            <p>
              <strong>{formatDate(c.contactedOn)}</strong> · {t(`internships.contact.${c.kind}`)}
            </p>
            <p>{c.notes}</p>
            {c.problem ? <p className="error">{t("internships.problemRaised", { problem: c.problem })}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The tutor's mid-term and final evaluations, and the form for the one still missing. */
export function EvaluationsSection({ evaluations, ...echo }: FormEcho & { evaluations: Placement["evaluations"] }) {
  const { t } = useI18n();
  const doneStages = evaluations.map((e) => e.stage);
  return (
    <>
      <h2>{t("internships.evaluations")}</h2>
      <ul className="list">
        {evaluations.map((e) => (
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
          <SelectField
            name="stage"
            label="internships.field.stage"
            options={(["mid_term", "final"] as const)
              .filter((s) => !doneStages.includes(s))
              .map((s) => ({ value: s, label: t(`internships.stage.${s}`) }))}
            errors={echo.errors}
          />
          {EVALUATION_CRITERIA.map((c) => (
            <fieldset key={c} className="scale">
              <legend>{t(`internships.criterion.${c}`)}</legend>
              {[1, 2, 3, 4].map((n) => (
                <label key={n} className="scale-choice">
                  <input type="radio" name={c} value={n} defaultChecked={echo.values?.[c] === String(n)} />
                  {n}
                </label>
              ))}
              <FieldError name={c} errors={echo.errors} />
            </fieldset>
          ))}
          <TextareaField name="comments" label="internships.field.comments" values={echo.values} />
          <button type="submit" className="button">
            {t("internships.saveEvaluation")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

/** Employment after the placement, at each checkpoint once the placement is over. */
export function OutcomesSection({
  outcomes,
  status,
  errors,
}: {
  outcomes: Placement["outcomes"];
  status: Placement["placement"]["status"];
  errors?: FieldErrors;
}) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("internships.outcomes")}</h2>
      <ul className="list">
        {outcomes.map((o) => (
          <li key={o.id} className="list-item" data-outcome={o.checkpoint}>
            <p>
              {t(`internships.checkpoint.${o.checkpoint}`)} · {t(`internships.employment.${o.employmentStatus}`)} ·{" "}
              {formatDate(o.recordedOn)}
            </p>
          </li>
        ))}
      </ul>
      {status === "completed" || status === "ended_early" ? (
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="outcome" />
          <SelectField
            name="checkpoint"
            label="internships.field.checkpoint"
            options={CHECKPOINTS.filter((c) => !outcomes.some((o) => o.checkpoint === c)).map((c) => ({
              value: c,
              label: t(`internships.checkpoint.${c}`),
            }))}
            errors={errors}
          />
          <SelectField
            name="employmentStatus"
            label="internships.field.employmentStatus"
            options={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t(`internships.employment.${s}`) }))}
          />
          <button type="submit" className="button">
            {t("internships.saveOutcome")}
          </button>
        </Form>
      ) : (
        <p className="hint">{t("internships.outcomeLater")}</p>
      )}
    </>
  );
}
