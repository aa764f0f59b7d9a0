/**
 * On a beneficiary's file, for their coach: each funded business, its visits at 3, 6 and
 * 12 months after the last tranche (done, due, later), and the form for the first visit
 * due. Nothing is pre-chosen: whether the business still runs is always asked.
 */
import { Form } from "@remix-run/react";
import { CheckboxField, Field, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { REVENUE_BANDS, type FollowUpMonths, type FollowUpState } from "./rules";

type Visit = {
  monthsAfter: FollowUpMonths;
  dueOn: string;
  state: FollowUpState;
  record: { visitedOn: string; stillRunning: boolean; jobsCreated: number } | null;
};
export type BusinessView = { awardId: string; reference: string; lastPaidOn: string | null; visits: Visit[] };

export function FollowUpSection({
  businesses,
  today,
  ...echo
}: FormEcho & { businesses: BusinessView[]; today: string }) {
  const { t, formatDate } = useI18n();
  if (businesses.length === 0) return null;
  // one form on the page: the first visit due, across the person's businesses
  const first = businesses
    .flatMap((b) => b.visits.filter((v) => v.state === "due").map((v) => ({ business: b, visit: v })))
    .at(0);
  return (
    <section aria-labelledby="business-follow-up" data-testid="business-follow-up">
      <h2 id="business-follow-up">{t("businesses.title")}</h2>
      {businesses.map((b) => (
        <div key={b.awardId} className="list-item">
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
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {first ? <FollowUpForm business={first.business} visit={first.visit} today={today} {...echo} /> : null}
    </section>
  );
}

/** The form of one visit due: nothing pre-chosen but the day (today) and zero jobs. */
function FollowUpForm({
  business,
  visit,
  today,
  ...echo
}: FormEcho & { business: BusinessView; visit: Visit; today: string }) {
  const { t, formatDate } = useI18n();
  return (
    <Form method="post" className="stack narrow" noValidate>
      <h3>
        {t("businesses.award", { reference: business.reference })} ·{" "}
        {t("businesses.visit", { months: visit.monthsAfter, date: formatDate(visit.dueOn) })}
      </h3>
      <input type="hidden" name="intent" value="followup" />
      <input type="hidden" name="awardId" value={business.awardId} />
      <input type="hidden" name="monthsAfter" value={visit.monthsAfter} />
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
      <button type="submit" className="button">
        {t("businesses.submit")}
      </button>
    </Form>
  );
}
