import { allow, same, type AccessEntry } from "./types";

const handlers = ["admin", "focal_point", "coach", "case_worker"] as const;

export const feedbackRoutes: AccessEntry[] = [
  // public on purpose: anyone sends and follows a message, signed in or not
  { route: "routes/feedback._index", path: () => "/feedback", expect: same(200) },
  { route: "routes/feedback.follow", path: () => "/feedback/follow", expect: same(200) },
  // the acknowledgement needs the cookie the form sets; without it, back to the form
  { route: "routes/feedback.sent", path: () => "/feedback/sent", expect: same(302) },
  { route: "routes/complaints._index", path: () => "/complaints", expect: allow(handlers) },
  // a confidential report: the focal point alone; every other handler is told it does not exist
  {
    route: "routes/complaints.$feedbackId",
    path: (f) => `/complaints/${f.feedback.psea.id}`,
    expect: { ...allow(handlers, { ok: 404 }), focal_point: 200 },
  },
  {
    route: "routes/complaints.$feedbackId",
    path: (f) => `/complaints/${f.feedback.misconduct.id}?confirm=close`,
    expect: { ...allow(handlers, { ok: 404 }), focal_point: 200 },
  },
  // an ordinary complaint nobody was given: admins only, never the focal point
  {
    route: "routes/complaints.$feedbackId",
    path: (f) => `/complaints/${f.feedback.overdue.id}`,
    expect: { ...allow(handlers, { ok: 404 }), admin: 200 },
  },
  // one assigned to caseworker@masar.test: admins and that case worker
  {
    route: "routes/complaints.$feedbackId",
    path: (f) => `/complaints/${f.feedback.assigned.id}`,
    expect: { ...allow(handlers, { ok: 404 }), admin: 200, case_worker: 200 },
  },
];
