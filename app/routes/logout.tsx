import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/modules/audit/service.server";
import { invalidateSession, serializeBlankSessionCookie } from "~/modules/auth/session.server";

export async function loader() {
  // signing out changes state: only by POST (the header's form)
  throw new Response("Method Not Allowed", { status: 405 });
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth) {
    const { user, sessionId } = context.auth;
    await invalidateSession(context.db, sessionId);
    await audit(context.db, {
      actor: user,
      action: "auth.sign_out",
      entityType: "user",
      entityId: user.id,
      ip: context.ip,
    });
  }
  return redirect("/login", { headers: { "Set-Cookie": serializeBlankSessionCookie(context.secureCookies) } });
}
