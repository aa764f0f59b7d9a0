import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse } from "~/pdf/kit.server";
import { auditRecord } from "~/modules/audit/service.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getIssue } from "~/modules/reporting/narratives.server";
import { idParam } from "~/lib/params.server";

/** An issued version of the quarterly report: the bytes stored when it was issued, never rendered again. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "reports:issued");
  const issueId = idParam(args, "issueId");
  const issue = await getIssue(args.context.db, issueId);
  if (!issue) notFound();
  await auditRecord(args.context.db, user, "report.issued.download", ["report_issue", issueId], args.context.ip);
  return pdfResponse(issue.pdf, `masar-report-${issue.quarter}-${issue.locale}-v${issue.version}.pdf`);
}
