import type { MessageKey } from "~/i18n/translate";

type KindSpec = {
  inApp: MessageKey;
  subject: MessageKey;
  body: MessageKey;
  sms: MessageKey;
  /** sent by SMS even to people who turned SMS off: codes, security alerts, decisions */
  essential?: boolean;
  /** carries a one-time code in `params.code`: sent first, masked on the outbox page, short-lived */
  code?: boolean;
};

/** Every kind names its four texts the same way: `<kind>`, `.subject`, `.body`, `.sms`. */
function kind<P extends string>(prefix: P, options: { essential?: boolean; code?: boolean } = {}) {
  return {
    inApp: prefix,
    subject: `${prefix}.subject` as const,
    body: `${prefix}.body` as const,
    sms: `${prefix}.sms` as const,
    ...options,
  };
}

/**
 * Every notification the portal sends, with the message keys of each channel. Modules
 * add their kinds here and call `notify()` (service.server.ts) in the transaction of the
 * change; the texts live in the locale files, and a unit test keeps every SMS within two
 * segments in every language.
 */
export const NOTIFICATION_KINDS = {
  // accounts
  "notify.welcome": kind("notify.welcome"),
  "notify.passwordSetup": kind("notify.passwordSetup", { essential: true }),
  "notify.phoneCode": kind("notify.phoneCode", { essential: true, code: true }),
  "notify.resetCode": kind("notify.resetCode", { essential: true, code: true }),
  "notify.phoneConfirmed": kind("notify.phoneConfirmed"),
  "notify.resetCodeIssued": kind("notify.resetCodeIssued", { essential: true }),
  // a sign-up's code goes to a phone or e-mail that is no account's yet; its owner, when it is one's, is told instead
  "notify.signUpCode": kind("notify.signUpCode", { essential: true, code: true }),
  "notify.signUpAttempt": kind("notify.signUpAttempt", { essential: true }),
  // a change of number to one that another account has: its owner is told, the asker gets no code
  "notify.phoneChangeAttempt": kind("notify.phoneChangeAttempt", { essential: true }),
  // grants: decisions reach people who turned SMS off
  "grants.notify.submitted": kind("grants.notify.submitted"),
  "grants.notify.withdrawn": kind("grants.notify.withdrawn"),
  "grants.notify.awarded": kind("grants.notify.awarded", { essential: true }),
  "grants.notify.rejected": kind("grants.notify.rejected", { essential: true }),
  "grants.notify.paid": kind("grants.notify.paid"),
  "grants.notify.callDates": kind("grants.notify.callDates"),
  "grants.notify.callTexts": kind("grants.notify.callTexts"),
  // trainings
  "notify.trainingSeat": kind("notify.trainingSeat"),
  "notify.trainingWaiting": kind("notify.trainingWaiting"),
  "notify.trainingPromoted": kind("notify.trainingPromoted"),
  "notify.trainingSessionMoved": kind("notify.trainingSessionMoved"),
  "notify.trainingCertificate": kind("notify.trainingCertificate"),
  // internships and follow-up
  "notify.internshipProposed": kind("notify.internshipProposed"),
  "notify.internshipApplied": kind("notify.internshipApplied"),
  // the host's answer is a decision: it reaches people who turned SMS off
  "notify.internshipAccepted": kind("notify.internshipAccepted", { essential: true }),
  "notify.internshipDeclined": kind("notify.internshipDeclined", { essential: true }),
  "notify.internshipOfferClosed": kind("notify.internshipOfferClosed", { essential: true }),
  "notify.placementCreated": kind("notify.placementCreated"),
  "notify.followUpAppointment": kind("notify.followUpAppointment"),
  "notify.followUpMoved": kind("notify.followUpMoved"),
  "notify.followUpCancelled": kind("notify.followUpCancelled"),
  "notify.followUpReminder": kind("notify.followUpReminder"),
  // office: a decision's receipt recorded for the person was corrected or undone
  "office.notify.receiptCorrected": kind("office.notify.receiptCorrected"),
  "office.notify.receiptUndone": kind("office.notify.receiptUndone"),
  // profiles: the receipt of a data deletion request taken back
  "profiles.notify.deletionWithdrawn": kind("profiles.notify.deletionWithdrawn"),
  // protection: a request waits for the receiving association (its reason and urgency, nothing of the person)
  "protection.notify.referral": kind("protection.notify.referral"),
} as const satisfies Record<string, KindSpec>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, value);
}

export function kindSpec(kind: NotificationKind): KindSpec {
  return NOTIFICATION_KINDS[kind];
}

/**
 * The short SMS a case worker may send from a case file: fixed texts that say nothing
 * of the person's situation or of the service (never protection details), with at most
 * a date and a time.
 */
export const CASE_SMS_TEMPLATES = {
  callBack: { sms: "caseSms.callBack.sms", label: "caseSms.callBack", needsWhen: false },
  appointment: { sms: "caseSms.appointment.sms", label: "caseSms.appointment", needsWhen: true },
  documentsReady: { sms: "caseSms.documentsReady.sms", label: "caseSms.documentsReady", needsWhen: false },
} as const satisfies Record<string, { sms: MessageKey; label: MessageKey; needsWhen: boolean }>;

export type CaseSmsTemplate = keyof typeof CASE_SMS_TEMPLATES;

export function isCaseSmsTemplate(value: string): value is CaseSmsTemplate {
  return Object.prototype.hasOwnProperty.call(CASE_SMS_TEMPLATES, value);
}
