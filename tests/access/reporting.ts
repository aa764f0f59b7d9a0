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
  { route: "routes/admin.targets", path: () => "/admin/targets?period=2026-Q4", expect: allow(["admin"]) },
];
