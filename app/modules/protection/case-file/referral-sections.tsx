import { Form } from "@remix-run/react";
import { ConfirmLink } from "~/components/confirm-step";
import { FieldError, FormAlert } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";
import { Section, useIntentResult } from "./section";

export function ReferralSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  const { errors, values } = useIntentResult("referral");
  return (
    <Section title="protection.referral.title" id="referral">
      <ul className="list">
        {d.referrals.map((r) => (
          <li key={r.id} className="list-item">
            {t(`protection.referral.kind.${r.kind}`)} → {r.toName} · {t(`protection.referral.status.${r.status}`)} ·{" "}
            {formatDate(r.createdAt)}
            {r.override ? ` · ${t("protection.referral.overridden")}` : ""}
          </li>
        ))}
      </ul>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="referral" />
        <FormAlert message={errors?.form} />
        <div className="field">
          <label htmlFor="f-kind">{t("protection.referral.kindLabel")}</label>
          <select id="f-kind" name="kind" defaultValue={values?.kind}>
            <option value="referral">{t("protection.referral.kind.referral")}</option>
            <option value="transfer">{t("protection.referral.kind.transfer")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-toOrganisationId">{t("protection.referral.to")}</label>
          <select id="f-toOrganisationId" name="toOrganisationId" defaultValue={values?.toOrganisationId}>
            {d.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError name="toOrganisationId" errors={errors} />
        </div>
        {d.supervisor ? (
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
    </Section>
  );
}

export function SupervisorSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  const c = d.case;
  return (
    <Section title="protection.supervisor.title" id="supervisor">
      <p className="actions">
        <a className="button button-secondary" href={`/protection/cases/${c.id}/export.json`}>
          {t("protection.supervisor.exportJson")}
        </a>
        <a className="button button-secondary" href={`/protection/cases/${c.id}/export.pdf`}>
          {t("protection.supervisor.exportPdf")}
        </a>
      </p>
      <h3>{t("protection.supervisor.viewers")}</h3>
      <ul className="list" data-testid="viewers">
        {d.viewers.map((v, i) => (
          <li key={i} className="list-item">
            {formatDate(v.at, true)} · {v.name ?? "—"} ·{" "}
            {t(
              v.action === "protection.case.export" ? "protection.supervisor.exported" : "protection.supervisor.viewed",
            )}
          </li>
        ))}
      </ul>
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
