import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditRecord } from "~/modules/audit/service.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { planDocumentFromSnapshot } from "~/modules/business-plans/document";
import { renderPlanPdf } from "~/modules/business-plans/plan-pdf.server";
import { getApplicationFor } from "~/modules/grants/queries.server";
import { pdfResponse } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

/**
 * The plan as frozen in an application, for its applicant and for admins (anyone else:
 * 404), in the reader's language and with the applicant's name: what the committee read,
 * without the blind cover. Each download is audited.
 */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "grants:read-application");
  const found = await getApplicationFor(args.context.db, actor, idParam(args, "applicationId"));
  if (!found) notFound();
  await auditRecord(
    args.context.db,
    actor,
    "grants.application.plan_pdf",
    ["grant_application", found.app.id],
    args.context.ip,
  );
  const buffer = await renderPlanPdf({
    doc: planDocumentFromSnapshot(found.app.planSnapshot),
    locale: args.context.locale,
    ownerName: found.applicantName,
  });
  return pdfResponse(buffer, `plan-${found.app.number}.pdf`);
}
