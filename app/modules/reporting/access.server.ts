/**
 * Who sees which report: the audience follows the role, and a partner association's
 * staff are held to their own association whatever the query string says.
 */
import type { SessionUser } from "~/modules/auth/session.server";
import type { Framework } from "./frameworks";
import type { ReportFilter } from "./indicator-sql.server";
import type { Audience } from "./report-tables";
import { donorPeriod, quarterOf, type DonorPeriod } from "./rules";
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

export type ResolvedFilter = {
  filter: ReportFilter;
  quarter: string | null;
  framework: Framework;
  /** the fixed period asked for (a donor always has one) */
  period: DonorPeriod | null;
};

/** "2026", "2026-Q2" or "2026-05" (already checked by REPORT_QUERY) as a fixed period. */
function periodOfKey(key: string): DonorPeriod | null {
  if (/^\d{4}$/.test(key)) return donorPeriod("year", key);
  if (/-Q\d$/.test(key)) return donorPeriod("quarter", key);
  return donorPeriod("month", key);
}

/**
 * The period (a fixed one, or from/to for staff), the association and the grouping,
 * from the URL. A malformed value, or a period that ends before it starts, is a 400.
 * Donors get fixed periods of the whole programme only (a month, a quarter, a year:
 * docs/decisions/0092-donor-figures-hide-consistently.md): a from/to or an association
 * in their request is a 400 that says so, not another report.
 */
export function resolveFilter(
  args: Parameters<typeof parseQuery>[0],
  user: Pick<SessionUser, "role" | "organisationId">,
  now = today(),
): ResolvedFilter {
  const input = parseQuery(args, REPORT_QUERY);
  const framework = input.framework ?? "snia";
  if (audienceOf(user) === "donor") {
    if (input.from || input.to) badQuery(args.context, input.from ? "from" : "to", "errors.query.donorPeriod");
    if (input.organisationId) badQuery(args.context, "organisationId", "errors.query.donorScope");
  }
  if (input.from && input.to && input.from > input.to) badQuery(args.context, "to", "errors.query.invalid");
  const key = input.period ?? input.quarter ?? (input.from && input.to ? null : quarterOf(now));
  const fixed = key ? periodOfKey(key) : null;
  const period = fixed ?? (input.from && input.to ? { from: input.from, to: input.to } : null);
  if (!period) return badQuery(args.context, "period", "errors.query.invalid");
  const organisationId = user.role === "case_worker" ? user.organisationId : (input.organisationId ?? null);
  return {
    filter: { from: period.from, to: period.to, organisationId },
    quarter: fixed?.kind === "quarter" ? fixed.key : null,
    framework,
    period: fixed,
  };
}

/** The query string that reproduces a filter, for export links. */
export function filterQuery(resolved: ResolvedFilter): string {
  const params = new URLSearchParams();
  if (resolved.period) params.set("period", resolved.period.key);
  else {
    params.set("from", resolved.filter.from);
    params.set("to", resolved.filter.to);
  }
  if (resolved.filter.organisationId) params.set("organisationId", resolved.filter.organisationId);
  params.set("framework", resolved.framework);
  return params.toString();
}
