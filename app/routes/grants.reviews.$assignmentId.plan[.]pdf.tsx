import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditRecord } from "~/modules/audit/service.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { planDocumentFromSnapshot } from "~/modules/business-plans/document";
import { renderPlanPdf } from "~/modules/business-plans/plan-pdf.server";
import { serverT } from "~/i18n/dictionaries.server";
import { getBlindAssignment } from "~/modules/grants/queries.server";
import { pdfResponse } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

/**
 * The frozen plan of an application as a PDF, for the committee member it is assigned
 * to (anyone else: 404), in the member's language. Blind as the review page is: no name
 * unless the call shows names and this member has submitted; the document itself never
 * holds contacts, a birth date or a photo, and the applicant's names and any contact in
 * the text they wrote are hidden (decision 0151). Each download is audited.
 */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "grants:review");
  const locale = args.context.locale;
  const view = await getBlindAssignment(
    args.context.db,
    actor.id,
    idParam(args, "assignmentId"),
    serverT(locale)("grants.blind.hidden"),
  );
  if (!view) notFound();
  await auditRecord(
    args.context.db,
    actor,
    "grants.review.plan_pdf",
    ["grant_assignment", view.assignmentId],
    args.context.ip,
  );
  const buffer = await renderPlanPdf({
    doc: planDocumentFromSnapshot(view.plan),
    locale,
    ownerName: view.applicantName,
    anonymisedAs: view.applicantName ? null : { applicationNumber: view.number, hiddenPassages: view.hiddenPassages },
  });
  return pdfResponse(buffer, `plan-${view.number}.pdf`);
}
