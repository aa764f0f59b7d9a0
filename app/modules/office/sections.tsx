/** Pieces of the office's pages: the notice read aloud, the slip's form, the forms that act for the person. */
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep, WarningText } from "~/components/confirm-step";
import { Message } from "~/components/message";
import { CheckboxField, Field, FieldError, SelectField, type Choice } from "~/components/form";
import { LOCALES, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors, FormEcho } from "~/lib/forms";
import { DECISION_CHANNELS, NOTICE_LANGUAGES } from "./constants";

/** The data-protection notice, read aloud: in which language, and the box that says it was. */
export function NoticeFields({ errors, values }: FormEcho) {
  const { t } = useI18n();
  return (
    <fieldset className="stack">
      <legend>{t("office.notice.heading")}</legend>
      <p>{t("office.notice.body")}</p>
      <p>
        <Link to="/privacy" target="_blank">
          {t("office.notice.link")}
        </Link>
      </p>
      <NoticeLanguageField errors={errors} values={values} />
      <CheckboxField name="noticeRead" label="office.field.noticeRead" values={values} />
      <FieldError name="noticeRead" errors={errors} />
    </fieldset>
  );
}

/** The language the data-protection notice was read in (to choose, named in the page's language). */
export function NoticeLanguageField({ errors, values }: FormEcho) {
  const { t } = useI18n();
  return (
    <SelectField
      name="noticeLanguage"
      label="office.field.noticeLanguage"
      placeholder="form.choose"
      options={NOTICE_LANGUAGES.map((l) => ({ value: l, label: t(`office.lang.${l}`) }))}
      errors={errors}
      values={values}
    />
  );
}

/** The languages of the portal, named in the page's language. */
export function useLocaleChoices(): Choice[] {
  const { t } = useI18n();
  return LOCALES.map((l) => ({ value: l, label: t(`office.lang.${l}`) }));
}

/** Print a new slip: a document POST (the PDF is the answer), in the language chosen. */
/** A set-up code the person may still use: when it was given, until when it works. */
type LiveSlip = { id: string; givenAt: Date | string; until: Date | string };

export function SlipForm({ personId, locale, live }: { personId: string; locale: Locale; live: LiveSlip | null }) {
  const { t, formatDate } = useI18n();
  const choices = useLocaleChoices();
  return (
    <Form method="post" action={`/office/people/${personId}/slip.pdf`} reloadDocument className="stack">
      <p>{t("office.slip.intro")}</p>
      {live ? (
        <p data-testid="slip-live">
          {t("office.slip.live", { date: formatDate(live.givenAt, true), until: formatDate(live.until, true) })}
        </p>
      ) : null}
      <SelectField name="locale" label="office.slip.language" defaultValue={locale} options={choices} />
      <button type="submit" className="button button-secondary">
        {t("office.slip.print")}
      </button>
    </Form>
  );
}

/**
 * Printing a slip while the person has a usable code (a reload of the slip's PDF comes here
 * too): the earlier slip stops working once the new one is printed, said as GOV.UK warning
 * text; the confirmation names the code it replaces, so a reload of the new PDF comes back
 * here instead of replacing it again (decision 0174-slip-reload).
 */
export function ReplaceSlipStep({
  personId,
  name,
  locale,
  slip,
}: {
  personId: string;
  name: string;
  locale: Locale;
  slip: LiveSlip;
}) {
  const { formatDate } = useI18n();
  const path = `/office/people/${personId}`;
  return (
    <ConfirmStep
      title="office.slip.replace.title"
      titleValues={{ name }}
      intent="replaceSlip"
      hidden={{ locale, replaces: slip.id }}
      confirmLabel="office.slip.replace.confirm"
      cancelTo={path}
      irreversible={false}
      document={`${path}/slip.pdf`}
    >
      <p>
        <Message
          id="office.slip.replace.body"
          values={{ name, date: formatDate(slip.givenAt, true), until: formatDate(slip.until, true) }}
        />
      </p>
      <WarningText testId="slip-replace-warning">
        <Message id="office.slip.replace.warning" values={{ name }} />
      </WarningText>
    </ConfirmStep>
  );
}

/** One thing done for the person, with their agreement: a choice (a cohort, an offer) and the box. */
export function ActForm({
  intent,
  field,
  label,
  options,
  submit,
  none,
  errors,
}: {
  intent: string;
  field: string;
  label: MessageKey;
  options: readonly Choice[];
  submit: MessageKey;
  none: MessageKey;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  if (!options.length) return <p>{t(none)}</p>;
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <SelectField
        name={field}
        id={`f-${intent}-${field}`}
        label={label}
        placeholder="form.choose"
        options={options}
        errors={errors}
      />
      <CheckboxField name="agreed" label="office.agreed" />
      <FieldError name="agreed" errors={errors} />
      <button type="submit" className="button">
        {t(submit)}
      </button>
      <FieldError name="form" errors={errors} />
    </Form>
  );
}

/**
 * A grant application for the person: an open call, one of their complete plans, and the
 * box that says they agree. Without a plan, the page says what is missing, and why staff
 * cannot write it for them (docs/decisions/0113-grant-application-for-a-person.md).
 */
export function GrantForm({
  calls,
  plans,
  errors,
  values,
}: FormEcho & {
  calls: readonly Choice[];
  plans: readonly Choice[];
}) {
  const { t } = useI18n();
  if (!calls.length) return <p>{t("office.grant.noneCalls")}</p>;
  if (!plans.length) return <p data-testid="grant-no-plan">{t("office.grant.noPlan")}</p>;
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="grant" />
      <SelectField
        name="callId"
        id="f-grant-callId"
        label="office.grant.call"
        placeholder="form.choose"
        options={calls}
        errors={errors}
        values={values}
      />
      <SelectField
        name="planId"
        id="f-grant-planId"
        label="office.grant.plan"
        placeholder={plans.length > 1 ? "form.choose" : undefined}
        options={plans}
        errors={errors}
        values={values}
      />
      <CheckboxField name="agreed" label="office.agreed" values={values} />
      <FieldError name="agreed" errors={errors} />
      <button type="submit" className="button">
        {t("office.grant.submit")}
      </button>
      <FieldError name="form" errors={errors} />
    </Form>
  );
}

/** The day the person received a published decision, and how. */
export function ReceivedForm({
  decisions,
  today,
  errors,
  values,
}: FormEcho & {
  decisions: readonly Choice[];
  today: string;
}) {
  const { t } = useI18n();
  if (!decisions.length) return <p>{t("office.received.none")}</p>;
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="received" />
      <p>{t("office.received.intro")}</p>
      <SelectField
        name="applicationId"
        id="f-received-applicationId"
        label="office.received.application"
        options={decisions}
        errors={errors}
        values={values}
      />
      <Field
        name="receivedOn"
        label="office.received.on"
        type="date"
        max={today}
        defaultValue={today}
        errors={errors}
        values={values}
      />
      <SelectField
        name="how"
        id="f-received-how"
        label="office.received.how"
        placeholder="form.choose"
        options={DECISION_CHANNELS.map((c) => ({ value: c, label: t(`office.received.how.${c}`) }))}
        errors={errors}
        values={values}
      />
      <button type="submit" className="button button-secondary">
        {t("office.received.submit")}
      </button>
      <FieldError name="form" errors={errors} />
    </Form>
  );
}
