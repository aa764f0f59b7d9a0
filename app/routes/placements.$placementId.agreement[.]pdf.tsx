import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { AgreementPdf } from "~/modules/internships/agreement-pdf.server";
import { getPlacement } from "~/modules/internships/queries.server";
import { mayFollow } from "~/modules/internships/service.server";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam, queryLocale } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "placements:manage");
  const p = await getPlacement(args.context.db, idParam(args, "placementId"));
  if (!p || !(await mayFollow(args.context.db, user, p.placement.beneficiaryId))) notFound();
  const locale = queryLocale(args) ?? args.context.locale;
  const buffer = await renderPdf(
    <AgreementPdf
      locale={locale}
      data={{
        beneficiaryName: p.beneficiaryName,
        beneficiaryContact: p.beneficiaryPhone ?? p.beneficiaryEmail ?? "",
        hostName: p.hostName,
        hostCity: p.hostCity,
        hostSector: p.host?.sector ?? null,
        hostContact: [p.host?.contactName, p.host?.contactPhone].filter(Boolean).join(" "),
        tutorName: p.placement.tutorName,
        coachName: p.coachName,
        startsOn: p.placement.startsOn,
        endsOn: p.placement.endsOn,
        stipendCentimes: p.placement.stipendCentimes,
      }}
    />,
  );
  return pdfResponse(buffer, `convention-${p.placement.id.slice(0, 8)}.pdf`);
}
