import { Fragment } from "react";
import { Form } from "@remix-run/react";
import { ConfirmLink } from "~/components/confirm-step";
import { FieldError, SelectField } from "~/components/form";
import { type FormEcho, isTicked } from "~/lib/forms";
import { direction, LOCALES, LOCALE_NAMES } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";
import { CaseFormLink } from "./form-page";
import { Section, useIntentResult } from "./section";
import { LanguageName, languageChoices } from "~/components/language-name";

export function ConsentSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  const consent = d.consent;
  return (
    <Section title="protection.consent.title" id="consent">
      {consent ? (
        <dl className="facts" data-testid="consent">
          <dt>{t("protection.consent.services")}</dt>
          <dd>{t(consent.services ? "form.yes" : "form.no")}</dd>
          <dt>{t("protection.consent.referral")}</dt>
          <dd>{t(consent.referral ? "form.yes" : "form.no")}</dd>
          {consent.referral ? (
            <>
              <dt>{t("protection.consent.partnersLabel")}</dt>
              <dd data-testid="consent-partners">
                {consent.partners.length ? (
                  consent.partners.map((p, i) => (
                    <span key={p.id}>
                      {i ? " · " : ""}
                      <bdi>{p.name}</bdi>
                    </span>
                  ))
                ) : (
                  <>{t("protection.consent.partnersNone")}</>
                )}
                {consent.referralPartners
                  ? ` (${t("protection.consent.partnersNoted", { text: consent.referralPartners })})`
                  : ""}
              </dd>
            </>
          ) : null}
          <dt>{t("protection.consent.reporting")}</dt>
          <dd>{t(consent.anonymisedReporting ? "form.yes" : "form.no")}</dd>
          <dt>{t("protection.consent.smsShort")}</dt>
          <dd>{t(consent.contactBySms ? "form.yes" : "form.no")}</dd>
          <dt>{t("protection.consent.given")}</dt>
          <dd>
            {formatDate(consent.givenAt, true)} · <LanguageName locale={consent.language} /> ·{" "}
            <span dir="ltr">{consent.noticeVersion}</span>
          </dd>
          {consent.withdrawnAt ? (
            <>
              <dt>{t("protection.consent.withdrawn")}</dt>
              <dd>{formatDate(consent.withdrawnAt, true)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t("protection.consent.none")}</p>
      )}
      {d.own && !d.case.anonymisedAt ? (
        <CaseFormLink caseId={d.case.id} page="consent" label="protection.consent.record" />
      ) : null}
      {d.own && !d.case.anonymisedAt && consent && !consent.withdrawnAt ? (
        <p className="danger-zone">
          <ConfirmLink path={`/protection/cases/${d.case.id}`} intent="withdrawConsent">
            {t("protection.consent.withdraw")}
          </ConfirmLink>
        </p>
      ) : null}
    </Section>
  );
}

type Partner = { id: string; name: string };

/** A new consent, on its own page (protection.cases.$caseId.consent). */
export function RecordConsentForm({ partners }: { partners: Partner[] }) {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("consent");
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="consent" />
      <ConsentNoticeLinks />
      <ConsentChoices errors={errors} values={values} partners={partners} />
      <button type="submit" className="button">
        {t("protection.consent.record")}
      </button>
    </Form>
  );
}

/**
 * What the person consents to, and the language the notice was read in: at registration
 * and later. Consent to referral names the partner associations it covers.
 */
/** Links to the consent notice in each language, opened beside the form (which keeps what was typed). */
export function ConsentNoticeLinks() {
  const { t } = useI18n();
  return (
    <p data-testid="consent-notice-links">
      {t("protection.notice.open")}{" "}
      {LOCALES.map((l, i) => (
        <Fragment key={l}>
          {i > 0 ? " · " : null}
          <a
            href={`/consent-notice?lang=${l}`}
            lang={l}
            dir={direction(l)}
            hrefLang={l}
            target="_blank"
            rel="noreferrer"
          >
            {LOCALE_NAMES[l]}
          </a>
        </Fragment>
      ))}
    </p>
  );
}

export function ConsentChoices({
  errors,
  values,
  partners,
}: FormEcho & {
  partners: Partner[];
}) {
  const { t, locale } = useI18n();
  const checked = (name: string) => values?.[name] === "on";
  return (
    <>
      <label className="checkbox">
        <input
          id="f-consentServices"
          type="checkbox"
          name="consentServices"
          defaultChecked={checked("consentServices")}
        />{" "}
        {t("protection.consent.services")}
      </label>
      <FieldError name="consentServices" errors={errors} />
      <label className="checkbox">
        <input type="checkbox" name="consentReferral" defaultChecked={checked("consentReferral")} />{" "}
        {t("protection.consent.referral")}
      </label>
      <fieldset className={errors?.consentPartners ? "field field-invalid" : "field"}>
        <legend>{t("protection.consent.partnersLabel")}</legend>
        {partners.map((p, i) => (
          <label key={p.id} className="checkbox">
            <input
              id={i === 0 ? "f-consentPartners" : undefined}
              type="checkbox"
              name="consentPartners"
              value={p.id}
              defaultChecked={isTicked(values, "consentPartners", p.id)}
            />{" "}
            <bdi>{p.name}</bdi>
          </label>
        ))}
        <FieldError name="consentPartners" errors={errors} />
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name="consentReporting" defaultChecked={checked("consentReporting")} />{" "}
        {t("protection.consent.reporting")}
      </label>
      <label className="checkbox">
        <input type="checkbox" name="consentSms" defaultChecked={checked("consentSms")} /> {t("protection.consent.sms")}
      </label>
      <SelectField
        name="consentLanguage"
        label="protection.consent.language"
        values={values}
        defaultValue={locale}
        options={languageChoices()}
      />
    </>
  );
}
