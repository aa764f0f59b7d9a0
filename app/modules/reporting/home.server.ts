import type { Executor } from "~db/client";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { audienceOf, today } from "./access.server";
import { cachedReachedThisQuarter } from "./cache.server";
import { quarterOf, quarterPeriod, suppressAlone, type Shown } from "./rules";

/** The figure on the home page of admins, donors and associations (their own); null for others. */
export async function reportingPanel(db: Executor, user: SessionUser): Promise<{ reached: Shown } | null> {
  if (!can(user, "reports:view")) return null;
  if (user.role === "case_worker" && !user.organisationId) return null;
  const period = quarterPeriod(quarterOf(today()));
  if (!period) return null;
  const organisationId = user.role === "case_worker" ? user.organisationId : null;
  const reached = await cachedReachedThisQuarter(db, { ...period, organisationId });
  return { reached: audienceOf(user) === "donor" ? suppressAlone(reached) : reached };
}
