import type { ActionFunctionArgs } from "@remix-run/node";
import { checkBasicAuth, receiveReports } from "~/modules/notifications/delivery-reports.server";
import { parseInfobipReports } from "~/modules/notifications/infobip.server";
import { reportSettings } from "~/modules/notifications/settings.server";

/**
 * Infobip's delivery reports (`{ results: [...] }`), with the HTTP Basic credentials set in
 * Infobip's notification profile (INFOBIP_WEBHOOK_USER / INFOBIP_WEBHOOK_PASSWORD).
 */
export async function loader() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { infobip } = reportSettings();
  const answer = await receiveReports(
    context.db,
    request,
    {
      secretSet: infobip !== null,
      check: (header) => infobip !== null && checkBasicAuth(header, infobip),
      challenge: 'Basic realm="masar"',
    },
    parseInfobipReports,
  );
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
