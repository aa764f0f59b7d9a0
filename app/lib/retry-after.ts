import type { HeadersFunction } from "@remix-run/node";

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
