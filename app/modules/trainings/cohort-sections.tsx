import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmLink } from "~/components/confirm-step";
import { Field } from "~/components/form";
import { LocalizedText, TrilingualField } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import type { getCohort } from "./queries.server";
import { attendanceOpen, attendancePercent } from "./rules";

type Cohort = NonNullable<Awaited<ReturnType<typeof getCohort>>>;

/** The cohort's sessions, each with the link to its attendance sheet, and to move it for who may. */
export function CohortSessions({ sessions }: { sessions: (Cohort["sessions"][number] & { movable: boolean })[] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("trainings.sessions")}</h2>
      {sessions.length === 0 ? <p>{t("trainings.noSessions")}</p> : null}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id} className="list-item">
            <p>
              <strong>{formatDate(s.startsAt, true)}</strong> ·{" "}
              {s.placeFr ? <LocalizedText row={s} field="place" /> : s.onlineLink}
              {s.trainerName ? ` · ${s.trainerName}` : ""}
            </p>
            {/* the register is taken on the session's day, not before */}
            {attendanceOpen(new Date(s.startsAt), new Date()) ? (
              <Link to={`/trainings/sessions/${s.id}`}>{t("trainings.markAttendance")}</Link>
            ) : (
              <span className="hint">{t("trainings.attendanceNotYet", { date: formatDate(s.startsAt) })}</span>
            )}
            {s.movable ? (
              <p>
                <Link to={`/trainings/sessions/${s.id}/move`}>{t("trainings.moveSession")}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Confirmed participants with their attendance and certificate, then the waiting list in order. */
export function CohortParticipants({
  cohortId,
  participants,
  sessionCount,
  canManage,
}: {
  cohortId: string;
  participants: Cohort["participants"];
  sessionCount: number;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const confirmed = participants.filter((p) => p.status === "confirmed");
  const waiting = participants.filter((p) => p.status === "waiting");
  return (
    <>
      <h2>{t("trainings.participants", { count: confirmed.length })}</h2>
      <ul className="list">
        {confirmed.map((p) => (
          <li key={p.registrationId} className="list-item">
            <p>
              {p.displayName} · {t("trainings.attended", { percent: attendancePercent(sessionCount, p.present) })}
              {p.certificateId ? (
                <>
                  {" · "}
                  <a href={`/trainings/certificates/${p.certificateId}.pdf`}>{t("trainings.certificate")}</a>
                </>
              ) : null}
            </p>
            {p.certificateId && canManage ? (
              <p className="danger-zone">
                <ConfirmLink
                  path={`/trainings/cohorts/${cohortId}`}
                  intent="revoke"
                  extra={{ certificateId: p.certificateId }}
                >
                  {t("trainings.revokeCertificate")}
                </ConfirmLink>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t("trainings.waitingList", { count: waiting.length })}</h2>
      <ol>
        {waiting.map((p) => (
          <li key={p.registrationId}>{p.displayName}</li>
        ))}
      </ol>
    </>
  );
}

/** The form that adds a session: a day and a time in Morocco, a place or a link. */
export function AddSessionForm({ errors, values }: FormEcho) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <>
      <h2>{t("trainings.addSession")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <Field name="date" label="trainings.field.date" type="date" required {...echo} />
        <Field name="time" label="trainings.field.time" type="time" required {...echo} />
        <Field
          name="durationMinutes"
          label="trainings.field.duration"
          type="number"
          inputMode="numeric"
          defaultValue="120"
          {...echo}
        />
        <TrilingualField name="place" label="trainings.field.place" required={false} {...echo} />
        <Field name="onlineLink" label="trainings.field.onlineLink" type="url" {...echo} />
        <Field name="trainerName" label="trainings.field.trainer" {...echo} />
        <button type="submit" className="button">
          {t("trainings.addSession")}
        </button>
      </Form>
    </>
  );
}
