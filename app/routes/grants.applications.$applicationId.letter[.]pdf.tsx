import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { LetterPdf } from "~/modules/grants/letters-pdf.server";
import { getApplicationFor } from "~/modules/grants/queries.server";
import { pdfLocalized, pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

/** The decision letter, in the applicant's language, once the call's decisions are published. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "grants:read-application");
  const applicationId = idParam(args, "applicationId");
  const found = await getApplicationFor(args.context.db, user, applicationId);
  if (!found || !found.decided) notFound();
  const locale = found.applicantLocale;
  const buffer = await renderPdf(
    <LetterPdf
      locale={locale}
      applicantName={found.applicantName}
      callTitle={pdfLocalized(found.call, "title", locale)}
      number={found.app.number}
      decidedAt={found.call.publishedAt ?? new Date()}
      award={found.award ? { reference: found.award.reference, amountCentimes: found.award.amountCentimes } : null}
      tranches={found.tranches.map((t) => ({
        condition: t.condition,
        percent: t.percent,
        amountCentimes: t.amountCentimes,
      }))}
      comment={found.app.decisionComment}
    />,
  );
  return pdfResponse(buffer, `masar-decision-${found.app.number}.pdf`);
}
