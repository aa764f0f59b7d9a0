import { Form } from "@remix-run/react";
import { Field, FieldError } from "~/components/form";
import { LOCALE_NAMES, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { CASE_SMS_TEMPLATES, isCaseSmsTemplate, type CaseSmsTemplate } from "~/modules/notifications/kinds";
import type { OutboxStateName } from "~/modules/notifications/constants";
import { MessageState } from "~/modules/notifications/ui";
import { CaseFormLink } from "./form-page";
import { Section, useIntentResult } from "./section";
import { Message } from "~/components/message";

export type CaseSmsPanel = {
  blocker: MessageKey | null;
  language: Locale | null;
  history: {
    id: string;
    template: string;
    createdAt: string;
    sentBy: string;
    state: OutboxStateName | null;
    failReason: string | null;
  }[];
};

const TEMPLATES = Object.keys(CASE_SMS_TEMPLATES) as CaseSmsTemplate[];

/**
 * A short SMS from the case file: fixed texts only, in the language of the person's
 * consent notice, each with the state of its message (never "sent" before a gateway
 * took it). Offered only with a phone and a live consent to SMS; otherwise it says why.
 */
export function CaseSmsSection({ sms, caseId }: { sms: CaseSmsPanel; caseId: string }) {
  const { t, formatDate } = useI18n();
  return (
    <Section title="caseSms.section" id="sms">
      {sms.blocker ? (
        <p data-sms-blocked>{t(sms.blocker)}</p>
      ) : (
        <CaseFormLink caseId={caseId} page="sms" label="caseSms.title" />
      )}
      <h3>{t("caseSms.history")}</h3>
      {sms.history.length === 0 ? <p>{t("caseSms.none")}</p> : <p className="hint">{t("caseSms.queued")}</p>}
      <ul className="list">
        {sms.history.map((m) => (
          <li key={m.id} className="list-item" data-case-sms={m.template}>
            <p>
              <strong>{isCaseSmsTemplate(m.template) ? t(CASE_SMS_TEMPLATES[m.template].label) : m.template}</strong> ·{" "}
              <bdi>{m.sentBy}</bdi> · {formatDate(m.createdAt, true)}
            </p>
            {m.state ? (
              <p>
                <MessageState state={m.state} channel="sms" failReason={m.failReason} />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The SMS's page (protection.cases.$caseId.sms): the form, or why none can be sent. */
export function NewCaseSms({ sms }: { sms: Pick<CaseSmsPanel, "blocker" | "language"> }) {
  const { t } = useI18n();
  return sms.blocker ? <p data-sms-blocked>{t(sms.blocker)}</p> : <CaseSmsForm language={sms.language} />;
}

function CaseSmsForm({ language }: { language: Locale | null }) {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("sms");
  const chosen = values?.template ?? "callBack";
  return (
    <Form method="post" className="stack narrow">
      <input type="hidden" name="intent" value="sms" />
      <p className="hint">
        {t("caseSms.intro")}{" "}
        {language ? (
          <Message id="caseSms.language" values={{ language: LOCALE_NAMES[language] }} langs={{ language }} />
        ) : null}
      </p>
      <fieldset className="stack">
        <legend>{t("caseSms.template")}</legend>
        {TEMPLATES.map((key) => (
          <label key={key} className="checkbox">
            <input type="radio" name="template" value={key} defaultChecked={chosen === key} />{" "}
            {t(CASE_SMS_TEMPLATES[key].label)}
          </label>
        ))}
      </fieldset>
      <FieldError name="template" errors={errors} />
      <Field name="date" label="caseSms.date" type="date" errors={errors} values={values} />
      <Field name="time" label="caseSms.time" type="time" errors={errors} values={values} />
      <button type="submit" className="button">
        {t("caseSms.submit")}
      </button>
    </Form>
  );
}
