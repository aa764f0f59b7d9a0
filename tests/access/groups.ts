import { allow, type AccessEntry } from "./types";

const caseWorker = allow(["case_worker"]);

/** Group activities: the association's case workers; another association's session is "not found". */
export const groupRoutes: AccessEntry[] = [
  { route: "routes/groups._index", path: () => "/groups", expect: caseWorker },
  { route: "routes/groups.new", path: () => "/groups/new", expect: caseWorker },
  {
    route: "routes/groups.$activityId",
    path: (f) => `/groups/${f.groups.activities.a.id}`,
    expect: caseWorker,
  },
  {
    route: "routes/groups.$activityId",
    path: (f) => `/groups/${f.groups.activities.b.id}`,
    expect: allow(["case_worker"], { ok: 404 }),
  },
];
