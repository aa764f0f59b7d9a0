/** Pieces of the office's pages: the notice read aloud, the slip's form, a form that acts for the person. */
import { Form, Link } from "@remix-run/react";
import { CheckboxField, FieldError, SelectField, type Choice } from "~/components/form";
import { LOCALES, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";
import { NOTICE_LANGUAGES } from "./constants";

/** The data-protection notice, read aloud: in which language, and the box that says it was. */
export function NoticeFields({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
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
      <SelectField
        name="noticeLanguage"
        label="office.field.noticeLanguage"
        placeholder="plans.chooseOne"
        options={NOTICE_LANGUAGES.map((l) => ({ value: l, label: t(`office.lang.${l}`) }))}
        errors={errors}
        values={values}
      />
      <CheckboxField name="noticeRead" label="office.field.noticeRead" values={values} />
      <FieldError name="noticeRead" errors={errors} />
    </fieldset>
  );
}

/** The languages of the portal, named in the page's language. */
export function useLocaleChoices(): Choice[] {
  const { t } = useI18n();
  return LOCALES.map((l) => ({ value: l, label: t(`office.lang.${l}`) }));
}

/** Print a new slip: a document POST (the PDF is the answer), in the language chosen. */
export function SlipForm({ personId, locale }: { personId: string; locale: Locale }) {
  const { t } = useI18n();
  const choices = useLocaleChoices();
  return (
    <Form method="post" action={`/office/people/${personId}/slip.pdf`} reloadDocument className="stack">
      <p>{t("office.slip.intro")}</p>
      <SelectField name="locale" label="office.slip.language" defaultValue={locale} options={choices} />
      <button type="submit" className="button button-secondary">
        {t("office.slip.print")}
      </button>
    </Form>
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
        placeholder="plans.chooseOne"
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
