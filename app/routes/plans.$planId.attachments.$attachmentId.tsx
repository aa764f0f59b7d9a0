import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/guards.server";
import { getAttachmentContent, getReadablePlan } from "~/modules/business-plans/queries.server";
import { idParam } from "~/lib/params.server";

/** An attachment's bytes, only for the plan's owner and their current coach. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const found = await getReadablePlan(args.context.db, user, idParam(args, "planId"));
  if (!found) notFound();
  const file = await getAttachmentContent(args.context.db, found.plan.id, idParam(args, "attachmentId"));
  if (!file) notFound();
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${file.contentType === "application/pdf" ? "attachment" : "inline"}; filename="${file.filename}"`,
      "Content-Length": String(file.content.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
