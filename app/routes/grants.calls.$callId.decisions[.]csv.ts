import type { LoaderFunctionArgs } from "@remix-run/node";
import { serverT } from "~/i18n/dictionaries.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { applicationsOfCall, awardsOfCall, getCall } from "~/modules/grants/queries.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { moneyDecimal } from "~/lib/money";
import { idParam } from "~/lib/params.server";

/** Decisions per application as CSV (names included: admins only); text cells escaped against formula injection. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const callId = idParam(args, "callId");
  const db = args.context.db;
  if (!(await getCall(db, callId))) notFound();
  const [apps, awards] = await Promise.all([applicationsOfCall(db, callId), awardsOfCall(db, callId)]);
  const t = serverT(args.context.locale);
  const rows: (string | number | null)[][] = [
    [
      t("grants.col.number"),
      t("grants.col.applicant"),
      t("grants.col.status"),
      t("grants.col.reference"),
      t("grants.col.amount"),
      t("grants.col.paid"),
      t("grants.col.comment"),
    ],
    ...apps.map((a) => {
      const award = awards.find((w) => w.award.applicationId === a.id)?.award;
      return [
        a.number,
        a.applicantName,
        t(`grants.app.status.${a.status}`),
        award?.reference ?? "",
        award ? moneyDecimal(award.amountCentimes) : null,
        award ? moneyDecimal(award.paidCentimes) : null,
        a.decisionComment ?? "",
      ];
    }),
  ];
  return csvResponse(toCsv(rows), "decisions.csv");
}
