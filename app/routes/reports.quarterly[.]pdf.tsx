import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";
import { audit } from "~/modules/audit/service.server";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { resolveFilter } from "~/modules/reporting/access.server";
import { QuarterlyReportPdf } from "~/modules/reporting/quarterly-pdf.server";
import { cachedReport } from "~/modules/reporting/cache.server";
import { badQuery, queryLocale } from "~/lib/params.server";

/**
 * The quarterly report as PDF. It is the document that goes to the donor, so it is
 * always written with small cells suppressed; an association gets its own figures.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "reports:view");
  if (user.role === "case_worker" && !user.organisationId) forbidden();
  const locale = queryLocale(args) ?? args.context.locale;
  const resolved = resolveFilter(args, user);
  const audience = user.role === "case_worker" ? "association" : "donor";
  // the donor's document: a quarter of the whole programme, whoever downloads it
  if (audience === "donor" && (resolved.period?.kind !== "quarter" || resolved.filter.organisationId)) {
    badQuery(args.context, resolved.filter.organisationId ? "organisationId" : "period", "errors.query.quarterOnly");
  }
  const report = await cachedReport(args.context.db, {
    audience,
    filter: resolved.filter,
    framework: "snia",
  });
  const quarter = resolved.quarter ?? `${report.filter.from} – ${report.filter.to}`;
  const buffer = await renderPdf(
    <QuarterlyReportPdf report={report} locale={locale} quarter={resolved.quarter ?? null} />,
  );
  await audit(args.context.db, {
    actor: user,
    action: "report.export.pdf",
    entityType: "report",
    entityId: quarter,
    ip: args.context.ip,
  });
  return pdfResponse(buffer, `masar-report-${quarter}-${locale}.pdf`);
}
