import { allow, same, type AccessEntry, type Who } from "./types";

/** Only the owner and their current coach see a plan; everyone else gets 404, as if it did not exist. */
const ownerAndCoach = (ok = 200): Record<Who, number> => ({ ...same(404), anonymous: 302, applicant: ok, coach: ok });

export const businessPlanRoutes: AccessEntry[] = [
  { route: "routes/plans._index", path: () => "/plans", expect: allow(["applicant", "coach"]) },
  {
    route: "routes/plans.$planId._index",
    path: (f) => `/plans/${f.businessPlans.halfPlan.id}`,
    expect: ownerAndCoach(),
  },
  {
    route: "routes/plans.$planId.$step",
    path: (f) => `/plans/${f.businessPlans.halfPlan.id}/financial`,
    expect: ownerAndCoach(),
  },
  {
    route: "routes/plans.$planId[.]pdf",
    path: (f) => `/plans/${f.businessPlans.halfPlan.id}.pdf`,
    expect: ownerAndCoach(),
  },
  {
    route: "routes/plans.$planId.attachments.$attachmentId",
    // no attachment in the demo: the owner gets 404 for an unknown file, like everyone else
    path: (f) => `/plans/${f.businessPlans.halfPlan.id}/attachments/00000000-0000-0000-0000-000000000000`,
    expect: { ...same(404), anonymous: 302 },
  },
  { route: "routes/profile._index", path: () => "/profile", expect: allow(["applicant"]) },
  { route: "routes/profile.export", path: () => "/profile/export", expect: allow(["applicant"]) },
  { route: "routes/profile.export[.]json", path: () => "/profile/export.json", expect: allow(["applicant"]) },
  { route: "routes/profile.deletion", path: () => "/profile/deletion", expect: allow(["applicant"]) },
  { route: "routes/admin.deletion-requests", path: () => "/admin/deletion-requests", expect: allow(["admin"]) },
];
