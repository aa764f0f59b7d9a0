import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/form";
import { LocalizedText, TrilingualField } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import type { getTraining, registrationsOf } from "./queries.server";

type Cohort = NonNullable<Awaited<ReturnType<typeof getTraining>>>["cohorts"][number];
type Registration = Awaited<ReturnType<typeof registrationsOf>>[number];

/** One cohort: dates, seats left, and the visitor's registration or the button to register. */
function CohortItem({
  cohort: c,
  reg,
  canRegister,
  canStaff,
}: {
  cohort: Cohort;
  reg: Registration | undefined;
  canRegister: boolean;
  canStaff: boolean;
}) {
  const { t, formatDate } = useI18n();
  const free = Math.max(0, c.capacity - c.confirmedCount);
  return (
    <li className="list-item" data-cohort={c.id}>
      <p>
        <strong>
          <LocalizedText row={c} field="name" />
        </strong>{" "}
        · {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
      </p>
      <p className="hint">{free > 0 ? t("trainings.seatsLeft", { count: free }) : t("trainings.full")}</p>
      {canStaff ? (
        <p>
          <Link to={`/trainings/cohorts/${c.id}`}>{t("trainings.openCohort")}</Link>
        </p>
      ) : null}
      {canRegister && reg ? (
        <Form method="post" className="actions">
          <p className="status-line" data-registration={reg.status}>
            {reg.status === "confirmed"
              ? t("trainings.youAreConfirmed")
              : t("trainings.youAreWaiting", { position: reg.position ?? 0 })}
          </p>
          <input type="hidden" name="registrationId" value={reg.id} />
          <button type="submit" name="intent" value="cancel" className="button button-secondary">
            {t("trainings.cancel")}
          </button>
        </Form>
      ) : null}
      {canRegister && !reg ? (
        <Form method="post">
          <input type="hidden" name="cohortId" value={c.id} />
          <button type="submit" name="intent" value="register" className="button">
            {free > 0 ? t("trainings.register") : t("trainings.joinWaitingList")}
          </button>
        </Form>
      ) : null}
    </li>
  );
}

/** The training's cohorts; an applicant registers, cancels or sees her place on the waiting list. */
export function TrainingCohorts({
  cohorts,
  mine,
  canRegister,
  canStaff,
}: {
  cohorts: Cohort[];
  mine: Registration[];
  canRegister: boolean;
  canStaff: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("trainings.cohorts")}</h2>
      {cohorts.length === 0 ? <p>{t("trainings.noCohorts")}</p> : null}
      <ul className="list">
        {cohorts.map((c) => (
          <CohortItem
            key={c.id}
            cohort={c}
            reg={mine.find((m) => m.cohortId === c.id)}
            canRegister={canRegister}
            canStaff={canStaff}
          />
        ))}
      </ul>
    </>
  );
}

/**
 * The manager's form that opens a new cohort of this training, or (`correcting`, with
 * the cohort's values) corrects one on its own page.
 */
export function AddCohortForm({
  errors,
  values,
  correcting = false,
}: FormEcho & {
  correcting?: boolean;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <>
      {correcting ? null : <h2>{t("trainings.addCohort")}</h2>}
      <Form method="post" className="stack narrow" noValidate>
        {correcting ? null : <input type="hidden" name="intent" value="cohort" />}
        <TrilingualField name="name" label="trainings.field.cohortName" {...echo} />
        <Field
          name="capacity"
          label="trainings.field.capacity"
          type="number"
          inputMode="numeric"
          min={1}
          required
          {...echo}
        />
        <Field name="startsOn" label="trainings.field.startsOn" type="date" required {...echo} />
        <Field name="endsOn" label="trainings.field.endsOn" type="date" required {...echo} />
        <button type="submit" className="button">
          {t(correcting ? "trainings.correct.save" : "trainings.addCohort")}
        </button>
      </Form>
    </>
  );
}
