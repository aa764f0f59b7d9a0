import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse } from "~/pdf/kit.server";
import { audit } from "~/modules/audit/service.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getIssue } from "~/modules/reporting/narratives.server";
import { isUuid } from "~/lib/ids";

/** An issued version of the quarterly report: the bytes stored when it was issued, never rendered again. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "reports:issued");
  const issueId = args.params.issueId ?? "";
  if (!isUuid(issueId)) notFound();
  const issue = await getIssue(args.context.db, issueId);
  if (!issue) notFound();
  await audit(args.context.db, {
    actor: user,
    action: "report.issued.download",
    entityType: "report_issue",
    entityId: issueId,
    ip: args.context.ip,
  });
  return pdfResponse(issue.pdf, `masar-report-${issue.quarter}-${issue.locale}-v${issue.version}.pdf`);
}
