import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { partnerAssociations } from "~/modules/protection/queries.server";
import { audienceOf, filterQuery, resolveFilter, today } from "~/modules/reporting/access.server";
import { cachedBudget, cachedReport } from "~/modules/reporting/cache.server";
import {
  DonorFilters,
  Headline,
  ReportFilters,
  ReportNotes,
  TablesSection,
} from "~/modules/reporting/dashboard-sections";
import { ReportCharts } from "~/modules/reporting/report-view";
import { offeredPeriods, offeredQuarters, quarterOf } from "~/modules/reporting/rules";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "reports:view");
  if (user.role === "case_worker" && !user.organisationId) forbidden();
  const { db } = args.context;
  const resolved = resolveFilter(args, user);
  const audience = audienceOf(user);
  const [report, budget] = await Promise.all([
    cachedReport(db, { audience, filter: resolved.filter, framework: resolved.framework }),
    cachedBudget(db),
  ]);
  const quarters = offeredQuarters(budget, today());
  // donors choose among fixed periods of the whole programme; associations see their own only
  const periods = audience === "donor" ? offeredPeriods(budget, today()) : null;
  const partners = audience === "admin" ? await partnerAssociations(db, null) : null;
  return {
    report,
    quarters,
    periods,
    period: resolved.period?.key ?? null,
    partners,
    query: filterQuery(resolved),
    quarter: resolved.quarter,
    // the quarterly PDF of the period shown, or of the quarter holding its month
    pdfQuarter:
      resolved.quarter ?? (resolved.period?.kind === "month" ? quarterOf(resolved.period.from) : (quarters[0] ?? "")),
  };
}

/** The breakdowns shown as tables of their own (the others sit under their charts). */
const UNDER_CHARTS = new Set(["reach", "reach-sex", "monthly", "frameworks"]);

export default function ReportsDashboard() {
  const { report, quarters, periods, period, partners, query, quarter, pdfQuarter } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const csv = (tableId: string) => `/reports/export.csv?table=${tableId}&${query}`;
  const tables = (keep: (id: string) => boolean) => report.tables.filter((x) => keep(x.id));
  return (
    <div className="reports">
      <PageTitle>{t("reporting.title")}</PageTitle>
      <p className="lead">{t("reporting.lead")}</p>
      {periods ? (
        <DonorFilters report={report} periods={periods} period={period ?? ""} />
      ) : (
        <ReportFilters report={report} quarters={quarters} quarter={quarter} partners={partners} />
      )}
      <ReportNotes report={report} pdfQuarter={pdfQuarter} />
      <Headline headline={report.headline} />
      <TablesSection heading="reporting.section.progress" tables={tables((id) => id === "progress")} csv={csv} />
      {tables((id) => id === "progress").length ? <p className="hint">{t("reporting.progress.note")}</p> : null}
      <TablesSection
        heading="groups.report.section"
        tables={tables((id) => id === "people-reached" || id === "group-activities")}
        csv={csv}
      />
      {tables((id) => id === "people-reached").length ? <p className="hint">{t("groups.report.note")}</p> : null}
      <ReportCharts report={report} csv={csv} />
      <TablesSection
        heading="reporting.section.disaggregation"
        tables={tables((id) => id.startsWith("reach-") && !UNDER_CHARTS.has(id))}
        csv={csv}
      />
      <TablesSection
        heading="reporting.section.outputs"
        regionLabel="reporting.section.outputs"
        tables={tables((id) => id === "outputs" || id === "business-outcomes")}
        csv={csv}
      />
      <TablesSection
        heading="reporting.section.budget"
        regionLabel="reporting.section.budget"
        tables={tables((id) => id === "budget")}
        csv={csv}
      />
      <TablesSection heading="feedback.report.section" tables={tables((id) => id === "complaints")} csv={csv} />
      {tables((id) => id === "complaints").length ? <p className="hint">{t("feedback.report.note")}</p> : null}
    </div>
  );
}
