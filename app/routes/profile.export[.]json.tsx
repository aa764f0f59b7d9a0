import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { exportMyData } from "~/modules/profiles/queries.server";
import { audit } from "~/modules/audit/service.server";

/** What the portal keeps about the signed-in applicant, as one JSON file (its page: /profile/export). */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:manage-own");
  const body = JSON.stringify(await exportMyData(args.context.db, user.id), null, 2);
  await audit(args.context.db, {
    actor: user,
    action: "profile.export",
    entityType: "user",
    entityId: user.id,
    ip: args.context.ip,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="masar-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
