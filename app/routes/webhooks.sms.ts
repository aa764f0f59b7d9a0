import type { ActionFunctionArgs } from "@remix-run/node";
import { checkBearer, parseGenericReports, receiveReports } from "~/modules/notifications/delivery-reports.server";
import { reportSettings } from "~/modules/notifications/settings.server";

/**
 * Delivery reports of the generic SMS gateway: `POST {"id", "status": "delivered" | "failed",
 * "reason"}` with `Authorization: Bearer <SMS_WEBHOOK_TOKEN>`. No session, no CSRF check: the
 * token is the authentication (app/server/app.server.ts lets /webhooks/ through).
 */
export async function loader() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { genericToken } = reportSettings();
  const answer = await receiveReports(
    context.db,
    request,
    {
      secretSet: genericToken !== null,
      check: (header) => genericToken !== null && checkBearer(header, genericToken),
      challenge: "Bearer",
    },
    parseGenericReports,
  );
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
