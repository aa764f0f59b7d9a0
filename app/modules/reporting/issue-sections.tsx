/** The quarterly report's page: the choice of quarter and language, the narrative, the issued versions. */
import { Form } from "@remix-run/react";
import { FormAlert, SelectField, TextareaField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { direction, isLocale, LOCALE_NAMES, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { RESULTS, type ResultKey } from "./frameworks";
import type { NarrativeTexts } from "./rules";
import { LanguageName, languageChoices } from "~/components/language-name";
import { Message } from "~/components/message";

/** "2026-Q2" kept in its order inside Arabic text (a left-to-right isolate). */
const ltr = (key: string) => `\u2066${key}\u2069`;

export function QuarterPicker({ quarter, locale, quarters }: { quarter: string; locale: Locale; quarters: string[] }) {
  const { t } = useI18n();
  return (
    <Form method="get" className="filters" aria-label={t("reporting.issue.choose")}>
      <SelectField
        name="quarter"
        label="reporting.filter.quarter"
        inline
        defaultValue={quarter}
        options={quarters.map((q) => ({ value: q, label: ltr(q) }))}
      />
      <SelectField
        name="locale"
        label="reporting.issue.language"
        inline
        defaultValue={locale}
        options={languageChoices()}
      />
      <button type="submit" className="button button-secondary">
        {t("reporting.targets.show")}
      </button>
    </Form>
  );
}

/** Three texts per result, typed in the report's language (and its direction). */
export function NarrativeForm({
  quarter,
  locale,
  narrative,
  errors,
  values,
}: { quarter: string; locale: Locale; narrative: Partial<Record<ResultKey, NarrativeTexts>> } & FormEcho) {
  const { t } = useI18n();
  const echo = { errors, values };
  const parts = [
    ["achievements", "reporting.narrative.achievements"],
    ["challenges", "reporting.narrative.challenges"],
    ["nextSteps", "reporting.narrative.nextSteps"],
  ] as const;
  return (
    <Form method="post" className="stack narrow" noValidate>
      <h2>{t("reporting.narrative.title")}</h2>
      <p className="hint">
        <Message
          id="reporting.narrative.hint"
          values={{ language: LOCALE_NAMES[locale] }}
          langs={{ language: locale }}
        />
      </p>
      <input type="hidden" name="intent" value="narrative" />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="locale" value={locale} />
      <FormAlert message={errors?.form} />
      {RESULTS.map((result) => (
        <fieldset key={result} className="stack">
          <legend>{t(`reporting.result.${result}`)}</legend>
          {parts.map(([part, label]) => (
            <TextareaField
              key={part}
              name={`${part}_${result}`}
              label={label}
              lang={locale}
              dir={direction(locale)}
              maxLength={4000}
              defaultValue={narrative[result]?.[part] ?? ""}
              {...echo}
            />
          ))}
        </fieldset>
      ))}
      <button type="submit" className="button">
        {t("reporting.narrative.save")}
      </button>
    </Form>
  );
}

export type IssueRow = {
  id: string;
  quarter: string;
  locale: string;
  version: number;
  issuedAt: string;
  issuedBy: string;
};

/** The issued versions, each a download of its stored PDF. */
export function IssuesTable({ issues }: { issues: IssueRow[] }) {
  const { t, formatDate } = useI18n();
  if (issues.length === 0) return <p>{t("reporting.issue.none")}</p>;
  const languageName = (l: string) => (isLocale(l) ? <LanguageName locale={l} /> : l);
  return (
    <DataTable
      label={t("reporting.issue.list")}
      headers={[
        t("reporting.filter.quarter"),
        t("reporting.issue.language"),
        t("reporting.issue.version"),
        t("reporting.issue.issuedBy"),
        t("reporting.issue.issuedAt"),
        t("reporting.issue.download"),
      ]}
      rows={issues}
      rowKey={(r) => r.id}
      cells={(r) => [
        <bdi key="q">{r.quarter}</bdi>,
        languageName(r.locale),
        r.version,
        r.issuedBy,
        formatDate(r.issuedAt, true),
        <a key="d" href={`/reports/issued/${r.id}.pdf`} download>
          {t("reporting.issue.downloadVersion", { version: r.version })}
        </a>,
      ]}
      numeric={[2]}
    />
  );
}
