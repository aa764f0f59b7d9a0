import type { MessageKey } from "~/i18n/translate";

/**
 * Every notification the portal sends, with the message keys of each channel.
 * Later modules add their kinds here; texts live in the locale files.
 */
export const NOTIFICATION_KINDS = {
  "notify.welcome": {
    inApp: "notify.welcome",
    subject: "notify.welcome.subject",
    body: "notify.welcome.body",
    sms: "notify.welcome.sms",
  },
  "notify.passwordSetup": {
    inApp: "notify.passwordSetup",
    subject: "notify.passwordSetup.subject",
    body: "notify.passwordSetup.body",
    sms: "notify.passwordSetup.sms",
  },
  "notify.trainingPromoted": {
    inApp: "notify.trainingPromoted",
    subject: "notify.trainingPromoted.subject",
    body: "notify.trainingPromoted.body",
    sms: "notify.trainingPromoted.sms",
  },
  "notify.trainingCertificate": {
    inApp: "notify.trainingCertificate",
    subject: "notify.trainingCertificate.subject",
    body: "notify.trainingCertificate.body",
    sms: "notify.trainingCertificate.sms",
  },
  "notify.internshipProposed": {
    inApp: "notify.internshipProposed",
    subject: "notify.internshipProposed.subject",
    body: "notify.internshipProposed.body",
    sms: "notify.internshipProposed.sms",
  },
  "notify.placementCreated": {
    inApp: "notify.placementCreated",
    subject: "notify.placementCreated.subject",
    body: "notify.placementCreated.body",
    sms: "notify.placementCreated.sms",
  },
  "grants.notify.awarded": {
    inApp: "grants.notify.awarded",
    subject: "grants.notify.awarded.subject",
    body: "grants.notify.awarded.body",
    sms: "grants.notify.awarded.sms",
  },
  "grants.notify.rejected": {
    inApp: "grants.notify.rejected",
    subject: "grants.notify.rejected.subject",
    body: "grants.notify.rejected.body",
    sms: "grants.notify.rejected.sms",
  },
  "grants.notify.paid": {
    inApp: "grants.notify.paid",
    subject: "grants.notify.paid.subject",
    body: "grants.notify.paid.body",
    sms: "grants.notify.paid.sms",
  },
} as const satisfies Record<string, { inApp: MessageKey; subject: MessageKey; body: MessageKey; sms: MessageKey }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, value);
}
