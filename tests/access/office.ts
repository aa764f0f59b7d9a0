import { allow, type AccessEntry } from "./types";

/**
 * Acting for a person in the office (issue 15): case workers and coaches. The demo person
 * was registered by association A's case worker: other staff get 404 on their pages (the
 * coach neither registered nor follows them). A slip is printed by a POST; a GET goes
 * back to the person's page (302).
 */
export const officeRoutes: AccessEntry[] = [
  { route: "routes/office._index", path: () => "/office", expect: allow(["case_worker", "coach"]) },
  { route: "routes/office.register", path: () => "/office/register", expect: allow(["case_worker", "coach"]) },
  {
    route: "routes/office.people.$personId",
    path: (f) => `/office/people/${f.office.personId}`,
    expect: { ...allow(["case_worker"]), coach: 404 },
  },
  {
    route: "routes/office.people.$personId.slip[.]pdf",
    path: (f) => `/office/people/${f.office.personId}/slip.pdf`,
    expect: { ...allow(["case_worker"], { ok: 302 }), coach: 404 },
  },
];
