import { allow, type AccessEntry } from "./types";

const admin = allow(["admin"]);

export const grantsRoutes: AccessEntry[] = [
  { route: "routes/grants._index", path: () => "/grants", expect: allow(["applicant"]) },
  { route: "routes/grants.calls._index", path: () => "/grants/calls", expect: admin },
  { route: "routes/grants.calls.new", path: () => "/grants/calls/new", expect: admin },
  { route: "routes/grants.calls.$callId", path: (f) => `/grants/calls/${f.grants.reviewCall.id}`, expect: admin },
  {
    route: "routes/grants.calls.$callId_.edit",
    path: (f) => `/grants/calls/${f.grants.reviewCall.id}/edit`,
    expect: admin,
  },
  {
    route: "routes/grants.calls.$callId.ranking[.]csv",
    path: (f) => `/grants/calls/${f.grants.reviewCall.id}/ranking.csv`,
    expect: admin,
  },
  {
    route: "routes/grants.calls.$callId.applicants[.]csv",
    path: (f) => `/grants/calls/${f.grants.reviewCall.id}/applicants.csv`,
    expect: admin,
  },
  {
    route: "routes/grants.calls.$callId.decisions[.]csv",
    path: (f) => `/grants/calls/${f.grants.reviewCall.id}/decisions.csv`,
    expect: admin,
  },
  {
    route: "routes/grants.calls.$callId.report[.]pdf",
    path: (f) => `/grants/calls/${f.grants.reviewCall.id}/report.pdf`,
    expect: admin,
  },
  {
    route: "routes/grants.applications.$applicationId",
    path: (f) => `/grants/applications/${f.grants.applicantApplicationId}`,
    expect: allow(["applicant", "admin"]),
  },
  {
    // no letter before the decisions are published
    route: "routes/grants.applications.$applicationId.letter[.]pdf",
    path: (f) => `/grants/applications/${f.grants.applicantApplicationId}/letter.pdf`,
    expect: allow(["applicant", "admin"], { ok: 404 }),
  },
  {
    route: "routes/grants.applications.$applicationId.plan[.]pdf",
    path: (f) => `/grants/applications/${f.grants.applicantApplicationId}/plan.pdf`,
    expect: allow(["applicant", "admin"]),
  },
  { route: "routes/grants.reviews._index", path: () => "/grants/reviews", expect: allow(["committee_member"]) },
  {
    route: "routes/grants.reviews.$assignmentId",
    path: (f) => `/grants/reviews/${f.grants.committeeAssignmentId}`,
    expect: allow(["committee_member"]),
  },
  {
    route: "routes/grants.reviews.$assignmentId.plan[.]pdf",
    path: (f) => `/grants/reviews/${f.grants.committeeAssignmentId}/plan.pdf`,
    expect: allow(["committee_member"]),
  },
  { route: "routes/grants.tranches", path: () => "/grants/tranches", expect: allow(["coach", "admin"]) },
];
