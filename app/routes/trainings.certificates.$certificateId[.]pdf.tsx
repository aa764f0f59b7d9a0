import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { CertificatePdf } from "~/modules/trainings/certificate-pdf.server";
import { getCertificate } from "~/modules/trainings/queries.server";
import { pdfLocalized, pdfResponse, renderPdf } from "~/pdf/kit.server";
import { idParam, queryLocale } from "~/lib/params.server";

/** The holder downloads it; their coach and admins may print it. Anyone else: 404. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:certificate");
  const { db } = args.context;
  const cert = await getCertificate(db, idParam(args, "certificateId"));
  if (!cert || cert.revokedAt) notFound();
  const allowed =
    cert.userId === user.id ||
    user.role === "admin" ||
    (user.role === "coach" && (await isCurrentCoachOf(db, user.id, cert.userId)));
  if (!allowed) notFound();
  const locale = queryLocale(args) ?? (cert.userId === user.id ? args.context.locale : cert.locale);
  const origin = new URL(args.request.url).origin;
  const buffer = await renderPdf(
    <CertificatePdf
      locale={locale}
      data={{
        displayName: cert.displayName,
        trainingTitle: pdfLocalized(cert.training, "title", locale),
        startsOn: cert.cohort.startsOn,
        endsOn: cert.cohort.endsOn,
        issuedAt: cert.issuedAt,
        code: cert.code,
        verifyUrl: `${origin}/verify/${cert.code}`,
      }}
    />,
  );
  return pdfResponse(buffer, `certificate-${cert.code}.pdf`);
}
