import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { AttendanceSheetPdf } from "~/modules/trainings/attendance-sheet-pdf.server";
import { getAttendanceSheet } from "~/modules/trainings/queries.server";
import { idParam, queryLocale } from "~/lib/params.server";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";

/** The session's paper attendance sheet, for those who take the register (as its page). */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "trainings:attendance");
  const sheet = await getAttendanceSheet(args.context.db, idParam(args, "sessionId"));
  if (!sheet) notFound();
  const locale = queryLocale(args) ?? args.context.locale;
  const buffer = await renderPdf(
    <AttendanceSheetPdf
      locale={locale}
      data={{ training: sheet.training, cohort: sheet.cohort, session: sheet.session, participants: sheet.rows }}
    />,
  );
  return pdfResponse(buffer, `attendance-${sheet.session.startsAt.toISOString().slice(0, 10)}.pdf`);
}
