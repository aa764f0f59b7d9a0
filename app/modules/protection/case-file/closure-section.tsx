/**
 * The case file's status: its closings and reopenings with their reasons, the way to
 * close it (a link to its confirmation step, away from every form) or to open it again.
 */
import { Form } from "@remix-run/react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { CLOSURE_REASONS, REOPEN_REASONS } from "../constants";
import type { CaseFileData } from "./data.server";
import { Section, useIntentResult } from "./section";

export function ClosureSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  const { errors, values } = useIntentResult("reopen");
  const c = d.case;
  const live = d.own && !c.anonymisedAt;
  return (
    <Section title="protection.closure.title" id="closure">
      {d.statusHistory.length ? (
        <ul className="list" data-testid="status-history">
          {d.statusHistory.map((h) => (
            <li key={h.id} className="list-item">
              {t(`protection.closure.to.${h.status}`)} · {t(`protection.closure.reason.${h.reason}`)} ·{" "}
              {formatDate(h.changedAt, true)} · <bdi>{h.by}</bdi>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("protection.closure.neverClosed")}</p>
      )}
      {live && c.status === "open" ? (
        <div className="danger-zone">
          <p className="hint">{t("protection.closure.closeHint")}</p>
          <ConfirmLink path={`/protection/cases/${c.id}`} intent="close">
            {t("protection.closure.close")}
          </ConfirmLink>
        </div>
      ) : null}
      {live && c.status === "closed" ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="reopen" />
          <SelectField
            name="reason"
            label="protection.closure.reopenReason"
            placeholder="protection.closure.choose"
            options={REOPEN_REASONS.map((r) => ({ value: r, label: t(`protection.closure.reason.${r}`) }))}
            errors={errors}
            values={values}
          />
          <button type="submit" className="button button-secondary">
            {t("protection.closure.reopen")}
          </button>
        </Form>
      ) : null}
    </Section>
  );
}

/** Closing: to whom, what it does (out of the lists and the rounds, kept in the reports), why. */
export function CloseStep({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("close");
  const c = d.case;
  const name = d.name;
  return (
    <ConfirmStep
      title="protection.confirm.close.title"
      titleValues={{ name }}
      intent="close"
      confirmLabel="protection.confirm.close.button"
      cancelTo={`/protection/cases/${c.id}#closure`}
      irreversible={false}
      fields={
        <SelectField
          name="reason"
          label="protection.closure.closeReason"
          placeholder="protection.closure.choose"
          options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`protection.closure.reason.${r}`) }))}
          errors={errors}
          values={values}
        />
      }
    >
      <p>
        <bdi>{name}</bdi> · <span dir="ltr">{c.reference}</span>
      </p>
      <ul>
        <li>{t("protection.confirm.close.lists")}</li>
        <li>{t("protection.confirm.close.kept")}</li>
        <li>{t("protection.confirm.close.again")}</li>
      </ul>
    </ConfirmStep>
  );
}
