import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmLink } from "~/components/confirm-step";
import { useContext } from "react";
import { choiceLabels, FieldError, FormAlert, OnFileValues, SelectField } from "~/components/form";
import { type FieldErrors, type FormEcho, isTicked } from "~/lib/forms";
import type { MessageKey } from "~/i18n/translate";
import { SERVICE_KINDS } from "../constants";
import { REFERRAL_REASONS, REFERRAL_URGENCIES, referralConsentLive, SHARED_SECTIONS } from "../rules";
import { RequestFacts } from "./partner-sections";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";
import { CaseFormLink } from "./form-page";
import { Section, useIntentResult } from "./section";

export function ReferralSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  return (
    <Section title="protection.referral.title" id="referral">
      <ul className="list">
        {d.referrals.map((r) => (
          <li key={r.id} className="list-item" data-referral={r.status}>
            <p>
              {/* a sentence, not "kind → partner": an arrow points the wrong way in Arabic */}
              {t(`protection.referral.sentTo.${r.kind}`, { to: `\u2068${r.toName}\u2069` })} ·{" "}
              {t(`protection.referral.status.${r.status}`)} · {formatDate(r.createdAt)}
              {r.override ? ` · ${t("protection.referral.overridden")}` : ""}
            </p>
            <RequestFacts r={r} />
            {r.status === "pending" && r.fromOrganisationId === d.case.organisationId ? (
              <p>
                <Link to={`/protection/cases/${d.case.id}/referrals/${r.id}`}>
                  {t("protection.correct.referralLink")}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {d.referrable ? (
        <CaseFormLink caseId={d.case.id} page="referral" label="protection.referral.new" />
      ) : (
        <NoTarget live={referralConsentLive(d.consent)} />
      )}
    </Section>
  );
}

/** Why no referral can be sent: no live consent to referral (`live` false), or it names no partner. */
function NoTarget({ live }: { live: boolean }) {
  const { t } = useI18n();
  return (
    <p className="hint">{t(live ? "protection.referral.noPartnerNamed" : "protection.errors.noReferralConsent")}</p>
  );
}

/** What the referral's page shows: the partners it may go to, whether the consent to referral is live, the supervisor's override. */
export type ReferralPageData = { targets: Target[]; consentLive: boolean; supervisor: boolean };

/** The referral's page (protection.cases.$caseId.referral): the form, or why none can be sent. */
export function NewReferral({ d }: { d: ReferralPageData }) {
  const { errors, values } = useIntentResult("referral");
  if (d.targets.length)
    return <ReferralForm supervisor={d.supervisor} targets={d.targets} errors={errors} values={values} />;
  return (
    <>
      <FormAlert message={errors?.form ?? errors?.toOrganisationId} />
      <NoTarget live={d.consentLive} />
    </>
  );
}

type Target = { id: string; name: string; named: boolean };

/**
 * Boxes of one name, none ticked to begin with (nothing is shared unless ticked); a refused
 * form keeps its ticks, and says what is wrong with them (the summary links to the first box).
 */
function Checkboxes(p: {
  name: string;
  legend: MessageKey;
  hint?: MessageKey;
  options: { value: string; label: string }[];
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { t } = useI18n();
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  const onFile = useContext(OnFileValues)?.[p.name];
  const describedBy = error ? [`${id}-error`, onFile !== undefined ? `${id}-on-file` : ""].join(" ").trim() : undefined;
  return (
    <fieldset className={error ? "field field-invalid" : "field"}>
      <legend>{t(p.legend)}</legend>
      {p.hint ? <p className="hint">{t(p.hint)}</p> : null}
      {p.options.map((o, i) => (
        <label key={o.value} className="checkbox">
          <input
            // the error summary's link to the group lands on its first box (GOV.UK)
            id={i === 0 ? id : undefined}
            aria-describedby={i === 0 ? describedBy : undefined}
            type="checkbox"
            name={p.name}
            value={o.value}
            defaultChecked={isTicked(p.values, p.name, o.value)}
          />{" "}
          {o.label}
        </label>
      ))}
      <FieldError name={p.name} errors={p.errors} show={choiceLabels(t, p.options)} />
    </fieldset>
  );
}

function ReferralForm({
  supervisor,
  targets,
  errors,
  values,
}: FormEcho & {
  supervisor: boolean;
  targets: Target[];
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="referral" />
      <FormAlert message={errors?.form} />
      <SelectField
        name="kind"
        label="protection.referral.kindLabel"
        options={(["referral", "transfer"] as const).map((k) => ({
          value: k,
          label: t(`protection.referral.kind.${k}`),
        }))}
        errors={errors}
        values={values}
      />
      <SelectField
        name="toOrganisationId"
        label="protection.referral.to"
        options={targets.map((p) => ({
          value: p.id,
          label: supervisor && p.named ? `${p.name} (${t("protection.referral.namedTag")})` : p.name,
        }))}
        errors={errors}
        values={values}
      />
      <RequestFields errors={errors} values={values} />
      {supervisor ? (
        <div className="field">
          <label htmlFor="f-overrideReason">{t("protection.referral.override")}</label>
          <p className="hint">{t("protection.referral.overrideHint")}</p>
          <textarea id="f-overrideReason" name="overrideReason" rows={2} defaultValue={values?.overrideReason} />
          <FieldError name="overrideReason" errors={errors} />
        </div>
      ) : null}
      <button type="submit" className="button">
        {t("protection.referral.send")}
      </button>
    </Form>
  );
}

/** What a request says: why, how urgent, the services asked for and the sections shared (sending and correcting it). */
export function RequestFields({ errors, values }: FormEcho) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        name="reason"
        label="protection.referral.reasonLabel"
        options={REFERRAL_REASONS.map((r) => ({ value: r, label: t(`protection.referral.reason.${r}`) }))}
        placeholder="protection.field.sexChoose"
        errors={errors}
        values={values}
      />
      <SelectField
        name="urgency"
        label="protection.referral.urgencyLabel"
        options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`protection.referral.urgency.${u}`) }))}
        errors={errors}
        values={values}
      />
      <Checkboxes
        name="services"
        legend="protection.referral.servicesLabel"
        options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`protection.service.${k}`) }))}
        errors={errors}
        values={values}
      />
      <Checkboxes
        name="share"
        legend="protection.referral.shareLabel"
        hint="protection.referral.shareHint"
        options={SHARED_SECTIONS.map((k) => ({ value: k, label: t(`protection.referral.share.${k}`) }))}
        errors={errors}
        values={values}
      />
    </>
  );
}

export function SupervisorSection({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  const c = d.case;
  return (
    <Section title="protection.supervisor.title" id="supervisor">
      <p className="actions">
        {/* who opened the file: its own page (docs/decisions/0214-viewers-own-page.md) */}
        <Link className="button button-secondary" to={`/protection/cases/${c.id}/viewers`}>
          {t("protection.supervisor.viewers")}
        </Link>
        <a className="button button-secondary" href={`/protection/cases/${c.id}/export.json`}>
          {t("protection.supervisor.exportJson")}
        </a>
        <a className="button button-secondary" href={`/protection/cases/${c.id}/export.pdf`}>
          {t("protection.supervisor.exportPdf")}
        </a>
      </p>
      {!c.anonymisedAt ? (
        <div className="danger-zone">
          <h3>{t("protection.supervisor.anonymiseTitle")}</h3>
          <p className="hint">{t("protection.supervisor.anonymiseHint")}</p>
          <ConfirmLink path={`/protection/cases/${c.id}`} intent="anonymise">
            {t("protection.supervisor.anonymise")}
          </ConfirmLink>
        </div>
      ) : null}
    </Section>
  );
}
