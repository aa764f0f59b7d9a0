import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { exportCase } from "~/modules/protection/service.server";
import { idParam } from "~/lib/params.server";

/** A person's full record as JSON, for them, on request: supervisors of the owning association only. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const record = await exportCase(args.context.db, actor, idParam(args, "caseId"), { ip: args.context.ip });
  return new Response(JSON.stringify(record, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${record.case.reference}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
