import type { LoaderFunctionArgs } from "@remix-run/node";
import { serverT } from "~/i18n/dictionaries.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { caseload } from "~/modules/coaching/queries.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { moroccoToday } from "~/lib/morocco-time";

/**
 * The coach's own caseload as CSV, in the order of their home page (overdue follow-ups
 * first): name, stage, whether an internship follow-up, a funded business's visit or an employment check after training is due, the next action and its due day.
 * No phone or address: the list is for planning the week, the file holds the rest.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "coaching:follow");
  const today = moroccoToday();
  const rows = await caseload(args.context.db, user.id, today);
  const t = serverT(args.context.locale);
  const yesNo = (value: boolean) => (value ? t("form.yes") : t("form.no"));
  return csvResponse(
    toCsv([
      [
        t("sheets.caseload.name"),
        t("sheets.caseload.stage"),
        t("sheets.caseload.overdue"),
        t("sheets.caseload.businessVisit"),
        t("sheets.caseload.employmentCheck"),
        t("sheets.caseload.internshipOutcome"),
        t("sheets.caseload.nextAction"),
        t("sheets.caseload.dueOn"),
        t("sheets.caseload.late"),
      ],
      ...rows.map((r) => [
        r.displayName,
        t(`coaching.stage.${r.stage}`),
        yesNo(r.overdue),
        yesNo(r.businessVisitsDue > 0),
        yesNo(r.employmentChecksDue > 0),
        yesNo(r.internshipOutcomesDue > 0),
        r.nextAction?.description ?? "",
        r.nextAction?.dueOn ?? "",
        yesNo(r.actionLate),
      ]),
    ]),
    `caseload-${today}.csv`,
  );
}
