import type { referrals as fr } from "../fr/referrals";

/** Referrals with their reason and shared sections, named partners, the confirmation of case workers (issue 18). */
export const referrals: Record<keyof typeof fr, string> = {
  "protection.referral.reasonLabel": "Reason",
  "protection.referral.reason.specialised_service": "specialised service",
  "protection.referral.reason.person_moved": "the person moved",
  "protection.referral.reason.capacity": "association's capacity",
  "protection.referral.reason.safety": "the person's safety",
  "protection.referral.reason.other": "other",
  "protection.referral.reason.unknown": "not given",
  "protection.referral.urgencyLabel": "Urgency",
  "protection.referral.urgency.routine": "routine",
  "protection.referral.urgency.urgent": "urgent",
  "protection.referral.urgency.emergency": "emergency",
  "protection.referral.servicesLabel": "Services requested",
  "protection.referral.shareLabel": "Sections of the file shared",
  "protection.referral.shareHint":
    "The partner association sees only the ticked sections, before and after accepting. Nothing is shared unless ticked.",
  "protection.referral.share.identity": "Identity (name, age, contact, documents, household)",
  "protection.referral.share.services": "Services received",
  "protection.referral.share.notes": "Case notes",
  "protection.referral.share.vulnerability": "Vulnerability assessment",
  "protection.referral.sharedNone": "no section",
  "protection.referral.sharedList": "Shared: {sections}",
  "protection.referral.namedPartners": "Associations named in the consent: {names}.",
  "protection.referral.noPartnerNamed":
    "The person's consent names no partner association: record a new consent that names one.",
  "protection.referral.namedTag": "named in the consent",
  "protection.errors.partnerNotNamed":
    "The person's consent does not name this association. Record a new consent, or a supervisor overrides with a reason.",
  "protection.errors.referralReason": "Choose the reason for the request.",
  "protection.errors.referralUrgency": "Choose how urgent the request is.",
  "protection.errors.consentPartners":
    "Tick at least one partner association: consent to referral covers only the associations it names.",
  "protection.consent.partnersLabel": "Associations the person agrees to be referred to",
  "protection.consent.partnersNone": "none",
  "protection.consent.partnersNoted": "noted at the time: {text}",
  "protection.partner.title": "Case {reference}",
  "protection.partner.requests": "Request sent by {from}",
  "protection.partner.requestLine": "{kind} · {date} · {status}",
  "protection.partner.pendingHint":
    "Until you accept, you only read what the referring association shares, and you write nothing.",
  "protection.partner.acceptedHint":
    "You see the shared sections; you add your own notes and services, never changing the referring association's.",
  "protection.partner.notShared": "This section is not shared with your association.",
  "protection.partner.ownOnly": "Not shared: only what your association recorded.",
  "protection.referrals.open": "See what is shared",
  "protection.referrals.services": "Services requested: {services}",
  "protection.referrals.details": "Reason: {reason} · urgency: {urgency}",
  "protection.notify.referral": "A referral request is waiting for you: {reason}, urgency {urgency}.",
  "protection.notify.referral.subject": "Referral request ({urgency})",
  "protection.notify.referral.body":
    'A partner association sent you a referral request.\nReason: {reason}\nUrgency: {urgency}\nOpen "Incoming referrals" on Masar to read it and answer.',
  "protection.notify.referral.sms": "Masar: referral request ({reason}, urgency {urgency}).",
  "protection.staff.nav": "Accounts to confirm ({count})",
  "protection.staff.title": "Accounts to confirm",
  "protection.staff.hint":
    "These accounts of your association reach no protection file until a supervisor confirms them. Confirm only someone you know who works with you.",
  "protection.staff.none": "No account is waiting for confirmation.",
  "protection.staff.reason.new_account": "new account created by an admin",
  "protection.staff.reason.role_change": "role or association changed by an admin",
  "protection.staff.reason.new_code": "password code issued by an admin",
  "protection.staff.since": "since {date}",
  "protection.staff.confirm": "Confirm access",
  "protection.staff.pendingNotice":
    "Your access to the protection files of {association} is waiting for a supervisor of the association to confirm it: until then the Protection, Aid and Reports pages are closed to you.",
  "protection.staff.pendingWho": "Who can confirm your account: {names}.",
  "protection.staff.pendingNoSupervisor":
    "Your association has no supervisor yet: ask the programme admin to name one.",
  "admin.users.caseAccess": "Access to protection files",
  "admin.users.caseAccessConfirmed": "confirmed on {date}",
  "admin.users.caseAccessPending": "waiting for a supervisor of the association to confirm ({reason})",
  "admin.users.caseAccessNote":
    "A case-worker account reaches protection files only after a supervisor of its association confirms it.",
};
