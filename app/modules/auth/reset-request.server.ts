import { redirect, type AppLoadContext } from "@remix-run/node";
import { refusal } from "~/lib/retry-after";
import { requestPasswordReset } from "./recovery.server";

/**
 * The forgotten-password page's request and the reset page's "send again": a code to
 * the form's identifier, then the reset page for it (`then` adds to its query), or the
 * refusal with what the form shows again.
 */
export async function askForResetCode<V>(context: AppLoadContext, form: FormData, values: V, then = "") {
  const identifier = String(form.get("identifier") ?? "").slice(0, 254);
  const asked = await requestPasswordReset(context.db, { identifier }, { ip: context.ip });
  if (!asked.ok) {
    const retryAt = asked.retryAt?.toISOString() ?? null;
    return refusal(asked, { errors: asked.errors, retryAt, values });
  }
  return redirect(`/reset-password?to=${encodeURIComponent(asked.identifier.value)}${then}`);
}
