import type { ServerBuild } from "@remix-run/node";
import type { Fixture, Who } from "../access/types";
import { loadBuild, pagesFor } from "./harness";

/**
 * The pages measured. `routes` are candidate route ids, first present wins: add a
 * module's page here when it lands (its path comes from the access matrix). `share` is
 * the target: the page's requests per second as a share of the framework's floor
 * (tests/bench/floor-app) in the same run; `p99` the latency target in ms, if any; `path`
 * the page's address when the access matrix's first row for the route is not the page
 * meant (it must still be a row where `who` gets 200).
 */
export const BENCH_PAGES: {
  label: string;
  who: Who;
  routes: string[];
  share: number;
  p99?: number;
  path?: (f: Fixture) => string;
}[] = [
  { label: "floor (static text)", who: "anonymous", routes: ["routes/bench.floor"], share: 0.6, p99: 250 },
  { label: "sign-in page", who: "anonymous", routes: ["routes/login"], share: 0.6, p99: 250 },
  { label: "applicant's home", who: "applicant", routes: ["routes/home"], share: 0.4, p99: 250 },
  { label: "a plan's page", who: "applicant", routes: ["routes/plans.$planId._index"], share: 0.4, p99: 250 },
  {
    label: "committee member's list",
    who: "committee_member",
    routes: ["routes/grants.reviews._index"],
    share: 0.4,
    p99: 250,
  },
  // the coach's caseload is the coach's home page (CaseloadPanel); /coaching/assignments is the admin's
  { label: "coach's caseload", who: "coach", routes: ["routes/home"], share: 0.4, p99: 250 },
  {
    label: "a case file",
    who: "case_worker",
    routes: ["routes/protection.cases.$caseId._index"],
    share: 0.3,
    p99: 250,
    // the owning association's own file, every section: the matrix's first row is a
    // receiving association's read of B3's shared sections
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}`,
  },
  { label: "donor dashboard", who: "donor_viewer", routes: ["routes/reports._index"], share: 0.2 },
];

/** A page's address in this build (its `path`, else the access matrix's first row), if it has the route. */
export function benchPath(page: (typeof BENCH_PAGES)[number], build: ServerBuild) {
  const routeId = page.routes.find((id) => build.routes[id]);
  const rows = routeId ? pagesFor(routeId, page.who) : [];
  if (!page.path) return rows[0]?.path;
  const path = page.path;
  return rows.length ? path : undefined;
}

/** The page of BENCH_PAGES named `label`, and its address in this build. */
export async function benchEntry(label: string) {
  const page = BENCH_PAGES.find((p) => p.label === label);
  if (!page) throw new Error(`no page "${label}" in BENCH_PAGES`);
  const path = benchPath(page, await loadBuild());
  if (!path) throw new Error(`"${label}" is not in this build`);
  return { page, entry: { path } };
}
