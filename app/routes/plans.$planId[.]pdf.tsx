import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/guards.server";
import { toPlanDocument } from "~/modules/business-plans/document";
import { renderPlanPdf } from "~/modules/business-plans/plan-pdf.server";
import { getReadablePlan } from "~/modules/business-plans/queries.server";
import { pdfResponse } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

/** The plan as a PDF, in its owner's language, for the owner and their coach. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const found = await getReadablePlan(args.context.db, user, idParam(args, "planId"));
  if (!found) notFound();
  const doc = toPlanDocument(found.plan);
  const buffer = await renderPlanPdf({ doc, locale: found.ownerLocale, ownerName: found.ownerName });
  const name =
    doc.summary.projectName
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "plan";
  return pdfResponse(buffer, `${name}.pdf`);
}
