import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { can, type Action, type Resource } from "./permissions";
import type { SessionUser } from "./session.server";

type Args = { request: Request; context: AppLoadContext };

export function getUser({ context }: Pick<Args, "context">): SessionUser | null {
  return context.auth?.user ?? null;
}

/** Signed in, or off to the sign-in page with a way back. */
export function requireUser({ request, context }: Args): SessionUser {
  const user = getUser({ context });
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * Signed in and allowed; 403 otherwise. Every loader and action calls this itself.
 * A shop's account is told 404 instead: for it, the rest of the portal does not exist.
 */
export function requirePermission(args: Args, action: Action, resource?: Resource): SessionUser {
  const user = requireUser(args);
  if (!can(user, action, resource)) return user.role === "vendor" ? notFound() : forbidden();
  return user;
}

export function requireAnonymous({ context }: Pick<Args, "context">) {
  if (context.auth) throw redirect("/home");
}

/** The loader of a page for visitors who are not signed in (sign-in, sign-up, codes). */
export function anonymousOnlyLoader({ context }: Pick<Args, "context">) {
  requireAnonymous({ context });
  return null;
}
