/**
 * Who sees which report: the audience follows the role, and a partner association's
 * staff are held to their own association whatever the query string says.
 */
import type { SessionUser } from "~/modules/auth/session.server";
import type { Framework } from "./frameworks";
import type { ReportFilter } from "./indicator-sql.server";
import type { Audience } from "./report-tables";
import { quarterOf, quarterPeriod } from "./rules";
import { badQuery, parseQuery } from "~/lib/params.server";
import { REPORT_QUERY } from "./schemas.server";
import { moroccoToday } from "~/lib/morocco-time";

export function audienceOf(user: Pick<SessionUser, "role">): Audience {
  if (user.role === "admin") return "admin";
  if (user.role === "case_worker") return "association";
  return "donor";
}

/** Today in Morocco: reports' periods are Moroccan days. */
export function today(): string {
  return moroccoToday();
}

export type ResolvedFilter = { filter: ReportFilter; quarter: string | null; framework: Framework };

/**
 * The period (a quarter, or from/to), the association and the grouping, from the
 * URL. A malformed value, or a period that ends before it starts, is a 400.
 */
export function resolveFilter(
  args: Parameters<typeof parseQuery>[0],
  user: Pick<SessionUser, "role" | "organisationId">,
  now = today(),
): ResolvedFilter {
  const input = parseQuery(args, REPORT_QUERY);
  if (input.from && input.to && input.from > input.to) badQuery(args.context, "to", "errors.query.invalid");
  let quarter: string | null = input.quarter ?? null;
  let period = quarter ? quarterPeriod(quarter) : null;
  if (!period && input.from && input.to) period = { from: input.from, to: input.to };
  if (!period) {
    quarter = quarterOf(now);
    period = quarterPeriod(quarter);
  }
  if (!period) throw new Error("no period");
  const organisationId = user.role === "case_worker" ? user.organisationId : (input.organisationId ?? null);
  return { filter: { ...period, organisationId }, quarter, framework: input.framework ?? "snia" };
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
