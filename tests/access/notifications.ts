import { ALL_ROLES, allow, same, type AccessEntry } from "./types";

const anonymousOnly = { ...same(302), anonymous: 200 };

/**
 * Delivery-report webhooks: POST only, authenticated by a shared secret, never by a
 * session. Codes: confirming one's phone (signed in), recovering a password (signed out).
 */
export const notificationRoutes: AccessEntry[] = [
  { route: "routes/webhooks.sms", path: () => "/webhooks/sms", expect: same(405) },
  { route: "routes/webhooks.infobip", path: () => "/webhooks/infobip", expect: same(405) },
  { route: "routes/confirm-phone", path: () => "/confirm-phone", expect: allow(ALL_ROLES) },
  { route: "routes/forgot-password", path: () => "/forgot-password", expect: anonymousOnly },
  { route: "routes/reset-password", path: () => "/reset-password", expect: anonymousOnly },
];
