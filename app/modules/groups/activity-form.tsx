/** The form of a group activity, the same to record one and to correct it. */
import { Form } from "@remix-run/react";
import { CheckboxGroup, Field, FieldError, SelectField } from "~/components/form";
import { ErrorSummary } from "~/components/error-summary";
import { TableWrap } from "~/components/table-wrap";
import { codeChoices } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { type FieldErrors, type FormEcho, tickedValues } from "~/lib/forms";
import { GROUP_ACTIVITY_KINDS, HEADCOUNT_BANDS, HEADCOUNT_KEYS } from "./constants";

/** A session as stored, as the form shows it (counts as text: what a box holds). */
export type ActivityDefaults = Record<string, string> & { participants?: never };

export type LinkableCase = { id: string; reference: string; name: string | null };

const ORDER = [
  "kind",
  "topic",
  "heldOn",
  "city",
  "venue",
  "facilitator",
  "counts",
  ...HEADCOUNT_KEYS,
  "moroccans",
  "migrants",
  "participants",
];
const LABELS: Partial<Record<string, MessageKey>> = {
  kind: "groups.field.kind",
  topic: "groups.field.topic",
  heldOn: "groups.field.heldOn",
  city: "groups.field.city",
  venue: "groups.field.venue",
  facilitator: "groups.field.facilitator",
  counts: "groups.field.counts",
  moroccans: "groups.field.moroccans",
  migrants: "groups.field.migrants",
  participants: "groups.field.participants",
  ...Object.fromEntries(HEADCOUNT_KEYS.map((k) => [k, "groups.field.counts" as const])),
};

export function ActivityForm({
  defaults,
  participants,
  cases,
  errors,
  values,
  submit,
  today,
}: FormEcho & {
  defaults: Record<string, string>;
  participants: readonly string[];
  cases: readonly LinkableCase[];
  submit: MessageKey;
  today: string;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  const value = (name: string) => values?.[name] ?? defaults[name] ?? "";
  return (
    <Form method="post" className="stack narrow" noValidate data-testid="activity-form">
      <ErrorSummary errors={errors} labels={LABELS} order={ORDER} />
      <SelectField
        name="kind"
        label="groups.field.kind"
        defaultValue={defaults.kind}
        options={GROUP_ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))}
        {...echo}
      />
      <SelectField
        name="topic"
        label="groups.field.topic"
        defaultValue={defaults.topic}
        placeholder="form.choose"
        options={codeChoices(t, "groupTopic")}
        {...echo}
      />
      <Field
        name="heldOn"
        label="groups.field.heldOn"
        type="date"
        max={today}
        defaultValue={defaults.heldOn}
        {...echo}
      />
      <SelectField
        name="city"
        label="groups.field.city"
        defaultValue={defaults.city}
        placeholder="form.choose"
        options={codeChoices(t, "city")}
        {...echo}
      />
      <Field
        name="venue"
        label="groups.field.venue"
        hint="groups.field.venueHint"
        maxLength={120}
        defaultValue={defaults.venue}
        {...echo}
      />
      <Field
        name="facilitator"
        label="groups.field.facilitator"
        maxLength={120}
        defaultValue={defaults.facilitator}
        {...echo}
      />
      <HeadcountTable errors={errors} value={value} />
      <NationalityFields defaults={defaults} errors={errors} values={values} />
      <LinkedCases cases={cases} participants={participants} errors={errors} values={values} />
      <button type="submit" className="button">
        {t(submit)}
      </button>
    </Form>
  );
}

/** The association's case files whose person attended, ticked. */
function LinkedCases({
  cases,
  participants,
  errors,
  values,
}: FormEcho & {
  cases: readonly LinkableCase[];
  participants: readonly string[];
}) {
  const { t } = useI18n();
  return cases.length ? (
    <CheckboxGroup
      name="participants"
      legend="groups.field.participants"
      options={cases.map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.reference})` : c.reference }))}
      checked={values ? tickedValues(values, "participants") : participants}
      errors={errors}
    />
  ) : (
    <p className="hint">{t("groups.noCases")}</p>
  );
}

/** The headcount: a box per age band and sex. */
function HeadcountTable({ errors, value }: { errors?: FieldErrors; value: (name: string) => string }) {
  const { t } = useI18n();
  return (
    <fieldset
      className={errors?.counts ? "stack headcount-fields field-invalid" : "stack headcount-fields"}
      id="f-counts"
    >
      <legend>{t("groups.field.counts")}</legend>
      <p className="hint">{t("groups.field.countsHint")}</p>
      <TableWrap label={t("groups.field.counts")}>
        <table className="headcount">
          <thead>
            <tr>
              <th scope="col">{t("groups.ageBand")}</th>
              <th scope="col">{t("groups.sex.female")}</th>
              <th scope="col">{t("groups.sex.male")}</th>
            </tr>
          </thead>
          <tbody>
            {HEADCOUNT_BANDS.map((b) => (
              <tr key={b.band}>
                <th scope="row">
                  <bdi>{t(`groups.band.${b.band}`)}</bdi>
                </th>
                {[b.female, b.male].map((key) => (
                  <td key={key}>
                    <input
                      id={`f-${key}`}
                      name={key}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      className="count"
                      aria-label={t(`groups.count.${key.startsWith("female") ? "female" : "male"}`, {
                        band: t(`groups.band.${b.band}`),
                      })}
                      aria-invalid={errors?.[key] ? true : undefined}
                      defaultValue={value(key)}
                    />
                    <FieldError name={key} errors={errors} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <FieldError name="counts" errors={errors} />
    </fieldset>
  );
}

/** The nationality groups, when the facilitator knows them. */
function NationalityFields({
  defaults,
  errors,
  values,
}: FormEcho & {
  defaults: Record<string, string>;
}) {
  const { t } = useI18n();
  const echo = { errors, values };
  return (
    <fieldset className="stack">
      <legend>{t("groups.field.nationality")}</legend>
      <p className="hint">{t("groups.field.nationalityHint")}</p>
      {(["moroccans", "migrants"] as const).map((name) => (
        <Field
          key={name}
          name={name}
          label={`groups.field.${name}`}
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={defaults[name]}
          {...echo}
        />
      ))}
    </fieldset>
  );
}

/** What the form shows for a stored session. */
export function activityDefaults(
  a: {
    kind: string;
    topic: string;
    heldOn: string;
    city: string;
    venue: string | null;
    facilitator: string;
    moroccans: number | null;
    migrants: number | null;
  } & Record<(typeof HEADCOUNT_KEYS)[number], number>,
): Record<string, string> {
  return {
    kind: a.kind,
    topic: a.topic,
    heldOn: a.heldOn,
    city: a.city,
    venue: a.venue ?? "",
    facilitator: a.facilitator,
    moroccans: a.moroccans === null ? "" : String(a.moroccans),
    migrants: a.migrants === null ? "" : String(a.migrants),
    ...Object.fromEntries(HEADCOUNT_KEYS.map((k) => [k, a[k] ? String(a[k]) : ""])),
  };
}
