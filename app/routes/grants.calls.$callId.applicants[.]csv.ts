import type { LoaderFunctionArgs } from "@remix-run/node";
import { serverT } from "~/i18n/dictionaries.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { applicationsOfCall, getCall } from "~/modules/grants/queries.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { moneyDecimal } from "~/lib/money";
import { moroccoToday } from "~/lib/morocco-time";
import { idParam } from "~/lib/params.server";

/**
 * A call's applicants as CSV, as the call's page lists them (admins only, like the page):
 * number, name, status, amount requested, Morocco day of submission, screening reason.
 * Withdrawn applications are left out, as on the page; text cells are escaped against
 * formula injection (toCsv).
 */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const callId = idParam(args, "callId");
  const db = args.context.db;
  if (!(await getCall(db, callId))) notFound();
  const apps = await applicationsOfCall(db, callId);
  const t = serverT(args.context.locale);
  const rows: (string | number)[][] = [
    [
      t("grants.col.number"),
      t("grants.col.applicant"),
      t("grants.col.status"),
      t("grants.col.requested"),
      t("grants.col.submitted"),
      t("grants.call.reason"),
    ],
    ...apps.map((a) => [
      a.number,
      a.applicantName,
      t(`grants.app.status.${a.status}`),
      moneyDecimal(a.requestedCentimes),
      moroccoToday(a.submittedAt),
      a.screeningReason ?? "",
    ]),
  ];
  return csvResponse(toCsv(rows), "applicants.csv");
}
