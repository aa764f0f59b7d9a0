import { Form } from "@remix-run/react";
import { Field } from "~/components/form";
import { TrilingualField } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";

/**
 * The form that moves a session: its day and time on Morocco's clock and its place,
 * filled with where it stands now; the staff member reads who will be told, and how.
 */
export function MoveSessionForm({
  participants,
  today,
  errors,
  values,
}: {
  participants: number;
  today: string;
  errors?: FieldErrors;
  /** what was typed (a refused move), else the session as it stands */
  values: Record<string, string>;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <Form method="post" className="stack narrow" noValidate data-move-session>
      <p className="hint">{t("trainings.move.hint", { count: participants })}</p>
      <Field name="date" label="trainings.field.date" type="date" min={today} required {...echo} />
      <Field name="time" label="trainings.field.timeMorocco" type="time" required {...echo} />
      <TrilingualField name="place" label="trainings.field.place" required={false} {...echo} />
      <Field name="onlineLink" label="trainings.field.onlineLink" type="url" {...echo} />
      <button type="submit" className="button">
        {t("trainings.move.save")}
      </button>
    </Form>
  );
}
