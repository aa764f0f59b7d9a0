import type { Executor } from "~db/client";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { audienceOf, today } from "./access.server";
import { cachedDonorFamily, cachedReachedThisQuarter } from "./cache.server";
import { reachCell } from "./donor-family";
import { donorPeriod, quarterOf, quarterPeriod, type Shown } from "./rules";

/**
 * The figure on the home page of admins, donors and associations (their own); null for
 * others. A donor's is the cell of this quarter's published family, the same as on the
 * dashboard: a second way to see one figure would give its hiding away.
 */
export async function reportingPanel(db: Executor, user: SessionUser): Promise<{ reached: Shown } | null> {
  if (!can(user, "reports:view")) return null;
  if (user.role === "case_worker" && !user.organisationId) return null;
  const quarter = quarterOf(today());
  if (audienceOf(user) === "donor") {
    const period = donorPeriod("quarter", quarter);
    if (!period) return null;
    const family = await cachedDonorFamily(db, period.year);
    return { reached: reachCell(family.published, period.key, "all", null, null) };
  }
  const period = quarterPeriod(quarter);
  if (!period) return null;
  const organisationId = user.role === "case_worker" ? user.organisationId : null;
  return { reached: await cachedReachedThisQuarter(db, { ...period, organisationId }) };
}
