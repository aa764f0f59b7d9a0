import { useI18n } from "~/i18n/i18n-context";
import { PRIVACY_NOTICE_VERSION } from "~/modules/auth/constants";

export async function loader() {
  return { version: PRIVACY_NOTICE_VERSION };
}

export default function Privacy() {
  const { t } = useI18n();
  return (
    <article className="narrow prose">
      <h1 className="page-title">{t("privacy.title")}</h1>
      <p className="hint">{t("privacy.version", { version: PRIVACY_NOTICE_VERSION })}</p>
      <p>{t("privacy.who")}</p>
      <p>{t("privacy.what")}</p>
      <p>{t("privacy.why")}</p>
      <p>{t("privacy.sharing")}</p>
      <p>{t("privacy.rights")}</p>
    </article>
  );
}
