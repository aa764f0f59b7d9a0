import { Form } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { Field } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";

/** Moving an appointment: a new day and time on Morocco's clock; the person is told. */
export function MoveAppointmentForm({
  path,
  today,
  errors,
  values,
}: {
  path: string;
  today: string;
  errors?: FieldErrors;
  values: Record<string, string>;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <section className="stack">
      <h2>{t("coaching.appointment.move")}</h2>
      <Form method="post" className="stack narrow" noValidate data-move-appointment>
        <input type="hidden" name="intent" value="move" />
        <p className="hint">{t("coaching.appointment.moveHint")}</p>
        <Field name="date" label="coaching.field.appointmentDate" type="date" min={today} required {...echo} />
        <Field name="time" label="coaching.field.appointmentTime" type="time" required {...echo} />
        <button type="submit" className="button">
          {t("coaching.appointment.move")}
        </button>
      </Form>
      <p className="danger-zone">
        <ConfirmLink path={path} intent="cancel">
          {t("coaching.appointment.cancel")}
        </ConfirmLink>
      </p>
    </section>
  );
}

/** The confirmation step of cancelling: which appointment, with whom, and who is told. */
export function CancelAppointmentStep({ path, when, name }: { path: string; when: string; name: string }) {
  const { t } = useI18n();
  return (
    <ConfirmStep
      title="coaching.confirm.cancel.title"
      titleValues={{ date: when, name }}
      intent="cancel"
      confirmLabel="coaching.confirm.cancel.button"
      cancelTo={path}
    >
      <p>{t("coaching.confirm.cancel.effects")}</p>
    </ConfirmStep>
  );
}
