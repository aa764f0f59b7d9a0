import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { CallReportPdf } from "~/modules/grants/letters-pdf.server";
import { applicationsOfCall, awardsOfCall, getCall, rankingForCall } from "~/modules/grants/queries.server";
import { pdfLocalized, pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const callId = idParam(args, "callId");
  const db = args.context.db;
  const found = await getCall(db, callId);
  if (!found) notFound();
  const [ranking, awards, applications] = await Promise.all([
    rankingForCall(db, callId),
    awardsOfCall(db, callId),
    applicationsOfCall(db, callId),
  ]);
  const locale = args.context.locale;
  const buffer = await renderPdf(
    <CallReportPdf
      locale={locale}
      callTitle={pdfLocalized(found.call, "title", locale)}
      budgetCentimes={found.call.budgetCentimes}
      awardedCentimes={found.call.awardedCentimes}
      applications={applications.length}
      ranking={ranking.map((r) => ({
        rank: r.rank,
        number: r.number,
        mean: r.mean,
        sd: r.sd,
        disagreement: r.disagreement,
        awardedCentimes: awards.find((a) => a.award.applicationId === r.applicationId)?.award.amountCentimes ?? null,
      }))}
    />,
  );
  return pdfResponse(buffer, `masar-call-report.pdf`);
}
