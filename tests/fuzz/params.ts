/**
 * Malformed route parameters and query strings for EVERY route of the build, as
 * anonymous and as each demo role: ids that are not uuids (or only look like one),
 * days that do not exist (31 February, year 0, month 99), numbers and choices that
 * are not offered. Used by tests/integration/params-fuzz.test.ts. Any 5xx is a failure.
 *
 * Path parameters: each `:param` of a route's pattern gets each malformed id, the
 * others keep a real value from the access matrix (GET, and POST for actions).
 * Query strings: on every page a visitor may open (200 with clean values), each
 * query parameter the route's source names gets each malformed value, one at a time,
 * so that one refused parameter never hides another.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import type { Fixture, Who } from "../access/types";
import { pathsForRoute, root, routePatterns } from "../bench/harness";

export const MALFORMED_IDS = [
  "not-a-uuid",
  "------------------------------------",
  "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6g",
  "%00",
];

/** Every query parameter a route reads, with values it must refuse (or ignore) without a 500. */
export const MALFORMED_QUERY: Record<string, string[]> = {
  from: ["2026-02-31", "0000-01-01", "2026-99-01"],
  to: ["2026-02-30"],
  quarter: ["0000-Q1", "2026-Q5"],
  period: ["2026-13", "0000", "2026-Q0", "2026-00", "99999"],
  organisationId: ["------------------------------------"],
  framework: ["__proto__"],
  table: ["nope"],
  lang: ["xx", "toString"],
  q: ["%00", "x".repeat(500)],
  role: ["__proto__"],
  kind: ["constructor"],
  mine: ["2"],
  paid: ["no"],
  city: ["x".repeat(500)],
  sector: ["a%00b"],
  entity: ["x".repeat(500)],
  code: ["%00"],
  saved: ["2"],
  v: ["x".repeat(200)],
};

/** The keys of REPORT_QUERY, read by every route that calls resolveFilter. */
const REPORT_KEYS = ["quarter", "period", "from", "to", "organisationId", "framework"];

export type ParamFuzzReport = {
  sent: number;
  byStatus: Map<number, number>;
  serverErrors: string[];
};

function routeSource(routeId: string): string {
  for (const ext of [".tsx", ".ts"]) {
    try {
      return readFileSync(path.join(root, "app", `${routeId}${ext}`), "utf8");
    } catch {
      // the other extension
    }
  }
  return "";
}

/** The query parameters a route's source reads (named keys, shared query shapes). */
export function queryKeysOf(routeId: string): string[] {
  const source = routeSource(routeId);
  const keys = Object.keys(MALFORMED_QUERY).filter((key) => new RegExp(`\\b${key}\\b\\s*:|"${key}"`).test(source));
  if (source.includes("resolveFilter")) keys.push(...REPORT_KEYS);
  if (source.includes("queryLocale")) keys.push("lang");
  if (source.includes("OFFER_FILTERS")) keys.push("city", "sector", "paid");
  return [...new Set(keys)];
}

export async function runParamFuzz(options: {
  baseUrl: string;
  build: ServerBuild;
  fixture: Fixture;
  cookies: Record<Who, string>;
  concurrency?: number;
}): Promise<ParamFuzzReport> {
  const { baseUrl, build, fixture, cookies } = options;
  const patterns = routePatterns(build);
  const report: ParamFuzzReport = { sent: 0, byStatus: new Map(), serverErrors: [] };
  const jobs: { method: "GET" | "POST"; path: string; who: Who }[] = [];
  const everyone = Object.keys(cookies) as Who[];

  const send = async (job: (typeof jobs)[number]) => {
    const headers: Record<string, string> = { Origin: baseUrl };
    if (cookies[job.who]) headers.Cookie = cookies[job.who];
    let status = -1;
    let text = "";
    try {
      const init: RequestInit = { method: job.method, headers, redirect: "manual" };
      if (job.method === "POST") {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        init.body = "intent=x";
      }
      const r = await fetch(baseUrl + job.path, init);
      status = r.status;
      text = await r.text();
    } catch (error) {
      text = String(error);
    }
    report.sent++;
    report.byStatus.set(status, (report.byStatus.get(status) ?? 0) + 1);
    if (status >= 500 || status < 0)
      report.serverErrors.push(
        `${status} ${job.method} ${job.path.slice(0, 160)} as ${job.who}: ${text.slice(0, 120)}`,
      );
    return status;
  };
  const runAll = async () => {
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) await send(jobs[next++]!);
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, () => worker()));
    jobs.length = 0;
  };

  // 1. malformed ids in each path parameter, GET and (for actions) POST, as everyone
  for (const [id, pattern] of patterns) {
    const segments = pattern.split("/");
    const params = segments.map((s, i) => (s.startsWith(":") ? i : -1)).filter((i) => i >= 0);
    if (params.length === 0) continue;
    const real = pathsForRoute(id, pattern, fixture)[0]!.split("/");
    const hasAction = Boolean(build.routes[id]?.module.action);
    for (const index of params) {
      for (const bad of MALFORMED_IDS) {
        const parts = [...real];
        // the segment may carry a suffix in the pattern ("/:userId.pdf" is ":userId" then ".pdf" in the file name)
        parts[index] = bad + (real[index]!.match(/\.(pdf|csv|json)$/)?.[0] ?? "");
        for (const who of everyone) {
          jobs.push({ method: "GET", path: parts.join("/"), who });
          if (hasAction) jobs.push({ method: "POST", path: parts.join("/"), who });
        }
      }
    }
  }
  await runAll();

  // 2. malformed query values on every page a visitor may open
  const open: { id: string; path: string; who: Who }[] = [];
  for (const [id, pattern] of patterns) {
    const keys = queryKeysOf(id);
    if (keys.length === 0 || !build.routes[id]?.module.loader) continue;
    for (const p of pathsForRoute(id, pattern, fixture))
      for (const who of everyone) {
        const r = await fetch(baseUrl + p, {
          headers: cookies[who] ? { Cookie: cookies[who] } : {},
          redirect: "manual",
        });
        await r.arrayBuffer();
        if (r.status === 200) open.push({ id, path: p, who });
      }
  }
  for (const page of open) {
    for (const key of queryKeysOf(page.id)) {
      for (const bad of MALFORMED_QUERY[key] ?? []) {
        const value = bad.includes("%") ? bad : encodeURIComponent(bad);
        jobs.push({ method: "GET", path: `${page.path}?${key}=${value}`, who: page.who });
      }
    }
  }
  await runAll();
  return report;
}
