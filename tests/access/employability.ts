import { allow, same, type AccessEntry } from "./types";

/** Trainings, internships and coaching (issue 5). */
export const employabilityRoutes: AccessEntry[] = [
  {
    route: "routes/trainings._index",
    path: () => "/trainings",
    expect: allow(["applicant", "coach", "case_worker", "admin"]),
  },
  { route: "routes/trainings.new", path: () => "/trainings/new", expect: allow(["admin"]) },
  {
    route: "routes/trainings.$trainingId_.edit",
    path: (f) => `/trainings/${f.employability.trainingId}/edit`,
    expect: allow(["admin"]),
  },
  {
    route: "routes/trainings.cohorts.$cohortId_.edit",
    path: (f) => `/trainings/cohorts/${f.employability.openCohortId}/edit`,
    expect: allow(["admin"]),
  },
  {
    route: "routes/trainings.$trainingId",
    path: (f) => `/trainings/${f.employability.trainingId}`,
    expect: allow(["applicant", "coach", "case_worker", "admin"]),
  },
  {
    route: "routes/trainings.cohorts.$cohortId",
    path: (f) => `/trainings/cohorts/${f.employability.cohortId}`,
    expect: allow(["coach", "admin"]),
  },
  {
    route: "routes/trainings.sessions.$sessionId",
    path: (f) => `/trainings/sessions/${f.employability.sessionId}`,
    expect: allow(["coach", "admin"]),
  },
  {
    // the paper sheet: as the register itself
    route: "routes/trainings.sessions.$sessionId.sheet[.]pdf",
    path: (f) => `/trainings/sessions/${f.employability.sessionId}/sheet.pdf`,
    expect: allow(["coach", "admin"]),
  },
  {
    // the session's trainer (coach@masar.test gives the demo sessions) and admins
    route: "routes/trainings.sessions.$sessionId_.move",
    path: (f) => `/trainings/sessions/${f.employability.openSessionId}/move`,
    expect: allow(["coach", "admin"]),
  },
  {
    // the holder (applicant@masar.test), their coach and admins
    route: "routes/trainings.certificates.$certificateId[.]pdf",
    path: (f) => `/trainings/certificates/${f.employability.certificateId}.pdf`,
    expect: allow(["applicant", "coach", "admin"]),
  },
  { route: "routes/verify._index", path: () => "/verify", expect: same(200) },
  { route: "routes/verify.$code", path: (f) => `/verify/${f.employability.certificateCode}`, expect: same(200) },
  { route: "routes/internships._index", path: () => "/internships", expect: allow(["applicant", "coach", "admin"]) },
  { route: "routes/internships.hosts", path: () => "/internships/hosts", expect: allow(["admin"]) },
  {
    route: "routes/internships.hosts_.$hostId",
    path: (f) => `/internships/hosts/${f.employability.hostId}`,
    expect: allow(["admin"]),
  },
  {
    route: "routes/internships.offers.$offerId_.edit",
    path: (f) => `/internships/offers/${f.employability.offerId}/edit`,
    expect: allow(["admin"]),
  },
  {
    route: "routes/internships.offers.$offerId",
    path: (f) => `/internships/offers/${f.employability.offerId}`,
    expect: allow(["applicant", "coach", "admin"]),
  },
  {
    route: "routes/placements.$placementId",
    path: (f) => `/placements/${f.employability.placementId}`,
    expect: allow(["coach", "admin"]),
  },
  {
    route: "routes/placements.$placementId.agreement[.]pdf",
    path: (f) => `/placements/${f.employability.placementId}/agreement.pdf`,
    expect: allow(["coach", "admin"]),
  },
  { route: "routes/coaching.assignments", path: () => "/coaching/assignments", expect: allow(["admin"]) },
  // a coach's own list (an admin's is empty)
  { route: "routes/coaching.caseload[.]csv", path: () => "/coaching/caseload.csv", expect: allow(["coach", "admin"]) },
  {
    route: "routes/coaching.beneficiaries.$beneficiaryId",
    path: (f) => `/coaching/beneficiaries/${f.employability.beneficiaryId}`,
    expect: allow(["coach", "admin"]),
  },
  {
    // the coach who set it (coach@masar.test, still following the person) and admins
    route: "routes/coaching.appointments.$appointmentId",
    path: (f) => `/coaching/appointments/${f.employability.appointmentId}`,
    expect: allow(["coach", "admin"]),
  },
  {
    // the applicant's own CV (applicant@masar.test), their coach, admins
    route: "routes/cv.$userId[.]pdf",
    path: (f) => `/cv/${f.employability.beneficiaryId}.pdf`,
    expect: allow(["applicant", "coach", "admin"]),
  },
];
