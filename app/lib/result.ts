import type { FieldErrors } from "./forms";

/**
 * What a route passes to every service along with the actor and the input: the
 * address for the audit row, and the clock, which tests set.
 */
export type Meta = { ip?: string | null; now?: Date };

/**
 * Every service answers with a Result. A failure carries the HTTP status the route
 * answers with (400 bad input, 403 not allowed, 404 not found or not visible, 409
 * no longer possible, 429 too many tries) and message keys per field ("form" for the
 * whole form). A throttled failure may say when to try again (`retryAt`), which the
 * route turns into a Retry-After header.
 */
export type FailureStatus = 400 | 403 | 404 | 409 | 429;
export type Failure = { ok: false; status: FailureStatus; errors: FieldErrors; retryAt?: Date };
export type Success<T extends object = object> = { ok: true } & T;
export type Result<T extends object = object> = Success<T> | Failure;

export function fail(status: FailureStatus, errors: FieldErrors): Failure {
  return { ok: false, status, errors };
}

/** Too many tries: refused (429) until `retryAt`. */
export function throttled(retryAt: Date, errors: FieldErrors = {}): Failure {
  return { ok: false, status: 429, errors, retryAt };
}
