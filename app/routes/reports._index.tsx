import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { KeptHtml } from "~/components/kept-html";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { keepHtml } from "~/lib/kept-html.server";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { partnerAssociations } from "~/modules/protection/queries.server";
import { audienceOf, filterQuery, resolveFilter, today } from "~/modules/reporting/access.server";
import { cachedBudget, cachedReport } from "~/modules/reporting/cache.server";
import { reportBodyHtml } from "~/modules/reporting/dashboard-html.server";
import { DonorFilters, ReportFilters, ReportNotes, reportSummary } from "~/modules/reporting/dashboard-sections";
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
  const query = filterQuery(resolved);
  return {
    // the filters and notes read a few fields; the figures come as the HTML kept with the cached report
    report: reportSummary(report),
    figures: keepHtml(args.context, "report-figures", reportBodyHtml(report, args.context.locale, query)),
    quarters,
    periods,
    period: resolved.period?.key ?? null,
    partners,
    quarter: resolved.quarter,
    // the quarterly PDF of the period shown, or of the quarter holding its month
    pdfQuarter:
      resolved.quarter ?? (resolved.period?.kind === "month" ? quarterOf(resolved.period.from) : (quarters[0] ?? "")),
  };
}

export default function ReportsDashboard() {
  const { report, figures, quarters, periods, period, partners, quarter, pdfQuarter } = useLoaderData<typeof loader>();
  const { t } = useI18n();
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
      <KeptHtml id="report-figures" html={figures} />
    </div>
  );
}
