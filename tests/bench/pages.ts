import type { Who } from "../access/types";
import { loadBuild, pagesFor } from "./harness";

/**
 * The pages measured. `routes` are candidate route ids, first present wins: add a
 * module's page here when it lands (its path comes from the access matrix).
 */
export const BENCH_PAGES: { label: string; who: Who; routes: string[] }[] = [
  { label: "floor (static text)", who: "anonymous", routes: ["routes/bench.floor"] },
  { label: "sign-in page", who: "anonymous", routes: ["routes/login"] },
  { label: "applicant's home", who: "applicant", routes: ["routes/home"] },
  { label: "a plan's page", who: "applicant", routes: ["routes/plans.$planId._index"] },
  { label: "committee member's list", who: "committee_member", routes: ["routes/grants.reviews._index"] },
  // the coach's caseload is the coach's home page (CaseloadPanel); /coaching/assignments is the admin's
  { label: "coach's caseload", who: "coach", routes: ["routes/home"] },
  { label: "a case file", who: "case_worker", routes: ["routes/protection.cases.$caseId._index"] },
  { label: "donor dashboard", who: "donor_viewer", routes: ["routes/reports._index"] },
];

/** The page of BENCH_PAGES named `label`, and its first request in this build. */
export async function benchEntry(label: string) {
  const page = BENCH_PAGES.find((p) => p.label === label);
  if (!page) throw new Error(`no page "${label}" in BENCH_PAGES`);
  const build = await loadBuild();
  const routeId = page.routes.find((id) => build.routes[id]);
  const entry = routeId ? pagesFor(routeId, page.who)[0] : undefined;
  if (!entry) throw new Error(`"${label}" is not in this build`);
  return { page, entry };
}
