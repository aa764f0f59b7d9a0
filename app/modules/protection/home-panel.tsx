/** The case worker's day on their home page: open cases, services due, overdue referrals. */
import { useI18n } from "~/i18n/i18n-context";
import type { caseWorkerPanel } from "./queries.server";

type Panel = Awaited<ReturnType<typeof caseWorkerPanel>>;
type Props = {
  panel: {
    [K in keyof Panel]: {
      [F in keyof Panel[K][number]]: Panel[K][number][F] extends Date ? string : Panel[K][number][F];
    }[];
  };
};

export function CaseWorkerPanel({ panel }: Props) {
  const { t, formatDate } = useI18n();
  return (
    <div className="cards" data-testid="caseworker-panel">
      <section className="card">
        <h2>{t("protection.home.openCases", { count: panel.openCases.length })}</h2>
        <ul>
          {panel.openCases.slice(0, 10).map((c) => (
            <li key={c.id}>
              <a href={`/protection/cases/${c.id}`}>
                {c.firstName !== null ? `${c.firstName} ${c.lastName ?? ""}` : <bdi dir="ltr">{c.reference}</bdi>}
              </a>
            </li>
          ))}
        </ul>
        <a href="/protection">{t("protection.home.allCases")}</a>
      </section>
      <section className="card">
        <h2>{t("protection.home.due", { count: panel.due.length })}</h2>
        <ul>
          {panel.due.map((s) => (
            <li key={s.id}>
              <a href={`/protection/cases/${s.caseId}#services`}>
                {t(`protection.service.${s.kind}`)} · <span dir="ltr">{s.reference}</span>
              </a>
              {s.dueDate ? ` · ${formatDate(s.dueDate)}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section className="card overdue">
        <h2>{t("protection.home.overdue", { count: panel.overdue.length })}</h2>
        <ul>
          {panel.overdue.map((s) => (
            <li key={s.id}>
              <a href={`/protection/cases/${s.caseId}#services`}>
                {t(`protection.service.${s.kind}`)} · <span dir="ltr">{s.reference}</span>
              </a>{" "}
              · {formatDate(s.dueDate ?? s.serviceDate)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
