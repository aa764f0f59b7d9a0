import { data, type HeadersFunction } from "@remix-run/node";

/** A throttled answer's Retry-After header: whole seconds until `retryAt`, at least 1. */
export function retryAfter(retryAt: Date | undefined, now = new Date()): Record<string, string> | undefined {
  if (!retryAt) return undefined;
  return { "Retry-After": String(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000))) };
}

/** Remix keeps only cookies from an action by itself: a page whose action may throttle passes Retry-After on. */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const seconds = actionHeaders.get("Retry-After");
  return seconds ? { "Retry-After": seconds } : new Headers();
};

/**
 * A service's refusal as the route's answer, with the body the page shows: its status,
 * and when it is a 429, the Retry-After header that says how long to wait. Every
 * throttled answer goes through here, so none goes out without it.
 */
export function refusal<T>(failure: { status: number; retryAt?: Date }, body: T) {
  if (failure.status === 429 && !failure.retryAt) throw new Error("a throttled answer must say when to try again");
  return data(body, { status: failure.status, headers: retryAfter(failure.retryAt) });
}
