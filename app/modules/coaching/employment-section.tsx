/**
 * On a beneficiary's file, for her coach: whether she works 3 and 6 months after the end of
 * her training (done, due, later) and the form for the first check due. The status is
 * asked, never pre-chosen. Shown only for a person trained (a certificate she holds).
 */
import { Form } from "@remix-run/react";
import { FieldError, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import type { FollowUpState } from "~/modules/businesses/rules";
import { TRAINING_EMPLOYMENT_STATUSES, type TrainingEmploymentStatus } from "./rules";

export type EmploymentCheckView = {
  monthsAfter: number;
  dueOn: string;
  state: FollowUpState;
  record: { employmentStatus: string; recordedOn: string } | null;
};

export function EmploymentSection({ checks, ...echo }: FormEcho & { checks: EmploymentCheckView[] }) {
  const { t, formatDate } = useI18n();
  if (checks.length === 0) return null;
  const first = checks.find((c) => c.state === "due");
  return (
    <section aria-labelledby="employment-checks" data-testid="employment-checks">
      <h2 id="employment-checks">{t("coaching.employmentCheck.title")}</h2>
      <ul className="list">
        {checks.map((c) => (
          <li key={c.monthsAfter} data-state={c.state}>
            {t("coaching.employmentCheck.check", { months: c.monthsAfter, date: formatDate(c.dueOn) })} ·{" "}
            <span className={c.state === "due" ? "badge badge-overdue" : "hint-inline"}>
              {t(`coaching.employmentCheck.state.${c.state}`)}
            </span>
            {c.record ? (
              <p className="hint">
                {t("coaching.employmentCheck.recorded", {
                  date: formatDate(c.record.recordedOn),
                  status: t(`coaching.employmentCheck.option.${c.record.employmentStatus as TrainingEmploymentStatus}`),
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {first ? (
        <Form method="post" className="stack narrow" noValidate id="employment-check-form">
          <h3>{t("coaching.employmentCheck.check", { months: first.monthsAfter, date: formatDate(first.dueOn) })}</h3>
          <input type="hidden" name="intent" value="employmentCheck" />
          <input type="hidden" name="monthsAfter" value={first.monthsAfter} />
          <FieldError name="form" errors={echo.errors} />
          <SelectField
            name="employmentStatus"
            label="coaching.employmentCheck.status"
            placeholder="form.choose"
            options={TRAINING_EMPLOYMENT_STATUSES.map((s) => ({
              value: s,
              label: t(`coaching.employmentCheck.option.${s}`),
            }))}
            required
            {...echo}
          />
          <button type="submit" className="button">
            {t("coaching.employmentCheck.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
