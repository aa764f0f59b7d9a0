import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv";
import { serverT } from "~/i18n/dictionaries.server";
import { audit } from "~/modules/audit/service.server";
import { forbidden, notFound, requirePermission } from "~/modules/auth/guards.server";
import { audienceOf, resolveFilter } from "~/modules/reporting/access.server";
import { toHxlCsv } from "~/modules/reporting/csv";
import { csvValue, labelText } from "~/modules/reporting/labels";
import { cachedReport } from "~/modules/reporting/cache.server";
import { parseQuery, query } from "~/lib/params.server";

/** One table of the report as CSV, with the HXL hashtag row under the headers. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "reports:view");
  if (user.role === "case_worker" && !user.organisationId) forbidden();
  const tableId = parseQuery(args, { table: query.text(60) }).table ?? "reach";
  const resolved = resolveFilter(args, user);
  const report = await cachedReport(args.context.db, {
    audience: audienceOf(user),
    filter: resolved.filter,
    framework: resolved.framework,
  });
  const table = report.tables.find((x) => x.id === tableId);
  if (!table) notFound();
  const locale = args.context.locale;
  const t = serverT(locale);
  const columns = [
    { header: t("reporting.filter.from"), hxl: "#date +start" },
    { header: t("reporting.filter.to"), hxl: "#date +end" },
    ...table.columns.map((c) => ({ header: labelText(c.label, t, locale), hxl: c.hxl })),
  ];
  const rows = table.rows.map((row) => [
    report.filter.from,
    report.filter.to,
    ...row.map((cell, i) => csvValue(cell, table.columns[i]?.format ?? "label", t, locale)),
  ]);
  await audit(args.context.db, {
    actor: user,
    action: "report.export.csv",
    entityType: "report",
    entityId: table.id,
    ip: args.context.ip,
  });
  const name = `masar-${table.id}-${resolved.period?.key ?? `${report.filter.from}_${report.filter.to}`}.csv`;
  return csvResponse(toHxlCsv(columns, rows), name);
}
