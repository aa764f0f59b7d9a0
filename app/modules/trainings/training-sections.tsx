import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { Field } from "~/components/form";
import { LocalizedText, TrilingualField, useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import type { getTraining, registrationsOf } from "./queries.server";
import { registrationOpen } from "./rules";
import { SessionLine, type SessionWhere } from "./session-line";

type Cohort = NonNullable<Awaited<ReturnType<typeof getTraining>>>["cohorts"][number];
type Registration = Awaited<ReturnType<typeof registrationsOf>>[number];

/** One cohort: dates, sessions, seats left, and the visitor's registration or the button to register. */
function CohortItem({
  cohort: c,
  sessions,
  ended,
  reg,
  canRegister,
  canStaff,
}: {
  cohort: Cohort;
  sessions: SessionWhere[];
  ended: boolean;
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
      {sessions.length ? (
        <>
          <p className="hint">{t("trainings.sessionsOfCohort", { count: sessions.length })}</p>
          <ul className="session-lines" data-sessions={c.id}>
            {sessions.map((s, i) => (
              <li key={i}>
                <SessionLine session={s} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{t("trainings.sessionsToCome")}</p>
      )}
      {ended ? (
        <p className="hint" data-registration-closed>
          {t("trainings.cohortEnded")}
        </p>
      ) : (
        <p className="hint">{free > 0 ? t("trainings.seatsLeft", { count: free }) : t("trainings.full")}</p>
      )}
      {canStaff ? (
        <p>
          <Link to={`/trainings/cohorts/${c.id}`}>{t("trainings.openCohort")}</Link>
        </p>
      ) : null}
      {canRegister && reg ? (
        <div className="actions">
          <p className="status-line" data-registration={reg.status}>
            {reg.status === "confirmed"
              ? t("trainings.youAreConfirmed")
              : t("trainings.youAreWaiting", { position: reg.position ?? 0 })}
          </p>
          {ended ? null : (
            <p className="danger-zone">
              <ConfirmLink path={`/trainings/${c.trainingId}`} intent="cancel" extra={{ registrationId: reg.id }}>
                {t("trainings.cancel")}
              </ConfirmLink>
            </p>
          )}
        </div>
      ) : null}
      {canRegister && !reg && !ended ? (
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

/** After registering: the seat or the place on the waiting list, and what happens next. */
export function RegisteredPanel({
  reg,
  minAttendancePercent,
}: {
  reg: Registration | undefined;
  minAttendancePercent: number;
}) {
  const { t } = useI18n();
  if (!reg) return null;
  const waiting = reg.status === "waiting";
  return (
    <section className="panel-confirmation" data-testid="registered" aria-labelledby="registered-title">
      <h2 id="registered-title">
        {t(waiting ? "trainings.registered.waiting.title" : "trainings.registered.confirmed.title")}
      </h2>
      <p>
        {waiting
          ? t("trainings.registered.waiting.next", { position: reg.position ?? 0 })
          : t("trainings.registered.confirmed.next", { percent: minAttendancePercent })}
      </p>
    </section>
  );
}

/**
 * Giving up a seat: it goes at once to the next person waiting, and may be gone when the
 * applicant changes her mind, so she confirms on a step saying so.
 */
export function CancelSeatStep({ trainingId, cohort, reg }: { trainingId: string; cohort: Cohort; reg: Registration }) {
  const { t, formatDate } = useI18n();
  const name = useLocalizedLabel()(cohort, "name");
  return (
    <ConfirmStep
      title="trainings.confirmCancel.title"
      titleValues={{ cohort: name }}
      intent="cancel"
      hidden={{ registrationId: reg.id }}
      confirmLabel="trainings.confirmCancel.button"
      cancelTo={`/trainings/${trainingId}`}
      irreversible={false}
    >
      <p>
        {formatDate(cohort.startsOn)} – {formatDate(cohort.endsOn)}
      </p>
      <p>
        {reg.status === "confirmed"
          ? t("trainings.confirmCancel.confirmedEffects")
          : t("trainings.confirmCancel.waitingEffects")}
      </p>
    </ConfirmStep>
  );
}

/** The training's cohorts; an applicant registers, cancels or sees her place on the waiting list. */
export function TrainingCohorts({
  cohorts,
  sessions,
  today,
  mine,
  canRegister,
  canStaff,
}: {
  cohorts: Cohort[];
  sessions: (SessionWhere & { cohortId: string })[];
  today: string;
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
            sessions={sessions.filter((s) => s.cohortId === c.id)}
            ended={!registrationOpen(c.endsOn, today)}
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
