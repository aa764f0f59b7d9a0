import { ALL_ROLES, allow, same, type AccessEntry } from "./types";

const signedIn = allow(ALL_ROLES);
const anonymousOnly = { ...same(302), anonymous: 200 };

export const foundationRoutes: AccessEntry[] = [
  { route: "routes/_index", path: () => "/", expect: anonymousOnly },
  { route: "routes/login", path: () => "/login", expect: anonymousOnly },
  { route: "routes/signup", path: () => "/signup", expect: anonymousOnly },
  // without a sign-up waiting for its code, back to the form (signed in: home)
  { route: "routes/signup_.code", path: () => "/signup/code", expect: same(302) },
  { route: "routes/set-password", path: () => "/set-password", expect: anonymousOnly },
  { route: "routes/privacy", path: () => "/privacy", expect: same(200) },
  // the consent notice case workers read aloud holds nothing about anyone
  { route: "routes/consent-notice", path: () => "/consent-notice", expect: same(200) },
  { route: "routes/healthz", path: () => "/healthz", expect: same(200) },
  { route: "routes/locales.$lng", path: () => "/locales/ar", expect: same(200) },
  { route: "routes/logout", path: () => "/logout", expect: same(405) },
  { route: "routes/lang", path: () => "/lang", expect: same(405) },
  // a shop's account has one page: its home sends it there
  { route: "routes/home", path: () => "/home", expect: { ...signedIn, vendor: 302 } },
  { route: "routes/account", path: () => "/account", expect: signedIn },
  {
    route: "routes/notifications",
    path: () => "/notifications",
    expect: allow(ALL_ROLES.filter((r) => r !== "vendor")),
  },
  { route: "routes/admin.users._index", path: () => "/admin/users", expect: allow(["admin"]) },
  { route: "routes/admin.users.new", path: () => "/admin/users/new", expect: allow(["admin"]) },
  {
    route: "routes/admin.users.$userId",
    path: (f) => `/admin/users/${f.foundation.accounts.coach.id}`,
    expect: allow(["admin"]),
  },
  { route: "routes/admin.organisations", path: () => "/admin/organisations", expect: allow(["admin"]) },
  { route: "routes/admin.outbox", path: () => "/admin/outbox", expect: allow(["admin"]) },
  { route: "routes/admin.audit", path: () => "/admin/audit", expect: allow(["admin"]) },
  { route: "routes/admin.codes", path: () => "/admin/codes", expect: allow(["admin"]) },
  // the static page `npm run bench:http` measures every other page against
  { route: "routes/bench.floor", path: () => "/bench/floor", expect: same(200) },
];
