import type { LoaderFunctionArgs } from "@remix-run/node";
import { getRound } from "~/modules/aid/queries.server";
import { RoundSheetPdf } from "~/modules/aid/round-sheet-pdf.server";
import { roundSheetPeople } from "~/modules/aid/round-sheet.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { idParam, queryLocale } from "~/lib/params.server";
import { pdfResponse, renderPdf } from "~/pdf/kit.server";

/** A round's signature sheet, for the case workers of its association (as the round's page). */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const found = await getRound(args.context.db, actor, idParam(args, "roundId"));
  if (!found) notFound();
  const people = await roundSheetPeople(args.context.db, actor, found.round, { ip: args.context.ip });
  const locale = queryLocale(args) ?? args.context.locale;
  const buffer = await renderPdf(
    <RoundSheetPdf locale={locale} data={{ round: found.round, items: found.items, people }} />,
  );
  return pdfResponse(buffer, `round-sheet-${found.round.startsOn}.pdf`);
}
