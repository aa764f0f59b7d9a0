import { allow, type AccessEntry } from "./types";

const caseWorker = allow(["case_worker"]);

/** Imports: an association's case workers, its own batches only; another association's is "not found". */
export const importRoutes: AccessEntry[] = [
  { route: "routes/imports._index", path: () => "/imports", expect: caseWorker },
  { route: "routes/imports.$importId", path: (f) => `/imports/${f.imports.a.id}`, expect: caseWorker },
  {
    route: "routes/imports.$importId",
    path: (f) => `/imports/${f.imports.b.id}`,
    expect: allow(["case_worker"], { ok: 404 }),
  },
];
