import { allow, type AccessEntry } from "./types";

/**
 * Partner shops (issue 15): a shop's account opens its redeem page and nothing else
 * (404 everywhere, see `allow`); a case worker who scans a voucher's QR code is sent
 * to the association's own redeem page (302). Admins run the shops and see the
 * programme's figures; case workers reconcile their association's shops.
 */
export const shopRoutes: AccessEntry[] = [
  { route: "routes/shop._index", path: () => "/shop", expect: { ...allow(["vendor"]), case_worker: 302 } },
  {
    route: "routes/shop._index",
    path: (f) => `/shop?code=${encodeURIComponent(f.protection.vouchers.open.code)}`,
    expect: { ...allow(["vendor"]), case_worker: 302 },
  },
  { route: "routes/admin.shops", path: () => "/admin/shops", expect: allow(["admin"]) },
  { route: "routes/admin.programme", path: () => "/admin/programme", expect: allow(["admin"]) },
  { route: "routes/admin.aid-items", path: () => "/admin/aid-items", expect: allow(["admin"]) },
  { route: "routes/aid.redemptions", path: () => "/aid/redemptions", expect: allow(["case_worker"]) },
];
