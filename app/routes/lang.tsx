import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "~db/schema";
import { isLocale } from "~/i18n/config";
import { safeRedirect } from "~/lib/forms";

export async function loader() {
  throw new Response("Method Not Allowed", { status: 405 });
}

/** The language switcher: a cookie for everyone, and the account's language for messages. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(lng)) return redirect(back);
  const user = context.auth?.user;
  if (user) await context.db.update(users).set({ locale: lng }).where(eq(users.id, user.id));
  const secure = context.secureCookies ? "; Secure" : "";
  return redirect(back, {
    headers: { "Set-Cookie": `lng=${lng}; Path=/; Max-Age=31536000; SameSite=Lax${secure}` },
  });
}
