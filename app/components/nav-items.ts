import type { MessageKey } from "~/i18n/translate";
import type { Role } from "~/modules/auth/roles";

/**
 * The navigation of each role. A link is shown only to the roles that may open it;
 * the routes check again for themselves.
 */
export type NavItem = { to: string; label: MessageKey; roles: readonly Role[] };

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
  { to: "/reports", label: "reporting.nav", roles: ["admin", "donor_viewer", "case_worker"] },
  { to: "/admin/budget", label: "reporting.budgetNav", roles: ["admin"] },
  { to: "/protection", label: "protection.nav", roles: ["case_worker"] },
  { to: "/office", label: "office.nav", roles: ["case_worker", "coach"] },
  { to: "/aid", label: "aid.nav", roles: ["case_worker"] },
  { to: "/shop", label: "aid.shop.nav", roles: ["vendor"] },
  { to: "/admin/programme", label: "aid.programme.nav", roles: ["admin"] },
  { to: "/admin/shops", label: "aid.shops.nav", roles: ["admin"] },
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

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
