import { ROLES, type Role } from "./roles";

/**
 * Who may do what: one typed map, denied by default. An entry lists the roles that
 * may act; where the answer depends on the record (a case of one's own association,
 * an application assigned to one), the entry is a predicate over the actor and the
 * resource. A test walks this table; a route without a check fails the access matrix.
 */
export type Actor = { id: string; role: Role; organisationId: string | null };
export type Resource = { ownerId?: string | null; organisationId?: string | null };
type Rule = readonly Role[] | ((actor: Actor, resource: Resource | undefined) => boolean);

const everyone = ROLES;
/**
 * Case workers reach their association's protection data only with an association: an
 * account its supervisor has not confirmed has none in its session (session.server.ts).
 */
const associationStaff = (actor: Actor) => actor.role === "case_worker" && actor.organisationId !== null;
/** A shop's account sees its own page and its own account, nothing else (decision: vendor role). */
const everyoneButShops = ROLES.filter((role) => role !== "vendor");

export const PERMISSIONS = {
  "account:manage-own": everyone,
  "notifications:read-own": everyoneButShops,
  "users:manage": ["admin"],
  "organisations:read": ["admin"],
  "outbox:read": ["admin"],
  "audit:read": ["admin"],
  "applicant-home:view": ["applicant"],
  "reports:view": (actor) => actor.role === "admin" || actor.role === "donor_viewer" || associationStaff(actor),
  "budget:manage": ["admin"],
  // targets, narratives and issuing the quarterly report: admins; issued reports: admins and donors
  "targets:manage": ["admin"],
  "reports:issue": ["admin"],
  "reports:issued": ["admin", "donor_viewer"],
  // protection and aid: case workers only; which cases, in the module's scoped queries
  "protection:use": associationStaff,
  "aid:use": associationStaff,
  // group activities (awareness, information, group psychosocial support): the association's
  // case workers, who run them; never a coach or a focal point (decision: group activities)
  "groups:record": associationStaff,
  // partner shops redeem their association's vouchers; admins run the shops and see figures only
  "shop:redeem": ["vendor"],
  "shops:manage": ["admin"],
  "aid:programme": ["admin"],
  // supervisors and the retention period: admins, who never see a case
  "protection:administer": ["admin"],
  "grants:manage": ["admin"],
  "grants:apply": ["applicant"],
  "grants:review": ["committee_member"],
  "grants:confirm-milestone": ["coach", "admin"],
  "grants:read-application": ["applicant", "admin"],
  // trainings, internships, coaching (issue 5). A trainer marks attendance: the roles
  // that exist for it are coach and admin. Coaches are further scoped per beneficiary.
  "trainings:browse": ["applicant", "coach", "case_worker", "admin"],
  "trainings:register": ["applicant"],
  "trainings:manage": ["admin"],
  "trainings:attendance": ["coach", "admin"],
  "trainings:certificate": ["applicant", "coach", "admin"],
  "internships:browse": ["applicant", "coach", "admin"],
  "internships:apply": ["applicant"],
  "internships:manage": ["admin"],
  "placements:manage": ["coach", "admin"],
  "coaching:assign": ["admin"],
  "coaching:follow": ["coach", "admin"],
  "cv:read": ["applicant", "coach", "admin"],
  "plans:list": ["applicant", "coach"],
  "plans:write-own": ["applicant"],
  "plans:comment": ["coach"],
  "profile:manage-own": ["applicant"],
  // acting for a person in the office (issue 15): case workers of a confirmed association and
  // coaches; for whom, the office module's `mayActFor` (docs/decisions/0104-acting-for-a-person.md)
  "office:act": (actor) => actor.role === "coach" || associationStaff(actor),
  "deletion-requests:read": ["admin"],
  // free text left from before the code lists (decision 0100-staff-fields-as-codes.md)
  "code-flags:resolve": ["admin"],
  // complaints and feedback (issue 16): sending and following are public pages. Which
  // messages a handler reaches is the module's `visibleTo`: confidential ones the focal
  // point alone, the others admins and the staff member each is assigned to.
  "feedback:handle": ["admin", "focal_point", "coach", "case_worker"],
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  const rule = PERMISSIONS[action] as Rule;
  if (typeof rule === "function") return rule(actor, resource);
  return rule.includes(actor.role);
}
