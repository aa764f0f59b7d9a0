import { same, type AccessEntry } from "./types";

/** Delivery-report webhooks: POST only, authenticated by a shared secret, never by a session. */
export const notificationRoutes: AccessEntry[] = [
  { route: "routes/webhooks.sms", path: () => "/webhooks/sms", expect: same(405) },
  { route: "routes/webhooks.infobip", path: () => "/webhooks/infobip", expect: same(405) },
];
