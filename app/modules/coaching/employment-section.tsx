/**
 * On a beneficiary's file, for her coach: whether she works 3 and 6 months after the end of
 * her training (done, due, later) and the form for the first check due. The status is
 * asked, never pre-chosen. Shown only for a person trained (a certificate she holds). A
 * recorded check is corrected from the same form, filled with what is stored
 * (`?correctCheck=<months>`, a plain link: no JavaScript needed), by whoever may correct it.
 */
import { Form, useLocation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { FieldError, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import type { FollowUpState } from "~/modules/businesses/rules";
import { TRAINING_EMPLOYMENT_STATUSES, type TrainingEmploymentStatus } from "./rules";

export type EmploymentCheckView = {
  monthsAfter: number;
  dueOn: string;
  state: FollowUpState;
  record: { employmentStatus: string; recordedOn: string; version: string; mayCorrect: boolean } | null;
};

export function EmploymentSection({
  checks,
  correcting,
  ...echo
}: FormEcho & { checks: EmploymentCheckView[]; correcting?: FormEcho }) {
  const { t, formatDate } = useI18n();
  const [params] = useSearchParams();
  if (checks.length === 0) return null;
  // the check asked in the address, or the one a refused correction was for
  const asked = params.get("correctCheck") ?? correcting?.values?.monthsAfter ?? null;
  const fix = checks.find((c) => c.record?.mayCorrect && String(c.monthsAfter) === asked);
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
                })}{" "}
                {c.record.mayCorrect ? (
                  <Link to={`?correctCheck=${c.monthsAfter}#employment-check-form`}>
                    {t("coaching.employmentCheck.correct")}
                  </Link>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {fix?.record ? (
        <CorrectionForm check={fix} record={fix.record} {...correcting} />
      ) : first ? (
        <Form method="post" className="stack narrow" noValidate id="employment-check-form">
          <h3>{t("coaching.employmentCheck.check", { months: first.monthsAfter, date: formatDate(first.dueOn) })}</h3>
          <input type="hidden" name="intent" value="employmentCheck" />
          <input type="hidden" name="monthsAfter" value={first.monthsAfter} />
          <FieldError name="form" errors={echo.errors} />
          <StatusField {...echo} />
          <button type="submit" className="button">
            {t("coaching.employmentCheck.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** A recorded check's correction: the status as stored, and the version of the check shown. */
function CorrectionForm({
  check,
  record,
  ...echo
}: FormEcho & { check: EmploymentCheckView; record: NonNullable<EmploymentCheckView["record"]> }) {
  const { t, formatDate } = useI18n();
  const { pathname } = useLocation();
  return (
    <Form
      method="post"
      action={`${pathname}?correctCheck=${check.monthsAfter}`}
      className="stack narrow"
      noValidate
      id="employment-check-form"
    >
      <h3>
        {t("coaching.employmentCheck.correctHeading")} ·{" "}
        {t("coaching.employmentCheck.check", { months: check.monthsAfter, date: formatDate(check.dueOn) })}
      </h3>
      <input type="hidden" name="intent" value="employmentCheckCorrect" />
      <input type="hidden" name="monthsAfter" value={check.monthsAfter} />
      <input type="hidden" name="version" value={record.version} />
      <FieldError name="form" errors={echo.errors} />
      <StatusField stored={record.employmentStatus} {...echo} />
      <button type="submit" className="button">
        {t("coaching.employmentCheck.correctSubmit")}
      </button>
    </Form>
  );
}

/** "What does the person do today?": asked with no default when recording, the stored answer when correcting. */
function StatusField({ stored, ...echo }: FormEcho & { stored?: string }) {
  const { t } = useI18n();
  return (
    <SelectField
      name="employmentStatus"
      label="coaching.employmentCheck.status"
      placeholder={stored ? undefined : "form.choose"}
      defaultValue={stored}
      options={TRAINING_EMPLOYMENT_STATUSES.map((s) => ({
        value: s,
        label: t(`coaching.employmentCheck.option.${s}`),
      }))}
      required
      {...echo}
    />
  );
}
