import { allow, type AccessEntry } from "./types";

const caseWorker = allow(["case_worker"]);
/** Another association's record: even a case worker gets "not found". */
const otherAssociation = allow(["case_worker"], { ok: 404 });

export const protectionRoutes: AccessEntry[] = [
  { route: "routes/admin.protection", path: () => "/admin/protection", expect: allow(["admin"]) },
  { route: "routes/protection._index", path: () => "/protection", expect: caseWorker },
  { route: "routes/protection.cases.new", path: () => "/protection/cases/new", expect: caseWorker },
  { route: "routes/protection.referrals", path: () => "/protection/referrals", expect: caseWorker },
  // caseworker@masar.test supervises association A: it confirms the accounts that wait
  { route: "routes/protection.staff", path: () => "/protection/staff", expect: caseWorker },
  // B's transfer of PR-DEMO-B3, pending for A: A reads the sections B shared, writes nothing
  {
    route: "routes/protection.cases.$caseId._index",
    path: (f) => `/protection/cases/${f.protection.cases.b3.id}`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId.services.new",
    path: (f) => `/protection/cases/${f.protection.cases.b3.id}/services/new`,
    expect: allow(["case_worker"], { ok: 403 }),
  },
  {
    route: "routes/protection.cases.$caseId._index",
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId._index",
    path: (f) => `/protection/cases/${f.protection.cases.b1.id}`,
    expect: otherAssociation,
  },
  {
    route: "routes/protection.cases.$caseId.services.new",
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}/services/new?kind=hospital_referral`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId.services.new",
    path: (f) => `/protection/cases/${f.protection.cases.b1.id}/services/new`,
    expect: otherAssociation,
  },
  // the identity's correction: the owning association only; a receiving association never
  {
    route: "routes/protection.cases.$caseId.identity",
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}/identity`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId.identity",
    path: (f) => `/protection/cases/${f.protection.cases.b1.id}/identity`,
    expect: otherAssociation,
  },
  {
    route: "routes/protection.cases.$caseId.identity",
    path: (f) => `/protection/cases/${f.protection.cases.b3.id}/identity`,
    expect: allow(["case_worker"], { ok: 403 }),
  },
  // the file's form pages (decision 0195): the owning association only
  ...(["consent", "assessment", "household", "referral", "sms", "account"] as const).flatMap((page): AccessEntry[] => [
    {
      route: `routes/protection.cases.$caseId.${page}`,
      path: (f) => `/protection/cases/${f.protection.cases.a1.id}/${page}`,
      expect: caseWorker,
    },
    {
      route: `routes/protection.cases.$caseId.${page}`,
      path: (f) => `/protection/cases/${f.protection.cases.b1.id}/${page}`,
      expect: otherAssociation,
    },
    {
      route: `routes/protection.cases.$caseId.${page}`,
      path: (f) => `/protection/cases/${f.protection.cases.b3.id}/${page}`,
      expect: allow(["case_worker"], { ok: 403 }),
    },
  ]),
  // a service's correction: the association that recorded it
  {
    route: "routes/protection.cases.$caseId.services.$serviceId",
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}/services/${f.protection.services.a1.id}`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId.services.$serviceId",
    path: (f) => `/protection/cases/${f.protection.cases.b1.id}/services/${f.protection.services.b1.id}`,
    expect: otherAssociation,
  },
  {
    route: "routes/protection.cases.$caseId.services.$serviceId",
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}/services/${f.protection.services.b1.id}`,
    expect: otherAssociation,
  },
  // a pending request's correction: the referring association only (B here), never the receiver
  {
    route: "routes/protection.cases.$caseId.referrals.$referralId",
    path: (f) => `/protection/cases/${f.protection.cases.b3.id}/referrals/${f.protection.referrals.b3.id}`,
    expect: allow(["case_worker"], { ok: 403 }),
  },
  {
    route: "routes/protection.cases.$caseId.referrals.$referralId",
    path: (f) => `/protection/cases/${f.protection.cases.a1.id}/referrals/${f.protection.referrals.b3.id}`,
    expect: otherAssociation,
  },
  // caseworker@masar.test is a supervisor in the demo data
  {
    route: "routes/protection.cases.$caseId.export[.]json",
    path: (f) => `/protection/cases/${f.protection.cases.a2.id}/export.json`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId.export[.]json",
    path: (f) => `/protection/cases/${f.protection.cases.b1.id}/export.json`,
    expect: otherAssociation,
  },
  {
    route: "routes/protection.cases.$caseId.viewers",
    path: (f) => `/protection/cases/${f.protection.cases.a2.id}/viewers`,
    expect: caseWorker,
  },
  {
    route: "routes/protection.cases.$caseId.viewers",
    path: (f) => `/protection/cases/${f.protection.cases.b1.id}/viewers`,
    expect: otherAssociation,
  },
  {
    route: "routes/protection.cases.$caseId.export[.]pdf",
    path: (f) => `/protection/cases/${f.protection.cases.a2.id}/export.pdf`,
    expect: caseWorker,
  },
  { route: "routes/aid._index", path: () => "/aid", expect: caseWorker },
  {
    route: "routes/aid.warehouses.$warehouseId",
    path: (f) => `/aid/warehouses/${f.protection.warehouses.a.id}`,
    expect: caseWorker,
  },
  {
    route: "routes/aid.warehouses.$warehouseId",
    path: (f) => `/aid/warehouses/${f.protection.warehouses.b.id}`,
    expect: otherAssociation,
  },
  { route: "routes/aid.rounds.$roundId", path: (f) => `/aid/rounds/${f.protection.roundId}`, expect: caseWorker },
  {
    route: "routes/aid.rounds.$roundId.sheet[.]pdf",
    path: (f) => `/aid/rounds/${f.protection.roundId}/sheet.pdf`,
    expect: caseWorker,
  },
  { route: "routes/aid.vouchers._index", path: () => "/aid/vouchers", expect: caseWorker },
  {
    route: "routes/aid.vouchers.$voucherId[.]pdf",
    path: (f) => `/aid/vouchers/${f.protection.vouchers.open.id}.pdf`,
    expect: caseWorker,
  },
  {
    route: "routes/aid.vouchers.$voucherId[.]pdf",
    path: (f) => `/aid/vouchers/${f.protection.vouchers.b.id}.pdf`,
    expect: otherAssociation,
  },
];
