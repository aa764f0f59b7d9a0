/** The home page panel for those who read the indicators. */
import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";
import type { Shown } from "./rules";

export function ReportingHomePanel({ reached }: { reached: Shown }) {
  const { t } = useI18n();
  return (
    <section className="card" data-panel="reporting">
      <h2>{t("reporting.home.title")}</h2>
      <p>
        {typeof reached === "number"
          ? t("reporting.home.reached", { count: reached })
          : t("reporting.home.reachedHidden")}
      </p>
      <Link to="/reports">{t("reporting.home.open")}</Link>
    </section>
  );
}
