import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect("/home");
  return null;
}

export default function Landing() {
  const { t } = useI18n();
  return (
    <div className="landing">
      <h1 className="page-title">{t("landing.title")}</h1>
      <p className="lead">{t("landing.lead")}</p>
      <ul className="cards">
        <li className="card">
          <h2>{t("landing.health.title")}</h2>
          <p>{t("landing.health.body")}</p>
        </li>
        <li className="card">
          <h2>{t("landing.aid.title")}</h2>
          <p>{t("landing.aid.body")}</p>
        </li>
        <li className="card">
          <h2>{t("landing.jobs.title")}</h2>
          <p>{t("landing.jobs.body")}</p>
        </li>
        <li className="card">
          <h2>{t("landing.business.title")}</h2>
          <p>{t("landing.business.body")}</p>
        </li>
      </ul>
      <p className="actions">
        <Link className="button" to="/signup">
          {t("nav.signUp")}
        </Link>
        <Link className="button button-secondary" to="/login">
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
