import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { PLAN_STEPS, type PlanStep, type StepState } from "./rules";

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
              {t("plans.missing", { fields: s.missing.map((f) => t(`plans.field.${f}` as MessageKey)).join(", ") })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type FieldBase = {
  name: string;
  label: MessageKey;
  errors?: Partial<Record<string, MessageKey>>;
  value?: string;
  hint?: MessageKey;
};

export function TextArea({ name, label, errors, value, hint, rows = 4 }: FieldBase & { rows?: number }) {
  const { t } = useI18n();
  const error = errors?.[name];
  const id = `f-${name}`;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      />
      {error ? (
        <p className="error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  errors,
  value,
  options,
}: FieldBase & {
  options: readonly ({ value: string; label: MessageKey } | { value: string; label: string; raw: true })[];
}) {
  const { t } = useI18n();
  const error = errors?.[name];
  const id = `f-${name}`;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{t(label)}</label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t("plans.chooseOne")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {"raw" in o ? o.label : t(o.label)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
