import type { LoaderFunctionArgs } from "@remix-run/node";
import { serverT } from "~/i18n/dictionaries.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { RANKING_COLUMNS } from "~/modules/grants/constants";
import { getCall, rankingForCall } from "~/modules/grants/queries.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { idParam } from "~/lib/params.server";

/** The ranking (raw and normalised means) as CSV; every text cell escaped against formula injection. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const callId = idParam(args, "callId");
  const db = args.context.db;
  if (!(await getCall(db, callId))) notFound();
  const [raw, norm] = await Promise.all([rankingForCall(db, callId), rankingForCall(db, callId, { normalise: true })]);
  const t = serverT(args.context.locale);
  const rows: (string | number)[][] = [
    [...RANKING_COLUMNS.map((c) => t(c)), t("grants.call.rankingNormalised")],
    ...raw.map((r) => [
      r.rank,
      r.number,
      r.reviewers,
      Number(r.mean.toFixed(2)),
      Number(r.sd.toFixed(2)),
      Number(r.range.toFixed(2)),
      r.disagreement ? t("form.yes") : t("form.no"),
      Number((norm.find((n) => n.applicationId === r.applicationId)?.mean ?? 0).toFixed(2)),
    ]),
  ];
  return csvResponse(toCsv(rows), "ranking.csv");
}
