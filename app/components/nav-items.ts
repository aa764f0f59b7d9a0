import type { MessageKey } from "~/i18n/translate";
import { can, type Action, type Actor } from "~/modules/auth/permissions";
import type { Role } from "~/modules/auth/roles";

/**
 * The navigation of each role. A link is shown only to the roles that may open it and,
 * where the page needs a permission beyond the role (a case worker's association, which
 * an account waiting for its supervisor does not have yet), to those who have it; the
 * routes check again for themselves.
 */
export type NavItem = { to: string; label: MessageKey; roles: readonly Role[]; permission?: Action };

export const NAV_ITEMS: readonly NavItem[] = [
  {
    to: "/home",
    label: "nav.home",
    roles: ["applicant", "coach", "committee_member", "case_worker", "admin", "donor_viewer", "focal_point"],
  },
  { to: "/admin/users", label: "nav.users", roles: ["admin"] },
  { to: "/admin/organisations", label: "nav.organisations", roles: ["admin"] },
  { to: "/admin/outbox", label: "nav.outbox", roles: ["admin"] },
  { to: "/admin/audit", label: "nav.audit", roles: ["admin"] },
  {
    to: "/reports",
    label: "reporting.nav",
    roles: ["admin", "donor_viewer", "case_worker"],
    permission: "reports:view",
  },
  { to: "/admin/budget", label: "reporting.budgetNav", roles: ["admin"] },
  { to: "/admin/targets", label: "reporting.targetsNav", roles: ["admin"] },
  { to: "/reports/issued", label: "reporting.issue.nav", roles: ["admin", "donor_viewer"] },
  { to: "/protection", label: "protection.nav", roles: ["case_worker"], permission: "protection:use" },
  { to: "/imports", label: "imports.nav", roles: ["case_worker"], permission: "protection:use" },
  { to: "/office", label: "office.nav", roles: ["case_worker", "coach"], permission: "office:act" },
  { to: "/aid", label: "aid.nav", roles: ["case_worker"], permission: "aid:use" },
  { to: "/groups", label: "groups.nav", roles: ["case_worker"], permission: "groups:record" },
  { to: "/shop", label: "aid.shop.nav", roles: ["vendor"] },
  { to: "/admin/programme", label: "aid.programme.nav", roles: ["admin"] },
  { to: "/admin/shops", label: "aid.shops.nav", roles: ["admin"] },
  { to: "/admin/aid-items", label: "aid.items.nav", roles: ["admin"] },
  { to: "/admin/protection", label: "protection.admin.nav", roles: ["admin"] },
  { to: "/grants/calls", label: "grants.nav.calls", roles: ["admin"] },
  { to: "/grants", label: "grants.nav.apply", roles: ["applicant"] },
  { to: "/grants/reviews", label: "grants.nav.reviews", roles: ["committee_member"] },
  { to: "/grants/tranches", label: "grants.nav.tranches", roles: ["coach"] },
  { to: "/trainings", label: "trainings.nav", roles: ["applicant", "coach", "case_worker", "admin"] },
  { to: "/internships", label: "internships.nav", roles: ["applicant", "coach", "admin"] },
  { to: "/coaching/assignments", label: "coaching.nav.assignments", roles: ["admin"] },
  { to: "/plans", label: "nav.plans", roles: ["applicant", "coach"] },
  { to: "/profile", label: "nav.profile", roles: ["applicant"] },
  { to: "/admin/deletion-requests", label: "nav.deletionRequests", roles: ["admin"] },
  { to: "/complaints", label: "feedback.nav", roles: ["admin", "focal_point", "coach", "case_worker"] },
];

/** Whether `actor` may open `to` as far as the navigation knows (a path it does not list: yes). */
export function mayOpen(actor: Actor, to: string): boolean {
  const item = NAV_ITEMS.find((i) => i.to === to);
  return !item?.permission || can(actor, item.permission);
}

/** The links of the header's menu for `actor`: label keys and paths, computed on the server. */
export function navFor(actor: Actor): { to: string; label: MessageKey }[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(actor.role) && mayOpen(actor, item.to)).map(
    ({ to, label }) => ({
      to,
      label,
    }),
  );
}
