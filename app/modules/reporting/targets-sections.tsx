/** The targets page: the choice of period (a GET form) and the baselines and targets of every indicator. */
import { Form } from "@remix-run/react";
import { Field, FormAlert, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { INDICATOR_GROUPS, indicatorUnit } from "./frameworks";
import { labelText } from "./labels";
import type { TargetRow } from "./progress";
import { PROGRAMME_PERIOD } from "./rules";

/** "2026-Q2" kept in its order inside Arabic text (a left-to-right isolate). */
const ltr = (key: string) => `\u2066${key}\u2069`;

export function TargetPeriodPicker({ period, quarters }: { period: string; quarters: string[] }) {
  const { t } = useI18n();
  return (
    <Form method="get" className="filters" aria-label={t("reporting.targets.period")}>
      <SelectField
        name="period"
        label="reporting.targets.period"
        inline
        defaultValue={period}
        options={[
          {
            value: PROGRAMME_PERIOD,
            // its dates stand in the form's heading: with them the choice was wider than a phone in Arabic
            label: t("reporting.targets.programmeChoice"),
          },
          ...quarters.map((q) => ({ value: q, label: t("reporting.targets.quarter", { quarter: ltr(q) }) })),
        ]}
      />
      <button type="submit" className="button button-secondary">
        {t("reporting.targets.show")}
      </button>
    </Form>
  );
}

/** Every indicator's baseline and target for one period, saved at once, grouped by result. */
export function TargetsForm({
  period,
  periodLabel,
  targets,
  errors,
  values,
}: { period: string; periodLabel: string; targets: TargetRow[] } & FormEcho) {
  const { t, locale } = useI18n();
  const echo = { errors, values };
  return (
    <Form method="post" className="stack narrow" noValidate>
      <h2>{t("reporting.targets.editing", { period: periodLabel })}</h2>
      <input type="hidden" name="period" value={period} />
      <FormAlert message={errors?.form ?? errors?.period} />
      {INDICATOR_GROUPS.map((group) => (
        <section key={group.result ?? "objective"} className="stack targets-group">
          <h3>{labelText({ indicatorGroup: group.result }, t, locale)}</h3>
          {group.indicators.map((indicator) => {
            const row = targets.find((r) => r.indicator === indicator.code);
            return (
              <fieldset key={indicator.code} className="stack" aria-describedby={`hint-${indicator.code}`}>
                <legend>
                  <bdi>{indicator.code}</bdi> · {t(`reporting.indicator.${indicator.key}`)}
                </legend>
                <p className="hint" id={`hint-${indicator.code}`}>
                  {t(
                    indicatorUnit(indicator.measure) === "people"
                      ? "reporting.targets.hint"
                      : "reporting.targets.hintCount",
                  )}
                </p>
                <div className="target-pair">
                  <Field
                    name={`baseline_${indicator.code}`}
                    label="reporting.column.baseline"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={row ? String(row.baseline) : ""}
                    {...echo}
                  />
                  <Field
                    name={`target_${indicator.code}`}
                    label="reporting.column.target"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={row ? String(row.target) : ""}
                    {...echo}
                  />
                </div>
              </fieldset>
            );
          })}
        </section>
      ))}
      <button type="submit" className="button">
        {t("reporting.targets.save")}
      </button>
    </Form>
  );
}
