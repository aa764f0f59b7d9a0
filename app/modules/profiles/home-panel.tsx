import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { listOf } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { ApplicantHome } from "./queries.server";

/** The applicant's home panel: the next thing to do, profile completeness, plans and their state. */
export function ApplicantPanel({ home }: { home: ApplicantHome }) {
  const { t } = useI18n();
  const { next } = home;
  const stepLabel = (step: string) => t(`plans.step.${step}` as MessageKey);
  return (
    <section className="applicant-panel" aria-labelledby="next-title">
      <div className="card next-thing" data-next={next.kind}>
        <h2 id="next-title">{t("profiles.home.next")}</h2>
        {next.kind === "profile" ? (
          <Link to="/profile">
            {t("profiles.home.nextProfile", { section: t(`profiles.section.${next.section}` as MessageKey) })}
          </Link>
        ) : next.kind === "plan-step" ? (
          <Link to={`/plans/${next.planId}/${next.step}`}>
            {t("profiles.home.nextPlanStep", {
              plan: next.planName ?? t("plans.untitled"),
              step: stepLabel(next.step),
            })}
          </Link>
        ) : next.kind === "plan-ready" ? (
          <Link to={`/plans/${next.planId}`}>
            {t("profiles.home.nextReady", { plan: next.planName ?? t("plans.untitled") })}
          </Link>
        ) : (
          <Form method="post" action="/plans">
            <button type="submit" className="button">
              {t("profiles.home.nextPlanStart")}
            </button>
          </Form>
        )}
      </div>
      <div className="card">
        <h2>{t("profiles.home.title")}</h2>
        <p data-completeness={home.completeness}>{t("profiles.completeness", { percent: home.completeness })}</p>
        {home.missing.length ? (
          <p className="hint">
            {t("profiles.missing", {
              sections: listOf(
                t,
                home.missing.map((s) => t(`profiles.section.${s}` as MessageKey)),
              ),
            })}
          </p>
        ) : null}
        <Link to="/profile">{t("nav.profile")}</Link>
      </div>
      <div className="card">
        <h2>{t("plans.home.title")}</h2>
        {home.plans.length === 0 ? <p>{t("plans.home.none")}</p> : null}
        <ul className="list">
          {home.plans.map((plan) => (
            <li key={plan.id} className="list-item" data-plan={plan.id}>
              <Link to={`/plans/${plan.id}`}>{plan.name ?? t("plans.untitled")}</Link>{" "}
              <span className="badge">
                {plan.complete ? t("plans.state.complete") : t("plans.progress", { percent: plan.progress })}
              </span>
              {plan.nextStep ? (
                <p className="hint">
                  <Link to={`/plans/${plan.id}/${plan.nextStep}`}>
                    {t("plans.home.continue", { step: stepLabel(plan.nextStep) })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        <Link to="/plans">{t("nav.plans")}</Link>
      </div>
    </section>
  );
}
