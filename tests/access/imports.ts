import { allow, type AccessEntry } from "./types";

const importers = ["case_worker", "coach", "admin"] as const;

/**
 * Imports: whoever does a kind's work by hand (case workers: cases and applicants; coaches:
 * applicants and attendance; admins: attendance), their own organisation's batches of
 * those kinds only; another association's, or a kind they do not import, is "not found".
 */
export const importRoutes: AccessEntry[] = [
  { route: "routes/imports._index", path: () => "/imports", expect: allow(importers) },
  {
    route: "routes/imports.$importId",
    path: (f) => `/imports/${f.imports.a.id}`,
    expect: { ...allow(importers, { ok: 404 }), case_worker: 200 },
  },
  {
    route: "routes/imports.$importId",
    path: (f) => `/imports/${f.imports.b.id}`,
    expect: allow(importers, { ok: 404 }),
  },
];
