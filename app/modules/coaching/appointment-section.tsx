import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { SentMessages, type SentMessage } from "~/modules/notifications/ui";

type Appointment = { id: string; startsAt: string; coachName: string; changeable: boolean };

/**
 * The coach's side of follow-up appointments: those to come (each she set with a link to
 * move or cancel it), the form for a new one (the person is told), and where the messages
 * the coach's actions sent to her stand.
 */
export function AppointmentsSection({
  appointments,
  sent,
  today,
  errors,
  values,
}: FormEcho & {
  appointments: Appointment[];
  sent: SentMessage[];
  today: string;
}) {
  const { t, formatDate } = useI18n();
  const echo = { errors, values };
  return (
    <section className="stack" data-appointments>
      <h2>{t("coaching.appointments")}</h2>
      {appointments.length === 0 ? <p>{t("coaching.appointments.none")}</p> : null}
      <ul className="list">
        {appointments.map((a) => (
          <li key={a.id} className="list-item">
            <p>
              <strong>{formatDate(a.startsAt, true)}</strong> · <bdi>{a.coachName}</bdi>
            </p>
            {a.changeable ? (
              <p>
                <Link to={`/coaching/appointments/${a.id}`}>{t("coaching.appointments.change")}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <details open={Boolean(errors)}>
        <summary>{t("coaching.appointments.new")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="appointment" />
          <p className="hint">{t("coaching.appointments.hint")}</p>
          <Field name="date" label="coaching.field.appointmentDate" type="date" min={today} required {...echo} />
          <Field name="time" label="coaching.field.appointmentTime" type="time" required {...echo} />
          <button type="submit" className="button">
            {t("coaching.appointments.save")}
          </button>
        </Form>
      </details>
      <SentMessages messages={sent} />
    </section>
  );
}
