import { Link } from "~/components/link";
import { listOf } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type StepState } from "./rules";
import { PLAN_STEPS, type PlanStep } from "./constants";

export type StepSummary = { step: PlanStep; state: StepState; missing: string[]; comments: number };

/** The nine steps with their state, and what is missing in each. */
export function StepList({ planId, steps, current }: { planId: string; steps: StepSummary[]; current?: PlanStep }) {
  const { t } = useI18n();
  return (
    <ol className="plan-steps">
      {steps.map((s) => (
        <li key={s.step} className={`plan-step plan-step-${s.state}`} data-step={s.step} data-state={s.state}>
          <Link to={`/plans/${planId}/${s.step}`} aria-current={current === s.step ? "step" : undefined}>
            {PLAN_STEPS.indexOf(s.step) + 1}. {t(`plans.step.${s.step}` as MessageKey)}
          </Link>{" "}
          <span className="badge">{t(`plans.state.${s.state}` as MessageKey)}</span>
          {s.comments > 0 ? <span className="badge"> {t("plans.comments.count", { count: s.comments })}</span> : null}
          {s.state === "incomplete" && s.missing.length ? (
            <p className="hint">
              {t("plans.missing", {
                fields: listOf(
                  t,
                  s.missing.map((f) => t(`plans.field.${f}` as MessageKey)),
                ),
              })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
