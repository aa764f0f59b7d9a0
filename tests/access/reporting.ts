import { allow, type AccessEntry } from "./types";

const readers = allow(["admin", "donor_viewer", "case_worker"]);

export const reportingRoutes: AccessEntry[] = [
  { route: "routes/reports._index", path: () => "/reports?quarter=2026-Q4", expect: readers },
  {
    route: "routes/reports.export[.]csv",
    path: () => "/reports/export.csv?table=reach&quarter=2026-Q4",
    expect: readers,
  },
  { route: "routes/reports.quarterly[.]pdf", path: () => "/reports/quarterly.pdf?quarter=2026-Q4", expect: readers },
  { route: "routes/admin.budget", path: () => "/admin/budget", expect: allow(["admin"]) },
  {
    route: "routes/admin.quarterly-report",
    path: () => "/admin/quarterly-report?quarter=2026-Q4&locale=ar",
    expect: allow(["admin"]),
  },
  { route: "routes/reports.issued._index", path: () => "/reports/issued", expect: allow(["admin", "donor_viewer"]) },
  {
    // no version issued in the demo data: readers are told it does not exist, the others are refused
    route: "routes/reports.issued.$issueId[.]pdf",
    path: () => "/reports/issued/00000000-0000-4000-8000-000000000000.pdf",
    expect: allow(["admin", "donor_viewer"], { ok: 404 }),
  },
  { route: "routes/admin.targets", path: () => "/admin/targets?period=2026-Q4", expect: allow(["admin"]) },
];
