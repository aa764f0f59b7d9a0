import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { asc, eq } from "drizzle-orm";
import { organisations } from "~db/schema";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { audienceOf, filterQuery, resolveFilter, today } from "~/modules/reporting/access.server";
import { FRAMEWORKS } from "~/modules/reporting/frameworks";
import { cachedReport } from "~/modules/reporting/cache.server";
import { ReportCharts, ReportTableView } from "~/modules/reporting/report-view";
import { quarterOf, quartersBetween } from "~/modules/reporting/rules";
import { getBudget } from "~/modules/reporting/budget-queries.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "reports:view");
  if (user.role === "case_worker" && !user.organisationId) forbidden();
  const { db } = args.context;
  const resolved = resolveFilter(args, user);
  const audience = audienceOf(user);
  const report = await cachedReport(db, {
    audience,
    filter: resolved.filter,
    framework: resolved.framework,
  });
  const budget = await getBudget(db);
  const now = today();
  const quarters = quartersBetween(
    budget.startsOn ?? `${now.slice(0, 4)}-01-01`,
    now > (budget.endsOn ?? now) ? (budget.endsOn ?? now) : now,
  ).reverse();
  if (!quarters.includes(quarterOf(now))) quarters.unshift(quarterOf(now));
  const partners =
    audience === "association"
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.kind, "partner_association"))
          .orderBy(asc(organisations.name));
  return { report, quarters, partners, query: filterQuery(resolved), quarter: resolved.quarter, audience };
}

export default function ReportsDashboard() {
  const { report, quarters, partners, query, quarter, audience } = useLoaderData<typeof loader>();
  const { t, formatDate, formatNumber } = useI18n();
  const csv = (tableId: string) => `/reports/export.csv?table=${tableId}&${query}`;
  const pdfQuarter = quarter ?? quarters[0] ?? "";
  const shown = new Set(["reach", "reach-sex", "monthly", "frameworks"]);
  const breakdowns = report.tables.filter((x) => x.id.startsWith("reach-") && !shown.has(x.id));
  const outputs = report.tables.find((x) => x.id === "outputs");
  const budget = report.tables.find((x) => x.id === "budget");
  return (
    <div className="reports">
      <PageTitle>{t("reporting.title")}</PageTitle>
      <p className="lead">{t("reporting.lead")}</p>

      <Form method="get" className="filters" aria-label={t("reporting.filter.apply")}>
        <label>
          {t("reporting.filter.quarter")}
          <select name="quarter" defaultValue={quarter ?? ""}>
            <option value="">{t("reporting.filter.customPeriod")}</option>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("reporting.filter.from")}
          <input type="date" name="from" defaultValue={quarter ? "" : report.filter.from} />
        </label>
        <label>
          {t("reporting.filter.to")}
          <input type="date" name="to" defaultValue={quarter ? "" : report.filter.to} />
        </label>
        {audience !== "association" ? (
          <label>
            {t("reporting.filter.organisation")}
            <select name="organisationId" defaultValue={report.filter.organisationId ?? ""}>
              <option value="">{t("reporting.filter.allOrganisations")}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t("reporting.filter.framework")}
          <select name="framework" defaultValue={report.framework}>
            {FRAMEWORKS.map((f) => (
              <option key={f} value={f}>
                {t(`reporting.framework.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("reporting.filter.apply")}
        </button>
      </Form>

      <p className="report-period">
        {t("reporting.period", { from: formatDate(report.filter.from), to: formatDate(report.filter.to) })}
      </p>
      {audience === "association" ? <p className="hint">{t("reporting.scope.organisation")}</p> : null}
      {report.suppressed ? <p className="alert">{t("reporting.suppressedNote")}</p> : null}
      {report.notWired.length ? (
        <p className="hint" data-not-wired={report.notWired.join(" ")}>
          {t("reporting.notWired", { activities: report.notWired.map((a) => t(`reporting.activity.${a}`)).join(", ") })}
        </p>
      ) : null}

      <p className="actions">
        <a
          className="button button-secondary"
          href={`/reports/quarterly.pdf?quarter=${pdfQuarter}${report.filter.organisationId ? `&organisationId=${report.filter.organisationId}` : ""}`}
          download
        >
          {t("reporting.download.pdf")}
        </a>
      </p>

      <h2>{t("reporting.section.results")}</h2>
      <ul className="cards headline">
        {report.headline.map((h) => (
          <li key={h.key} className="card">
            <p className="headline-figure">{typeof h.persons === "number" ? formatNumber(h.persons) : h.persons}</p>
            <p>{t(h.key === "all" ? "reporting.result.all" : `reporting.result.${h.key}`)}</p>
          </li>
        ))}
      </ul>
      <ReportCharts report={report} csv={csv} />

      <h2>{t("reporting.section.disaggregation")}</h2>
      {breakdowns.map((table) => (
        <div key={table.id} className="table-wrap" tabIndex={0} role="region" aria-label={t(table.title)}>
          <ReportTableView table={table} csvHref={csv(table.id)} />
        </div>
      ))}

      {outputs ? (
        <>
          <h2>{t("reporting.section.outputs")}</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("reporting.section.outputs")}>
            <ReportTableView table={outputs} csvHref={csv("outputs")} />
          </div>
        </>
      ) : null}

      {budget ? (
        <>
          <h2>{t("reporting.section.budget")}</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("reporting.section.budget")}>
            <ReportTableView table={budget} csvHref={csv("budget")} />
          </div>
        </>
      ) : null}
    </div>
  );
}
