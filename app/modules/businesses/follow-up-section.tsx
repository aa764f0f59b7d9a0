/**
 * On a beneficiary's file, for their coach: each funded business, its visits at 3, 6 and
 * 12 months after the last tranche (done, due, later), and the form for the first visit
 * due. Nothing is pre-chosen: whether the business still runs is always asked. A
 * recorded visit's report is corrected from the same form, filled with what is stored
 * (`?correct=<award>:<months>`, a plain link: no JavaScript needed).
 */
import { Form, useLocation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { CheckboxField, Field, FieldError, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { REVENUE_BANDS, type FollowUpMonths, type FollowUpState } from "./rules";

type Recorded = {
  visitedOn: string;
  stillRunning: boolean;
  revenueBand: string | null;
  jobsCreated: number;
  jobsWomen: number;
  jobsMigrants: number;
  formalised: boolean;
  version: string;
};
type Visit = { monthsAfter: FollowUpMonths; dueOn: string; state: FollowUpState; record: Recorded | null };
export type BusinessView = { awardId: string; reference: string; lastPaidOn: string | null; visits: Visit[] };

const visitKey = (awardId: string, months: number) => `${awardId}:${months}`;

export function FollowUpSection({
  businesses,
  today,
  correcting,
  ...echo
}: FormEcho & { businesses: BusinessView[]; today: string; correcting?: FormEcho }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  if (businesses.length === 0) return null;
  const visits = businesses.flatMap((b) => b.visits.map((v) => ({ business: b, visit: v })));
  // the visit asked in the address, or the one a refused correction was for
  const typed = correcting?.values;
  const asked = params.get("correct") ?? (typed ? visitKey(typed.awardId ?? "", Number(typed.monthsAfter)) : null);
  const fix = visits.find((x) => x.visit.record && visitKey(x.business.awardId, x.visit.monthsAfter) === asked);
  // one form on the page: the visit being corrected, or else the first visit due
  const first = visits.find((x) => x.visit.state === "due");
  return (
    <section aria-labelledby="business-follow-up" data-testid="business-follow-up">
      <h2 id="business-follow-up">{t("businesses.title")}</h2>
      {businesses.map((b) => (
        <BusinessVisits key={b.awardId} business={b} />
      ))}
      {fix ? (
        <FollowUpForm business={fix.business} visit={fix.visit} today={today} {...correcting} />
      ) : first ? (
        <FollowUpForm business={first.business} visit={first.visit} today={today} {...echo} />
      ) : null}
    </section>
  );
}

function BusinessVisits({ business: b }: { business: BusinessView }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="list-item">
      <p>
        <strong>{t("businesses.award", { reference: b.reference })}</strong>
      </p>
      {b.lastPaidOn ? null : <p className="hint">{t("businesses.notPaid")}</p>}
      <ul className="list">
        {b.visits.map((v) => (
          <li key={v.monthsAfter} data-state={v.state}>
            {t("businesses.visit", { months: v.monthsAfter, date: formatDate(v.dueOn) })} ·{" "}
            <span className={v.state === "due" ? "badge badge-overdue" : "hint-inline"}>
              {t(`businesses.state.${v.state}`)}
            </span>
            {v.record ? (
              <p className="hint">
                {t("businesses.recordedSummary", {
                  date: formatDate(v.record.visitedOn),
                  running: t(v.record.stillRunning ? "businesses.running" : "businesses.closed"),
                  jobs: v.record.jobsCreated,
                })}{" "}
                <Link to={`?correct=${encodeURIComponent(visitKey(b.awardId, v.monthsAfter))}#business-follow-up-form`}>
                  {t("businesses.correct")}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The form of one visit: a visit due (nothing pre-chosen but the day, today, and zero
 * jobs), or a recorded one being corrected (filled with what is stored, and its version).
 */
function FollowUpForm({
  business,
  visit,
  today,
  errors,
  values,
}: FormEcho & { business: BusinessView; visit: Visit; today: string }) {
  const { t, formatDate } = useI18n();
  const { pathname } = useLocation();
  const r = visit.record;
  const key = visitKey(business.awardId, visit.monthsAfter);
  // a refused post shows what was typed; otherwise what is stored, or the defaults of a new visit
  const shown: Record<string, string> | undefined =
    values ??
    (r
      ? {
          visitedOn: r.visitedOn,
          stillRunning: r.stillRunning ? "yes" : "no",
          revenueBand: r.revenueBand ?? "",
          jobsCreated: String(r.jobsCreated),
          jobsWomen: String(r.jobsWomen),
          jobsMigrants: String(r.jobsMigrants),
          ...(r.formalised ? { formalised: "on" } : {}),
        }
      : undefined);
  const echo = { errors, values: shown };
  return (
    <Form
      method="post"
      action={r ? `${pathname}?correct=${encodeURIComponent(key)}` : undefined}
      className="stack narrow"
      noValidate
      id="business-follow-up-form"
    >
      <h3>
        {r ? `${t("businesses.correctHeading")} · ` : null}
        {t("businesses.award", { reference: business.reference })} ·{" "}
        {t("businesses.visit", { months: visit.monthsAfter, date: formatDate(visit.dueOn) })}
      </h3>
      <input type="hidden" name="intent" value={r ? "followupCorrect" : "followup"} />
      <input type="hidden" name="awardId" value={business.awardId} />
      <input type="hidden" name="monthsAfter" value={visit.monthsAfter} />
      {r ? <input type="hidden" name="version" value={r.version} /> : null}
      <FieldError name="form" errors={errors} />
      <VisitFields today={today} {...echo} />
      <button type="submit" className="button">
        {t(r ? "businesses.correctSubmit" : "businesses.submit")}
      </button>
      {r ? (
        <Link to={`${pathname}#business-follow-up`} className="button button-secondary">
          {t("businesses.cancel")}
        </Link>
      ) : null}
    </Form>
  );
}

function VisitFields({ today, ...echo }: FormEcho & { today: string }) {
  const { t } = useI18n();
  return (
    <>
      <Field name="visitedOn" label="businesses.field.visitedOn" type="date" defaultValue={today} required {...echo} />
      <SelectField
        name="stillRunning"
        label="businesses.field.stillRunning"
        placeholder="form.choose"
        options={[
          { value: "yes", label: t("form.yes") },
          { value: "no", label: t("form.no") },
        ]}
        required
        {...echo}
      />
      <SelectField
        name="revenueBand"
        label="businesses.field.revenueBand"
        placeholder="form.choose"
        options={REVENUE_BANDS.map((band) => ({ value: band, label: t(`businesses.revenue.${band}`) }))}
        {...echo}
      />
      {(["jobsCreated", "jobsWomen", "jobsMigrants"] as const).map((name) => (
        <Field
          key={name}
          name={name}
          label={`businesses.field.${name}`}
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue="0"
          {...echo}
        />
      ))}
      <CheckboxField name="formalised" label="businesses.field.formalised" values={echo.values} />
    </>
  );
}
