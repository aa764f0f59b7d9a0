import { ConfirmStep } from "~/components/confirm-step";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";

/** The confirmation steps of the case file: what happens, to whom, and a way back. */
export function CaseConfirmStep({ d, step }: { d: CaseFileData; step: "anonymise" | "withdrawConsent" }) {
  const { t } = useI18n();
  const c = d.case;
  const name = d.name;
  const back = `/protection/cases/${c.id}`;
  if (step === "anonymise")
    return (
      <ConfirmStep
        title="protection.confirm.anonymise.title"
        titleValues={{ name }}
        intent="anonymise"
        confirmLabel="protection.confirm.anonymise.button"
        cancelTo={`${back}#supervisor`}
      >
        <p>
          <bdi>{name}</bdi> · <span dir="ltr">{c.reference}</span>
        </p>
        <p>{t("protection.confirm.anonymise.erased")}</p>
        <ul>
          <li>{t("protection.confirm.anonymise.identity")}</li>
          <li>{t("protection.confirm.anonymise.notes")}</li>
          <li>{t("protection.confirm.anonymise.account")}</li>
        </ul>
        <p>{t("protection.confirm.anonymise.kept")}</p>
        <p>{t("protection.confirm.anonymise.export")}</p>
      </ConfirmStep>
    );
  return (
    <ConfirmStep
      title="protection.confirm.withdrawConsent.title"
      titleValues={{ name }}
      intent="withdrawConsent"
      confirmLabel="protection.confirm.withdrawConsent.button"
      cancelTo={`${back}#consent`}
      irreversible={false}
    >
      <p>
        <bdi>{name}</bdi> · <span dir="ltr">{c.reference}</span>
      </p>
      <p>{t("protection.confirm.withdrawConsent.effects")}</p>
      <ul>
        <li>{t("protection.confirm.withdrawConsent.referrals")}</li>
        <li>{t("protection.confirm.withdrawConsent.aid")}</li>
      </ul>
      <p>{t("protection.confirm.withdrawConsent.again")}</p>
    </ConfirmStep>
  );
}
