import type { seedDemo } from "../../db/seed";
import { ROLES, type Role } from "../../app/modules/auth/roles";

export type Who = "anonymous" | Role;
export const EVERYONE: readonly Who[] = ["anonymous", ...ROLES];
export type Fixture = Awaited<ReturnType<typeof seedDemo>>;

/**
 * One row of the access matrix: a route of the build, a path to request it by (GET),
 * and the status each kind of visitor must get. 302 means "sent to sign in" for the
 * anonymous, or a redirect the page makes by design.
 */
export type AccessEntry = {
  route: string;
  path: (f: Fixture) => string;
  expect: Record<Who, number>;
};

/**
 * Shorthand: these roles get `ok`, other signed-in roles `denied`, anonymous `anonymous`.
 * A partner shop's account is never told "forbidden": for it, a page it may not open
 * does not exist (404).
 */
export function allow(
  roles: readonly Role[],
  options: { ok?: number; denied?: number; anonymous?: number } = {},
): Record<Who, number> {
  const { ok = 200, denied = 403, anonymous = 302 } = options;
  const result = { anonymous } as Record<Who, number>;
  for (const role of ROLES) result[role] = roles.includes(role) ? ok : role === "vendor" ? 404 : denied;
  return result;
}

/** The same status for everyone (public pages, method-only routes). */
export function same(status: number): Record<Who, number> {
  return Object.fromEntries(EVERYONE.map((w) => [w, status])) as Record<Who, number>;
}

export const ALL_ROLES = ROLES;

/** The demo account that plays each role, in the access matrix and the tests that walk it. */
export const ACTING: Record<Exclude<Who, "anonymous">, string> = {
  applicant: "applicant@masar.test",
  coach: "coach@masar.test",
  committee_member: "committee@masar.test",
  case_worker: "caseworker@masar.test",
  admin: "admin@masar.test",
  donor_viewer: "donor@masar.test",
  focal_point: "focal@masar.test",
  vendor: "vendor@masar.test",
};
