/**
 * Who sees which report: the audience follows the role, and a partner association's
 * staff are held to their own association whatever the query string says.
 */
import type { SessionUser } from "~/modules/auth/session.server";
import { FRAMEWORKS, type Framework } from "./frameworks";
import type { ReportFilter } from "./queries.server";
import type { Audience } from "./report.server";
import { quarterOf, quarterPeriod } from "./rules";
import { ReportFilterSchema } from "./schemas.server";

export function audienceOf(user: Pick<SessionUser, "role">): Audience {
  if (user.role === "admin") return "admin";
  if (user.role === "case_worker") return "association";
  return "donor";
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export type ResolvedFilter = { filter: ReportFilter; quarter: string | null; framework: Framework };

/** The period (a quarter, or from/to), the association and the grouping, from the URL. */
export function resolveFilter(
  url: URL,
  user: Pick<SessionUser, "role" | "organisationId">,
  now = today(),
): ResolvedFilter {
  const parsed = ReportFilterSchema.safeParse(Object.fromEntries(url.searchParams));
  const input = parsed.success ? parsed.data : {};
  let quarter: string | null = input.quarter ?? null;
  let period = quarter ? quarterPeriod(quarter) : null;
  if (!period && input.from && input.to && input.from <= input.to) period = { from: input.from, to: input.to };
  if (!period) {
    quarter = quarterOf(now);
    period = quarterPeriod(quarter);
  }
  if (!period) throw new Error("no period");
  const organisationId = user.role === "case_worker" ? user.organisationId : (input.organisationId ?? null);
  const framework = input.framework && FRAMEWORKS.includes(input.framework) ? input.framework : "snia";
  return { filter: { ...period, organisationId }, quarter, framework };
}

/** The query string that reproduces a filter, for export links. */
export function filterQuery(resolved: ResolvedFilter): string {
  const params = new URLSearchParams();
  if (resolved.quarter) params.set("quarter", resolved.quarter);
  else {
    params.set("from", resolved.filter.from);
    params.set("to", resolved.filter.to);
  }
  if (resolved.filter.organisationId) params.set("organisationId", resolved.filter.organisationId);
  params.set("framework", resolved.framework);
  return params.toString();
}
